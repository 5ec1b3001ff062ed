import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { ApiErrorBody, FieldError } from '@caunoi/shared/contracts';
import type { AuthenticatedUser } from '../modules/authz/authenticated-user';
import type { DeniedAccessRecorder } from '../modules/audit/denied-access.recorder';
import { httpErrorForDatabase } from './database-errors';
import { currentRequestId } from './request-context';

/**
 * The one error filter. 4xx bodies explain the problem; 5xx bodies carry only a request id,
 * never a stack, a query or data, and the error is logged under that id. A signed-in user's refused
 * attempt (403, 404) is audited before the answer goes out.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly deniedAccess?: DeniedAccessRecorder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const mapped = httpErrorForDatabase(exception);
    if (mapped) {
      // Logged by its shape only: the driver's detail and parameters hold the request's values.
      const pg = exception as { code?: string; constraint?: string; table?: string };
      this.logger.warn(
        {
          sqlState: pg.code,
          constraint: pg.constraint,
          table: pg.table,
          requestId: currentRequestId(),
        },
        'Database refused the request data',
      );
    }
    const effective = mapped ?? exception;
    const status = statusOf(effective);
    const route = (request.route as { path?: unknown } | undefined)?.path;
    if (
      this.deniedAccess &&
      (status === HttpStatus.FORBIDDEN || status === HttpStatus.NOT_FOUND) &&
      request.user &&
      typeof route === 'string'
    ) {
      this.deniedAccess
        .record(request.user, { method: request.method, route, params: request.params }, status)
        .catch((err: unknown) => this.logger.error({ err }, 'Could not audit a refused request'))
        .finally(() => this.respond(effective, status, response));
      return;
    }
    this.respond(effective, status, response);
  }

  private respond(exception: unknown, status: number, response: Response): void {
    const requestId = currentRequestId() ?? undefined;

    if (status >= 500) {
      this.logger.error({ err: exception, requestId }, 'Unhandled error');
      const body: ApiErrorBody = {
        statusCode: status,
        error: 'Internal Server Error',
        message: 'Something went wrong. Quote the request id when you report it.',
        requestId,
      };
      response.status(status).json(body);
      return;
    }
    const retryAfter = (exception as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(status).json({ ...bodyOf(exception, status), requestId });
  }
}

/** An http-errors style error (body-parser, express) that reached here with its own 4xx status. */
function clientErrorStatus(exception: unknown): number | null {
  const candidate = exception as { status?: unknown; expose?: unknown } | null;
  return typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    candidate.expose === true
    ? candidate.status
    : null;
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  return clientErrorStatus(exception) ?? HttpStatus.INTERNAL_SERVER_ERROR;
}

function bodyOf(exception: unknown, status: number): ApiErrorBody {
  const raw = exception instanceof HttpException ? exception.getResponse() : null;
  const obj =
    typeof raw === 'object' && raw !== null
      ? (raw as Partial<ApiErrorBody> & { message?: unknown })
      : null;
  if (obj?.errors || (exception instanceof HttpException && status !== 400)) {
    return {
      statusCode: status,
      error: obj?.error ?? statusText(status),
      message: Array.isArray(obj?.message)
        ? obj.message.join('; ')
        : String(obj?.message ?? raw ?? ''),
      ...(obj?.errors ? { errors: obj.errors } : {}),
      ...(typeof obj?.code === 'string' ? { code: obj.code } : {}),
    };
  }
  // A 400 our code did not raise: Nest turns express's "Failed to decode param '…'" into one, and
  // parser errors can quote the input. Name what was wrong, never echo it.
  const text = String(obj?.message ?? (exception as { message?: unknown } | null)?.message ?? '');
  const error: FieldError = /decode param/i.test(text)
    ? { field: 'path', code: 'invalid_encoding', message: 'The address is not validly encoded' }
    : { field: 'body', code: 'invalid_request', message: 'The request could not be read' };
  return { statusCode: status, error: statusText(status), message: error.message, errors: [error] };
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
