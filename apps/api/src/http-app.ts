import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from '@caunoi/shared/contracts';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { originCheck } from './common/origin-check';
import { requestContextMiddleware } from './common/request-context';
import { bodyParserErrorMiddleware, requestShapeMiddleware } from './common/request-shape';
import { createValidationPipe } from './common/validation';
import { DeniedAccessRecorder } from './modules/audit/denied-access.recorder';
import type { AppConfig } from './config/app-config';
import { generalRateLimit } from './modules/rate-limit/general-rate-limit.middleware';
import { RateLimiter } from './modules/rate-limit/rate-limiter';

/**
 * Everything the HTTP process sets up around the Nest modules. Shared by main.ts and the
 * integration tests, so tests exercise the same pipeline users hit.
 */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.use(requestContextMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI and Angular Material need inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // Plain-http deployments (localhost, a LAN pilot) must keep loading their own assets.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Before body parsing, so floods of malformed or cross-site requests cost as little as possible.
  app.use(`/${API_PREFIX}`, generalRateLimit(app.get(RateLimiter)));
  app.use(`/${API_PREFIX}`, originCheck(config.publicOrigins));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  // Right after parsing and before any guard: NUL characters, runaway nesting, foreign content types.
  app.use(bodyParserErrorMiddleware, requestShapeMiddleware);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter(app.get(DeniedAccessRecorder)));
  app.enableShutdownHooks();
  // Who the client is (rate limits, sign-in delays) depends on which proxies may name it.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cầu Nối API')
      .setDescription('Coordination of help for survivors of gender-based violence')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });

  serveWebApp(app, config.webDistDir);
}

/** One port: the built Angular app is served beside the API, with the SPA fallback for its routes. */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  const root = resolve(webDistDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return;
  const files = express.static(root, { index: false, maxAge: '1h' });
  // Registered before Nest's router (which is added at init), so it must let every API request
  // through untouched: no file-system lookup on the API's hot path.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path)) return next();
    files(req, res, () => {
      if (req.method !== 'GET') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}

function isApiPath(path: string): boolean {
  return path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`);
}
