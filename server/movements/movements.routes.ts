// /api/movements: move one work or many at once; list moves (by work, place or batch).
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parseBody, parseQuery } from '../http/validate.js';
import { subtreeRange } from '../locations/locations.queries.js';
import { currentUser } from '../users/auth.js';
import { MovementListQuery, MoveBody } from './movements.schema.js';
import { moveArtworks } from './movements.service.js';

const tags = ['movements'];

export function movementRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/movements');

  r.post('/', 'catalogue.write', { summary: 'Move one or many works (a whole ward at once) in one transaction', tags, body: MoveBody, status: 201 }, (req, res) => {
    const body = parseBody(MoveBody, req);
    const user = currentUser(req);
    const { foundAgain, artworkIds, ...rest } = body;
    const result = moveArtworks(sqlite, { ...rest, artworkIds, foundAgain: foundAgain ?? false, userId: user.id, user }, deps.clock.now().toISOString());
    if (result.movedIds.length) deps.events.emit('artworks.changed', result.movedIds);
    res.status(201).json(result);
  });

  r.get('/', 'read', { summary: 'Movements, newest first, by work, location subtree or batch', tags, query: MovementListQuery }, (req, res) => {
    const q = parseQuery(MovementListQuery, req);
    const user = currentUser(req);
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.artwork) (where.push('m.artwork_id = ?'), args.push(q.artwork));
    if (q.batch) (where.push('m.batch_id = ?'), args.push(q.batch));
    if (q.location) {
      const path = sqlite.prepare('select path from locations where id = ?').pluck().get(q.location) as string | undefined;
      const [lo, hi] = subtreeRange(path ?? '/none/');
      where.push('(m.to_location_id in (select id from locations where path >= ? and path < ?) or m.from_location_id in (select id from locations where path >= ? and path < ?))');
      args.push(lo, hi, lo, hi);
    }
    if (user.siteIds) (where.push(`a.site_id in (${user.siteIds.map(() => '?').join(',')})`), args.push(...user.siteIds));
    const total = sqlite.prepare(`select count(*) from movements m join artworks a on a.id = m.artwork_id ${where.length ? 'where ' + where.join(' and ') : ''}`).pluck().get(...args) as number;
    if (q.cursor) {
      const c = deps.cursors.decode(q.cursor, z.object({ movedAt: z.string(), id: z.number().int() }));
      where.push('(m.moved_at < ? or (m.moved_at = ? and m.id < ?))');
      args.push(c.movedAt, c.movedAt, c.id);
    }
    const rows = sqlite
      .prepare(
        `select m.id, m.artwork_id as artworkId, a.inventory_number as inventoryNumber, a.title, m.moved_at as movedAt,
                m.from_location_id as fromLocationId, m.to_location_id as toLocationId, m.from_path_text as fromPathText,
                m.to_path_text as toPathText, m.reason, m.note, m.batch_id as batchId, m.round_id as roundId, u.name as userName
           from movements m join artworks a on a.id = m.artwork_id left join users u on u.id = m.user_id
          ${where.length ? 'where ' + where.join(' and ') : ''} order by m.moved_at desc, m.id desc limit ?`,
      )
      .all(...args, q.limit + 1) as { id: number; movedAt: string }[];
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    res.json({ items, total, nextCursor: rows.length > q.limit && last ? deps.cursors.encode({ movedAt: last.movedAt, id: last.id }) : null });
  });

  return r.router;
}
