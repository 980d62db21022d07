// GET /api/health: is the database reachable, how big is the collection, which version runs.
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';

export function healthRoutes(deps: Deps) {
  const r = secureRouter(deps.routes, '/api/health');
  const sqlite = deps.db.$client;
  const counts = sqlite.prepare(
    `select (select count(*) from artworks) as artworks,
            (select count(*) from artworks where status != 'deaccessioned') as activeArtworks,
            (select count(*) from locations where kind = 'site') as sites,
            (select count(*) from locations) as locations,
            (select count(*) from artists where merged_into_id is null) as artists`,
  );
  r.get('/', 'public', (_req, res) => {
    let db = 'ok';
    let c: Record<string, number> = {};
    try {
      c = counts.get() as Record<string, number>;
    } catch {
      db = 'unreachable';
    }
    const checks = [...deps.healthChecks.values()].map((f) => f()).filter((x): x is string => Boolean(x));
    const status = db === 'ok' && checks.length === 0 ? 'ok' : 'degraded';
    res.status(db === 'ok' ? 200 : 503).json({ status, version: deps.config.version, db, counts: c, warnings: checks, time: deps.clock.now().toISOString() });
  });
  return r.router;
}
