// Condition checks (record, read, edit within 24 h), the due list and the conservation backlog.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound, unprocessable } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery, requireIfMatch } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { backlogItems, backlogTotals, type BacklogCursor } from './backlog.queries.js';
import { BacklogQuery, CreateCheckBody, DueQuery, ListChecksQuery, UpdateCheckBody } from './conditions.schema.js';
import { getCheck, listChecks } from './conditions.queries.js';
import { recordCheck, updateCheck } from './conditions.service.js';
import { dueCounts, dueList, neverChecked } from './due.queries.js';
import { keepDueDatesCurrent } from './due-upkeep.js';
import { addDays, localDate } from './interval-policy.js';

const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });
const DueListQuery = DueQuery.extend({ list: z.enum(['due', 'never']).default('due') });

/** Tells in-memory indexes (map, facets) that these works' condition fields changed. */
export const ARTWORKS_CHANGED = 'artworks.changed';

export function conditionRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api');
  const siteOf = sqlite.prepare('select site_id from artworks where id = ?').pluck();
  const artworkExists = sqlite.prepare('select 1 from artworks where id = ?').pluck();
  const now = () => deps.clock.now();
  keepDueDatesCurrent(deps);

  r.post('/condition-checks', 'condition.write', { summary: 'Record a condition check', tags: ['conditions'], body: CreateCheckBody, status: 201 }, (req, res) => {
    const user = currentUser(req);
    const body = parseBody(CreateCheckBody, req);
    if (!artworkExists.get(body.artworkId)) throw unprocessable('condition_check.artwork_not_found', `There is no artwork ${body.artworkId}.`, [{ path: 'artworkId', message: 'No such artwork' }]);
    assertSite(user, siteOf.get(body.artworkId) as number | null);
    // recordCheck restates the work's grade and next due date in its own transaction: no recompute after it.
    const id = recordCheck(sqlite, body, { userId: user.id, now: now() });
    res.status(201).location(`/api/condition-checks/${id}`).json(getCheck(sqlite, id, now()));
  });

  r.get('/condition-checks', 'read', { summary: 'Condition checks, newest first', tags: ['conditions'], query: ListChecksQuery }, (req, res) => {
    const user = currentUser(req);
    const q = parseQuery(ListChecksQuery, req);
    if (q.artwork) {
      if (!artworkExists.get(q.artwork)) throw notFound('artwork.not_found');
      assertSite(user, siteOf.get(q.artwork) as number | null);
    }
    const after = q.cursor ? deps.cursors.decode(q.cursor, z.object({ checkedAt: z.string(), id: z.number().int() })) : undefined;
    const page = listChecks(sqlite, { artworkId: q.artwork, roundId: q.round, siteIds: user.siteIds, after, limit: q.limit }, now());
    const last = page.items.at(-1);
    res.json({ items: page.items, total: page.total, nextCursor: page.more && last ? deps.cursors.encode({ checkedAt: last.checkedAt, id: last.id }) : null });
  });

  r.get('/condition-checks/:id', 'read', { summary: 'One condition check', tags: ['conditions'], params: IdParams }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const check = getCheck(sqlite, id, now());
    if (!check) throw notFound('condition_check.not_found');
    assertSite(currentUser(req), siteOf.get(check.artworkId) as number | null);
    res.set('ETag', `"${check.version}"`).json(check);
  });

  r.patch(
    '/condition-checks/:id',
    'condition.write',
    { summary: 'Edit a check within 24 h of recording it (author or admin)', tags: ['conditions'], params: IdParams, body: UpdateCheckBody, ifMatch: true },
    (req, res) => {
      const user = currentUser(req);
      const { id } = parse(IdParams, req.params);
      const version = requireIfMatch(req);
      const body = parseBody(UpdateCheckBody, req);
      updateCheck(sqlite, id, body, { userId: user.id, now: now(), version, isAdmin: user.role === 'admin', assertSite: (siteId) => assertSite(user, siteId) });
      const check = getCheck(sqlite, id, now())!;
      res.set('ETag', `"${check.version}"`).json(check);
    },
  );

  r.get('/checks/due', 'read', { summary: 'Works overdue or due for a check, by risk; and works never checked', tags: ['conditions'], query: DueListQuery }, (req, res) => {
    const user = currentUser(req);
    const q = parseQuery(DueListQuery, req);
    if (q.site) assertSite(user, q.site);
    const today = localDate(now());
    const scope = { siteId: q.site, siteIds: user.siteIds, today, horizon: addDays(today, q.within) };
    const { counts, sites } = dueCounts(sqlite, scope);
    const common = { today, horizon: scope.horizon, counts, sites };
    if (q.list === 'never') {
      const after = q.cursor ? deps.cursors.decode(q.cursor, z.object({ key: z.string(), id: z.number().int() })) : undefined;
      const page = neverChecked(sqlite, scope, { limit: q.limit, after });
      res.json({ list: 'never', items: page.items, total: counts.never, nextCursor: page.next && deps.cursors.encode(page.next), ...common });
      return;
    }
    const after = q.cursor ? deps.cursors.decode(q.cursor, z.object({ risk: z.number(), due: z.string(), id: z.number().int() })) : undefined;
    const page = dueList(sqlite, scope, { limit: q.limit, after });
    res.json({ list: 'due', items: page.items, total: counts.overdue + counts.dueSoon, nextCursor: page.next && deps.cursors.encode(page.next), ...common });
  });

  r.get('/checks/backlog', 'read', { summary: 'Open conservation needs with estimated cost totals per site and priority', tags: ['conditions'], query: BacklogQuery }, (req, res) => {
    const user = currentUser(req);
    const q = parseQuery(BacklogQuery, req);
    if (q.site) assertSite(user, q.site);
    const scope = { siteId: q.site, siteIds: user.siteIds, priority: q.priority };
    const after = q.cursor ? (deps.cursors.decode(q.cursor, z.object({ rank: z.number().int(), at: z.string(), id: z.number().int() })) as BacklogCursor) : undefined;
    const page = backlogItems(sqlite, scope, { limit: q.limit, after });
    const totals = backlogTotals(sqlite, scope);
    res.json({ items: page.items, total: totals.total.count, nextCursor: page.next && deps.cursors.encode(page.next), totals });
  });

  return r.router;
}
