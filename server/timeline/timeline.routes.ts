// GET /api/artworks/:id/timeline — the history view's one list.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseQuery } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { artworkTimeline, type TimelineItem } from './timeline.queries.js';

const TYPES = ['acquisition', 'check', 'treatment', 'movement', 'status'] as const;
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });
export const TimelineQuery = z.strictObject({
  /** Comma-separated subset of acquisition, check, treatment, movement, status. */
  types: z
    .string()
    .max(200)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(TYPES, { error: `Types are ${TYPES.join(', ')}` })).min(1))
    .optional(),
});

export function timelineRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/artworks');
  const siteOf = sqlite.prepare('select site_id as siteId from artworks where id = ?');

  r.get('/:id/timeline', 'read', { summary: 'Checks, treatment steps, movements and status changes of a work, newest first', tags: ['timeline'], params: IdParams, query: TimelineQuery }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const q = parseQuery(TimelineQuery, req);
    const work = siteOf.get(id) as { siteId: number | null } | undefined;
    if (!work) throw notFound('artwork.not_found');
    assertSite(currentUser(req), work.siteId);
    const items = artworkTimeline(sqlite, id, q.types ? new Set<TimelineItem['type']>(q.types) : undefined);
    res.json({ artworkId: id, items, total: items.length });
  });

  return r.router;
}
