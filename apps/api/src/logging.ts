import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { destination, stdSerializers } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from './config/app-config';

/**
 * Structured logs that never carry survivor data: no bodies, no query strings, no tokens, and
 * any field with a sensitive name is censored wherever it appears.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.fullName',
  '*.name',
  '*.phone',
  '*.address',
  '*.idNumber',
  '*.dateOfBirth',
  '*.notes',
  '*.narrative',
  '*.body',
];

export function loggerOptions(config: AppConfig): Params {
  const options: Options<IncomingMessage, ServerResponse> = {
    level: config.logLevel,
    genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // One short line per request: the logs written while serving it carry only its id (not the
    // whole request), and the serializers get the raw objects (pino-http's wrappers first copy
    // every header of the request into a new object, on every request).
    quietReqLogger: true,
    quietResLogger: true,
    wrapSerializers: false,
    serializers: {
      // Paths only: a query string could one day carry a search term.
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
    customSuccessObject: (_req, _res, value: { responseTime: number }) => ({
      responseTime: value.responseTime,
    }),
    customSuccessMessage: (req, res) =>
      `${req.method ?? ''} ${pathOf(req.url ?? '')} ${res.statusCode}`,
    customErrorMessage: (req, res) =>
      `${req.method ?? ''} ${pathOf(req.url ?? '')} ${res.statusCode}`,
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  };
  return {
    // Express 5 route syntax; the default '*' makes Nest warn about a legacy route on every start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    // Written asynchronously (pino flushes what is buffered when the process exits): a request
    // never waits on stdout.
    pinoHttp:
      config.logLevel === 'silent' ? options : [options, destination({ dest: 1, sync: false })],
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** What a failed SQL statement may say in a log: its shape, never the values bound to it. */
interface QueryFailure {
  type: string;
  code: string | undefined;
  query: string;
  table: string | undefined;
  column: string | undefined;
  constraint: string | undefined;
  routine: string | undefined;
  stack: string | undefined;
}

/**
 * A TypeORM QueryFailedError carries the bound parameters, and PostgreSQL's message and detail quote values
 * ("invalid input syntax for type uuid: \"…\"", "Key (code)=(…) already exists"): any of them can be survivor
 * data. Such an error is logged as the SQL text with its placeholders and PostgreSQL's error code, table,
 * column and constraint; the stack keeps only its frames. Every other error logs as pino would.
 */
export function serializeError(err: unknown): unknown {
  const failed = err as {
    name?: string;
    query?: unknown;
    parameters?: unknown;
    driverError?: Record<string, unknown>;
    stack?: string;
  };
  if (typeof failed?.query !== 'string' || failed.driverError === undefined) {
    return err instanceof Error ? stdSerializers.err(err) : err;
  }
  const pg = failed.driverError;
  const text = (key: string) => (typeof pg[key] === 'string' ? (pg[key] as string) : undefined);
  const failure: QueryFailure = {
    type: failed.name ?? 'QueryFailedError',
    code: text('code'),
    query: failed.query.slice(0, 2000),
    table: text('table'),
    column: text('column'),
    constraint: text('constraint'),
    routine: text('routine'),
    // The first line of a stack is the message: drop it, keep the frames.
    stack: failed.stack?.split('\n').slice(1).join('\n'),
  };
  return failure;
}
