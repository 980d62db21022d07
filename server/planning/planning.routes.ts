// GET /api/planning/year — the month-by-month round plan for a year.
import type { Deps } from '../deps.js';
import { unprocessable, validationError } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parseQuery } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { localDate } from '../conditions/interval-policy.js';
import { YearPlanQuery } from './planning.schema.js';
import { planYear } from './planning.service.js';

export function planningRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/planning');
  const isSite = sqlite.prepare("select 1 from locations where id = ? and kind = 'site'").pluck();

  r.get('/year', 'read', { summary: 'Yearly round plan: sites per month so every work is checked by its due month', tags: ['planning'], query: YearPlanQuery }, (req, res) => {
    const user = currentUser(req);
    const q = parseQuery(YearPlanQuery, req);
    if (q.site) {
      if (!isSite.get(q.site)) throw validationError([{ path: 'site', message: `No site ${q.site}` }]);
      assertSite(user, q.site);
    }
    const today = localDate(deps.clock.now());
    const thisYear = Number(today.slice(0, 4));
    if (q.year < thisYear) throw unprocessable('planning.past_year', `${q.year} is over; plan ${thisYear} or later.`, [{ path: 'year', message: `Plan ${thisYear} or later` }]);
    const fromMonth = q.year === thisYear ? Number(today.slice(5, 7)) : 1;
    res.json(planYear(sqlite, { year: q.year, fromMonth, hoursPerMonth: q.hoursPerMonth, worksPerHour: q.worksPerHour, siteIds: user.siteIds, site: q.site, includeWorks: q.includeWorks }));
  });

  return r.router;
}
