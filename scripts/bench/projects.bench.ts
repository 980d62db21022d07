// Projects benchmark (issue 13): the portfolio and a project page over HTTP, suggestions from
// storage for a psychiatric ward (a scan of the works in storage), and installing a commission
// (registers an artwork; rolled back so runs do not pile up).
import { installProposal } from '../../server/projects/install.service.js';
import { suggestions } from '../../server/projects/renew.service.js';
import { getProject } from '../../server/projects/projects.queries.js';
import type { AuthUser } from '../../server/users/auth.js';
import type { BenchModule } from './harness.js';

class Rollback extends Error {}

const module: BenchModule = async (ctx) => {
  const sqlite = ctx.db.$client;
  const userId = sqlite.prepare('select id from users order by id limit 1').pluck().get() as number;
  const user: AuthUser = { id: userId, email: 'bench@konstkoll.local', name: 'Bench', role: 'admin', siteIds: null, sessionHash: '', csrfToken: '' };
  const busiest = sqlite.prepare('select project_id from proposals group by project_id order by count(*) desc limit 1').pluck().get() as number | undefined;
  if (!busiest) return [];
  const project = getProject(sqlite, busiest);
  const spot = sqlite.prepare("select location_id from proposals where project_id = ? and location_id is not null limit 1").pluck().get(busiest) as number;
  const contracted = sqlite.prepare("select id, version from proposals where project_id = ? and status in ('contracted', 'in_production') and location_id is not null limit 1").get(busiest) as
    | { id: number; version: number }
    | undefined;
  const get = (url: string) => fetch(ctx.baseUrl + url, { headers: ctx.authHeaders }).then((r) => r.text());
  const at = new Date().toISOString();
  return [
    { name: 'projects: GET /api/projects (portfolio with budgets)', run: () => get('/api/projects'), runs: 200 },
    { name: 'projects: GET /api/projects/:id (budget, proposals, floors)', run: () => get(`/api/projects/${busiest}`), runs: 200 },
    {
      name: 'projects: suggestions from storage for a planned spot',
      run: () => suggestions(sqlite, project, { locationId: spot, notShownYears: 5, limit: 30 }, user, new Date()),
      runs: 100,
    },
    ...(contracted
      ? [
          {
            name: 'projects: install a commission (artwork registered, rolled back)',
            run: () => {
              try {
                sqlite.transaction(() => {
                  installProposal({ sqlite, user, at, inventoryPrefix: ctx.deps.config.inventoryPrefix, inventoryPattern: ctx.deps.config.inventoryPattern }, busiest, contracted.id, contracted.version, {});
                  throw new Rollback();
                })();
              } catch (err) {
                if (!(err instanceof Rollback)) throw err;
              }
            },
            runs: 100,
          },
        ]
      : []),
  ];
};
export default module;
