// GET /api/dashboard — every figure of the overview in one fast call.
import type { Deps } from '../deps.js';
import { validationError } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parseQuery } from '../http/validate.js';
import { installSearchEngine } from '../search/search.engine.js';
import { assertSite, currentUser } from '../users/auth.js';
import { DashboardQuery } from './dashboard.schema.js';
import { dashboard } from './dashboard.service.js';

export function dashboardRoutes(deps: Deps) {
  installSearchEngine(deps);
  const r = secureRouter(deps.routes, '/api/dashboard');
  const siteName = deps.db.$client.prepare("select name from locations where id = ? and kind = 'site'").pluck();

  r.get('/', 'read', { summary: 'The collection at a glance: each figure with the search that lists it', tags: ['dashboard'], query: DashboardQuery }, (req, res) => {
    const user = currentUser(req);
    const q = parseQuery(DashboardQuery, req);
    let site: { id: number; name: string } | null = null;
    if (q.site) {
      const name = siteName.get(q.site) as string | undefined;
      if (!name) throw validationError([{ path: 'site', message: `No site ${q.site}` }]);
      assertSite(user, q.site);
      site = { id: q.site, name };
    }
    res.set('Cache-Control', 'private, no-store').json(dashboard(deps, user, site));
  });

  return r.router;
}
