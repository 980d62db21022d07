// /api/artworks: register, read the detail view, edit with If-Match, change status, history.
// The list/search route GET /api/artworks lives in server/search; both routers share the mount.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery, requireIfMatch } from '../http/validate.js';
import { locationAt } from '../movements/movements.queries.js';
import { LocationAtQuery } from '../movements/movements.schema.js';
import { assertSite, currentUser } from '../users/auth.js';
import { artworkDetail, getArtwork } from './artworks.queries.js';
import { CreateArtworkBody, HistoryQuery, StatusBody, UpdateArtworkBody } from './artworks.schema.js';
import { changeStatus, createArtwork, updateArtwork } from './artworks.service.js';
import { nextInventoryNumber } from './inventory.js';

const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });
const tags = ['artworks'];

type AuditRow = { id: number; at: string; userId: number | null; userName: string | null; action: string; before: string | null; after: string | null; batchId: string | null };

export function artworkRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/artworks');
  const now = () => deps.clock.now().toISOString();
  const ctx = (req: Parameters<typeof currentUser>[0]) => ({ sqlite, user: currentUser(req), at: now(), inventoryPattern: deps.config.inventoryPattern });
  const changed = (ids: number[]) => ids.length && deps.events.emit('artworks.changed', ids);
  const historyStmt = sqlite.prepare(
    `select a.id, a.at, a.user_id as userId, u.name as userName, a.action, a.before, a.after, a.batch_id as batchId
       from audit_log a left join users u on u.id = a.user_id
      where a.entity_type = 'artwork' and a.entity_id = ? and a.id < ? order by a.id desc limit ?`,
  );

  const sendDetail = (res: import('express').Response, id: number, status = 200) => {
    const record = getArtwork(sqlite, id);
    res.status(status).setHeader('ETag', `"${record.version}"`).json(artworkDetail(sqlite, record));
  };

  r.get('/next-inventory-number', 'read', { summary: 'The next free inventory number with the configured prefix', tags }, (_req, res) => {
    res.json({ ...nextInventoryNumber(sqlite, deps.config.inventoryPrefix, deps.config.inventoryPattern), pattern: deps.config.inventoryPattern });
  });

  r.post('/', 'catalogue.write', { summary: 'Register a work (its first location is recorded as a movement)', tags, body: CreateArtworkBody, status: 201 }, (req, res) => {
    const body = parseBody(CreateArtworkBody, req);
    const id = createArtwork(ctx(req), body);
    changed([id]);
    res.setHeader('Location', `/api/artworks/${id}`);
    sendDetail(res, id, 201);
  });

  r.get('/:id', 'read', { summary: 'The detail view: record, artists, location path, latest check, images, movements, open treatments', tags, params: IdParams }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const record = getArtwork(sqlite, id);
    assertSite(currentUser(req), record.siteId);
    res.setHeader('ETag', `"${record.version}"`).json(artworkDetail(sqlite, record));
  });

  r.patch('/:id', 'catalogue.write', { summary: 'Edit fields (not status or location)', tags, params: IdParams, body: UpdateArtworkBody, ifMatch: true }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const expected = requireIfMatch(req);
    const body = parseBody(UpdateArtworkBody, req);
    updateArtwork(ctx(req), id, expected, body);
    changed([id]);
    sendDetail(res, id);
  });

  r.post('/:id/status', 'catalogue.write', { summary: 'Change status under the status rules (deaccession with date, reference and reason)', tags, params: IdParams, body: StatusBody, ifMatch: true }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const expected = requireIfMatch(req);
    const body = parseBody(StatusBody, req);
    const c = ctx(req);
    changeStatus(sqlite, id, body, c.user, c.at, { expectedVersion: expected });
    changed([id]);
    sendDetail(res, id);
  });

  r.get('/:id/history', 'read', { summary: 'Change history of the work (audit log), newest first', tags, params: IdParams, query: HistoryQuery }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const q = parseQuery(HistoryQuery, req);
    assertSite(currentUser(req), getArtwork(sqlite, id).siteId);
    const before = q.cursor ? deps.cursors.decode(q.cursor, z.object({ id: z.number().int() })).id : Number.MAX_SAFE_INTEGER;
    const rows = historyStmt.all(id, before, q.limit + 1) as AuditRow[];
    const items = rows.slice(0, q.limit).map((a) => ({ ...a, before: a.before ? JSON.parse(a.before) : null, after: a.after ? JSON.parse(a.after) : null }));
    const total = sqlite.prepare("select count(*) from audit_log where entity_type = 'artwork' and entity_id = ?").pluck().get(id) as number;
    res.json({ items, total, nextCursor: rows.length > q.limit ? deps.cursors.encode({ id: items.at(-1)!.id }) : null });
  });

  r.get('/:id/location-at', 'read', { summary: 'Where the work was on a date (from movements; path as named then and now)', tags, params: IdParams, query: LocationAtQuery }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const q = parseQuery(LocationAtQuery, req);
    assertSite(currentUser(req), getArtwork(sqlite, id).siteId);
    res.json(locationAt(sqlite, id, q.date));
  });

  return r.router;
}
