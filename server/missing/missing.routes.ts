// GET /api/missing (the follow-up list), POST /api/missing/:artworkId/steps, POST /api/missing/:artworkId/found,
// GET /api/missing/:artworkId/steps (every episode's steps: the history).
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound, validationError } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { localDate } from '../conditions/interval-policy.js';
import { ARTWORKS_CHANGED } from '../conditions/conditions.routes.js';
import { ArtworkParams, FoundBody, MissingListQuery, StepBody, type MissingListResponse } from './missing.schema.js';
import { followedWorks, missingCounts, missingItems, stepHistory } from './missing.queries.js';
import { addStep, foundAgain } from './missing.service.js';

const Cursor = z.object({ s: z.string(), i: z.number().int() });

export function missingRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/missing');
  const isSite = sqlite.prepare("select 1 from locations where id = ? and kind = 'site'").pluck();

  r.get('/', 'read', { summary: 'Works registered as missing: days missing, last seen, steps taken and the next step due', tags: ['missing'], query: MissingListQuery }, (req, res) => {
    const user = currentUser(req);
    const q = parseQuery(MissingListQuery, req);
    if (q.site) {
      if (!isSite.get(q.site)) throw validationError([{ path: 'site', message: 'Not a site' }]);
      assertSite(user, q.site);
    }
    const today = localDate(deps.clock.now());
    const all = followedWorks(sqlite, { siteId: q.site, siteIds: user.siteIds, today, policeWeeks: deps.config.missingPoliceReportWeeks });
    const counts = missingCounts(all);
    const list = q.overdue === undefined ? all : all.filter((w) => !!w.nextStep?.overdue === q.overdue);
    let start = 0;
    if (q.cursor) {
      const c = deps.cursors.decode(q.cursor, Cursor);
      start = list.findIndex((w) => w.since > c.s || (w.since === c.s && w.id > c.i));
      if (start < 0) start = list.length;
    }
    const page = list.slice(start, start + q.limit);
    const last = page.at(-1);
    const body: MissingListResponse = {
      items: missingItems(sqlite, page, today),
      total: list.length,
      nextCursor: start + q.limit < list.length && last ? deps.cursors.encode({ s: last.since, i: last.id }) : null,
      policeReportWeeks: deps.config.missingPoliceReportWeeks,
      counts,
    };
    res.json(body);
  });

  r.get('/:artworkId/steps', 'read', { summary: 'Every follow-up step of a work, all its missing episodes', tags: ['missing'], params: ArtworkParams }, (req, res) => {
    const { artworkId } = parse(ArtworkParams, req.params);
    const siteId = sqlite.prepare('select site_id from artworks where id = ?').get(artworkId) as { site_id: number | null } | undefined;
    if (!siteId) throw notFound('artwork.not_found');
    assertSite(currentUser(req), siteId.site_id);
    res.json({ items: stepHistory(sqlite, artworkId) });
  });

  r.post('/:artworkId/steps', 'condition.write', { summary: 'Record a follow-up step (search the site, ask the unit, police report, other)', tags: ['missing'], params: ArtworkParams, body: StepBody, status: 201 }, (req, res) => {
    const { artworkId } = parse(ArtworkParams, req.params);
    const body = parseBody(StepBody, req);
    const now = deps.clock.now();
    const step = addStep(sqlite, artworkId, body, currentUser(req), now, localDate(now));
    res.status(201).json(step);
  });

  r.post('/:artworkId/found', 'condition.write', { summary: 'Found again: move the work to where it was found; its status follows the place', tags: ['missing'], params: ArtworkParams, body: FoundBody }, (req, res) => {
    const { artworkId } = parse(ArtworkParams, req.params);
    const body = parseBody(FoundBody, req);
    const now = deps.clock.now();
    const result = foundAgain(sqlite, artworkId, body, currentUser(req), now, localDate(now));
    deps.events.emit(ARTWORKS_CHANGED, [artworkId]);
    res.json(result);
  });

  return r.router;
}
