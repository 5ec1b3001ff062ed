import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
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
  return {
    // Express 5 route syntax; the default '*' makes Nest warn about a legacy route on every start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        // Paths only: a query string could one day carry a search term.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    },
  };
}
