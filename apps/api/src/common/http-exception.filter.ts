import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { ApiErrorBody } from '@caunoi/shared/contracts';
import type { AuthenticatedUser } from '../modules/authz/authenticated-user';
import type { DeniedAccessRecorder } from '../modules/audit/denied-access.recorder';
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
    const status = statusOf(exception);
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
        .finally(() => this.respond(exception, status, response));
      return;
    }
    this.respond(exception, status, response);
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

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  // body-parser errors (malformed JSON, body too large) carry their own 4xx status.
  const candidate = exception as { status?: unknown; type?: unknown };
  if (typeof candidate?.status === 'number' && typeof candidate.type === 'string') {
    return candidate.status;
  }
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

function bodyOf(exception: unknown, status: number): ApiErrorBody {
  if (exception instanceof HttpException) {
    const raw = exception.getResponse();
    if (typeof raw === 'object' && raw !== null) {
      const obj = raw as Partial<ApiErrorBody> & { message?: unknown };
      return {
        statusCode: status,
        error: obj.error ?? statusText(status),
        message: Array.isArray(obj.message) ? obj.message.join('; ') : String(obj.message ?? ''),
        ...(obj.errors ? { errors: obj.errors } : {}),
        ...(typeof obj.code === 'string' ? { code: obj.code } : {}),
      };
    }
    return { statusCode: status, error: statusText(status), message: String(raw) };
  }
  const type = (exception as { type?: string }).type;
  const message =
    type === 'entity.too.large'
      ? 'Request body is too large'
      : type === 'entity.parse.failed'
        ? 'Request body is not valid JSON'
        : 'Bad request';
  return { statusCode: status, error: statusText(status), message };
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
