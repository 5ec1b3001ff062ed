import { existsSync, readdirSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
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
  // API answers are no-store: an ETag (a hash of every body) would never be used. The web app's files keep
  // theirs (express.static sets its own).
  app.set('etag', false);

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

/**
 * One port: the built Angular app is served beside the API, with the SPA fallback for its routes. Files
 * the build precompressed (tools/compress-web.mjs) go out as their brotli or gzip copy when the browser
 * takes it; hashed bundles are cached for a year, everything else (index.html, favicon) is revalidated.
 */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  const root = resolve(webDistDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return;
  const precompressed = findPrecompressed(root);
  const files = express.static(root, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlFor(path)),
  });
  // Registered before Nest's router (which is added at init), so it must let every API request
  // through untouched: no file-system lookup on the API's hot path.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path)) return next();
    const fallback = () => {
      res.removeHeader('Content-Encoding');
      if (req.method !== 'GET') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    };
    const variants = precompressed.get(req.path);
    if (variants && (req.method === 'GET' || req.method === 'HEAD')) {
      res.setHeader('Vary', 'Accept-Encoding');
      // Ours first (brotli is smaller): browsers list gzip first at the same weight.
      const encoding = variants.find((e) => req.acceptsEncodings(e) === e);
      if (encoding) {
        // Typed and cached as the file itself; send keeps a Content-Type already set.
        res.type(extname(req.path));
        res.setHeader('Content-Encoding', encoding);
        req.url = `${req.path}${ENCODED_SUFFIX[encoding]}`;
      }
    }
    files(req, res, fallback);
  });
}

const ENCODED_SUFFIX = { br: '.br', gzip: '.gz' } as const;
// Angular's output hashing: `main-CG4ZWPST.js`, `chunk-2KVNR4US.js`, `styles-S3HPFR2Q.css`, media.
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+(?:\.br|\.gz)?$/;

function cacheControlFor(path: string): string {
  return HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** URL path of each file with a precompressed copy -> the encodings it has, best first. */
function findPrecompressed(root: string): Map<string, ('br' | 'gzip')[]> {
  const found = new Map<string, ('br' | 'gzip')[]>();
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  const all = new Set(names.map((name) => name.split(sep).join('/')));
  for (const name of all) {
    if (name.endsWith('.br') || name.endsWith('.gz')) continue;
    const encodings = (['br', 'gzip'] as const).filter((e) =>
      all.has(`${name}${ENCODED_SUFFIX[e]}`),
    );
    if (encodings.length > 0) found.set(`/${name}`, [...encodings]);
  }
  return found;
}

function isApiPath(path: string): boolean {
  return path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`);
}
