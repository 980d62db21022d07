// Builds the Express app from its dependencies; it never listens (main.ts and tests do).
import express from 'express';
import helmet from 'helmet';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import type { Db } from '../db/connection.js';
import type { Config } from './config.js';
import { systemClock, type Clock, type Deps } from './deps.js';
import { errorHandler, HttpError, notFoundHandler } from './http/errors.js';
import { cursorCodec } from './http/pagination.js';
import type { RouteRegistry } from './http/routes.js';
import { sessionMiddleware } from './users/auth.js';
import { sessionRoutes, userRoutes } from './users/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { mapRoutes } from './map/map.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { conditionRoutes } from './conditions/conditions.routes.js';
import { conservationRoutes } from './conservation/conservation.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { timelineRoutes } from './timeline/timeline.routes.js';
import { artworkSearchRoutes, suggestRoutes } from './search/search.routes.js';
import { artworkRoutes } from './artworks/artworks.routes.js';
import { artistRoutes } from './artists/artists.routes.js';
import { locationRoutes } from './locations/locations.routes.js';
import { movementRoutes } from './movements/movements.routes.js';
import { batchRoutes } from './batches/batches.routes.js';
import { importRoutes } from './import-export/import.routes.js';
import { exportRoutes } from './import-export/export.routes.js';
import { openapiRoutes } from './openapi/openapi.routes.js';
import { mediaRoutes } from './media/media.routes.js';
import { roundRoutes } from './rounds/rounds.routes.js';
import { labelRoutes } from './labels/labels.routes.js';
import { workLinkRoutes } from './labels/work-link.routes.js';
import { guideRoutes } from './guide/guide.routes.js';
import { damageReportRoutes } from './guide/damage-reports.routes.js';
import { getOrCreateSecret } from './settings.js';
import { registerHealthChecks } from './ops/ops.js';
import { projectRoutes } from './projects/projects.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { missingRoutes } from './missing/missing.routes.js';
import { collectionReportRoutes } from './reports/collection-reports.routes.js';
import { planningRoutes } from './planning/planning.routes.js';

export type AppInput = { db: Db; config: Config; log?: Logger; clock?: Clock };

const CLIENT_DIST = fileURLToPath(new URL('../client/dist', import.meta.url));

export function createApp(input: AppInput): express.Express & { locals: { deps: Deps } } {
  const log = input.log ?? pino({ level: input.config.logLevel });
  const routes: RouteRegistry = [];
  const deps: Deps = {
    db: input.db,
    config: input.config,
    log,
    clock: input.clock ?? systemClock,
    cursors: cursorCodec(getOrCreateSecret(input.db, 'cursor_secret')),
    routes,
    events: new EventEmitter(),
    healthChecks: new Map(),
  };

  registerHealthChecks(deps);

  const app = express();
  app.locals.deps = deps;
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'extended');
  // No generated ETags: hashing every JSON body costs more than it saves (nothing revalidates API lists);
  // records that support If-Match set their own "<version>" ETag, and static files keep theirs.
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...(input.config.tileUrl ? [new URL(input.config.tileUrl.replace(/[{}]/g, '')).origin] : [])],
          fontSrc: ["'self'", 'data:'],
          // data: for Web Awesome's built-in icons, which it loads with fetch(data:…).
          connectSrc: ["'self'", 'data:'],
          mediaSrc: ["'self'", 'blob:'],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(requestLog(log));
  app.use('/api', requireJsonBody);
  app.use(
    express.json({
      limit: '1mb',
      verify: (_req, _res, buf) => {
        // Reject bytes that are not UTF-8 instead of storing replacement characters.
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(buf);
        } catch {
          throw new HttpError(400, 'http.invalid_utf8', 'Bad request', 'The body is not valid UTF-8.', { errors: [{ path: '(body)', message: 'Not UTF-8' }] });
        }
      },
    }),
  );
  app.use(sessionMiddleware(deps.db, () => deps.clock.now()));

  app.use('/api/health', healthRoutes(deps));
  app.use('/api/session', sessionRoutes(deps));
  app.use('/api/users', userRoutes(deps));
  app.use('/api', auditRoutes(deps));
  app.use('/api', mapRoutes(deps));

  app.use('/api', conditionRoutes(deps));
  app.use('/api/treatments', conservationRoutes(deps));
  app.use('/api/artworks', timelineRoutes(deps));
  app.use('/api/artworks', reportRoutes(deps));
  app.use('/api/artworks', artworkSearchRoutes(deps)); // GET / only: search, before the catalogue's routes
  app.use('/api/suggest', suggestRoutes(deps));
  app.use('/api/artworks', artworkRoutes(deps));
  app.use('/api/artists', artistRoutes(deps));
  app.use('/api/locations', locationRoutes(deps));
  app.use('/api/movements', movementRoutes(deps));
  app.use('/api/batches', batchRoutes(deps));
  app.use('/api', importRoutes(deps)); // /api/imports, /api/import-profiles
  app.use('/api/exports', exportRoutes(deps));
  app.use('/api/projects', projectRoutes(deps));
  app.use('/api', openapiRoutes(deps));
  app.use(mediaRoutes(deps)); // /api/media, /api/media-links, /media/:sha256/:file
  app.use('/api/rounds', roundRoutes(deps));
  app.use('/api', labelRoutes(deps));
  app.use('/w', workLinkRoutes(deps));
  app.use('/api', damageReportRoutes(deps));
  app.use('/guide', guideRoutes(deps));
  app.use('/api/dashboard', dashboardRoutes(deps));
  app.use('/api/missing', missingRoutes(deps));
  app.use('/api/reports', collectionReportRoutes(deps));
  app.use('/api/planning', planningRoutes(deps));
  app.use('/api', notFoundHandler);
  serveClient(app);
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app as express.Express & { locals: { deps: Deps } };
}

/** Writes to the API must be JSON (or multipart / CSV where a route takes files). */
const requireJsonBody: express.RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || req.method === 'GET') return next();
  if (req.is(['application/json', 'application/*+json', 'multipart/form-data', 'text/csv'])) return next();
  next(new HttpError(415, 'http.unsupported_media_type', 'Unsupported media type', 'Send the body as application/json.'));
};

function requestLog(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    // Server-Timing shows the server's own time (without network and client) in devtools and benchmarks.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      if (!res.headersSent) res.setHeader('Server-Timing', `app;dur=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(2)}`);
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : 'debug';
      log[level]({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}

/** Serves the built client, with the SPA's index.html for app routes. */
function serveClient(app: express.Express): void {
  const index = path.join(CLIENT_DIST, 'index.html');
  app.use(
    express.static(CLIENT_DIST, {
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        // The field app's service worker: always revalidated, so a new build reaches the phones.
        if (file.endsWith(`${path.sep}rounds${path.sep}sw.js`)) res.setHeader('Cache-Control', 'no-cache').setHeader('Service-Worker-Allowed', '/rounds/');
      },
    }),
  );
  // The field app for rounds is its own page (client/rounds/); its service worker's scope is /rounds/.
  const rounds = path.join(CLIENT_DIST, 'rounds', 'index.html');
  app.get(['/rounds', '/rounds/*splat'], (req, res, next) => {
    if (!req.originalUrl.startsWith('/rounds/')) return res.redirect(301, `/rounds/${req.originalUrl.slice('/rounds'.length)}`);
    if (path.extname(req.path)) return next();
    if (!fs.existsSync(rounds)) return void res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`.');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(rounds);
  });
  // '/*splat' does not match '/' itself in Express 5: the start page needs its own entry.
  app.get(['/', '/*splat'], (req, res, next) => {
    if (req.path.startsWith('/media/') || path.extname(req.path)) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`.');
      return;
    }
    res.sendFile(index);
  });
}
