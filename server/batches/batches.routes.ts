// /api/batches: preview, apply and undo one change to many works (a selection of ids or a search).
import type { Request } from 'express';
import type { Deps } from '../deps.js';
import { unprocessable, validationError, zodToFieldErrors } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery } from '../http/validate.js';
import { searchArtworkIds } from '../search/search.service.js';
import { searchFilterShape } from '../search/search.schema.js';
import { currentUser } from '../users/auth.js';
import { z } from 'zod';
import { BatchBody, BatchIdParams, BatchListQuery, MAX_BATCH } from './batches.schema.js';
import { applyBatch, getBatch, previewBatch, undoBatch } from './batches.service.js';

const tags = ['batches'];
const SearchFilters = z.strictObject(searchFilterShape);

export function batchRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/batches');
  const now = () => deps.clock.now().toISOString();

  /** The works a selection names: explicit ids, or every work the search finds (for this user's sites). */
  const selectedIds = (req: Request, body: BatchBody): number[] => {
    if ('ids' in body.selection) return [...new Set(body.selection.ids)];
    // Search filters arrive as query-string values; JSON booleans and numbers are accepted too.
    const asQuery = Object.fromEntries(Object.entries(body.selection.query).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]));
    const parsed = SearchFilters.safeParse(asQuery);
    if (!parsed.success) throw validationError(zodToFieldErrors(parsed.error, 'selection.query'));
    const ids = searchArtworkIds(deps, parsed.data, currentUser(req), { ordered: false });
    if (!ids.length) throw unprocessable('batch.empty', 'The search finds no works.', [{ path: 'selection.query', message: 'No works match' }]);
    if (ids.length > MAX_BATCH)
      throw unprocessable('batch.too_large', `The search finds ${ids.length} works; a batch takes at most ${MAX_BATCH}. Narrow the search.`, [{ path: 'selection.query', message: `${ids.length} works` }]);
    return ids;
  };

  r.post('/preview', 'catalogue.write', { summary: 'How many works a batch would change (runs it and rolls back)', tags, body: BatchBody }, (req, res) => {
    const body = parseBody(BatchBody, req);
    const out = previewBatch(sqlite, selectedIds(req, body), body.change, currentUser(req), now());
    res.json({ matched: out.matched, changed: out.changed, unchanged: out.unchanged, sampleIds: out.changedIds.slice(0, 20) });
  });

  r.post('/', 'catalogue.write', { summary: 'Apply one change to every selected work, in one transaction, as one undoable batch', tags, body: BatchBody, status: 201 }, (req, res) => {
    const body = parseBody(BatchBody, req);
    const out = applyBatch(sqlite, selectedIds(req, body), body.change, body.selection, currentUser(req), now());
    if (out.changedIds.length) deps.events.emit('artworks.changed', out.changedIds);
    res.status(201).setHeader('Location', `/api/batches/${out.id}`).json(getBatch(sqlite, out.id));
  });

  r.get('/', 'read', { summary: 'Recent batches, newest first', tags, query: BatchListQuery }, (req, res) => {
    const q = parseQuery(BatchListQuery, req);
    const ids = sqlite.prepare('select id from batches order by created_at desc, rowid desc limit ?').pluck().all(q.limit) as string[];
    const items = ids.map((id) => getBatch(sqlite, id));
    res.json({ items, total: sqlite.prepare('select count(*) from batches').pluck().get(), nextCursor: null });
  });

  r.get('/:id', 'read', { summary: 'A batch: what it changed, and whether it can still be undone', tags, params: BatchIdParams }, (req, res) => {
    const { id } = parse(BatchIdParams, req.params);
    res.json(getBatch(sqlite, id));
  });

  r.post('/:id/undo', 'catalogue.write', { summary: 'Undo a batch if none of its works has changed since (409 naming them otherwise)', tags, params: BatchIdParams }, (req, res) => {
    const { id } = parse(BatchIdParams, req.params);
    const out = undoBatch(sqlite, id, currentUser(req), now());
    deps.events.emit('artworks.changed', out.changedIds);
    res.json({ ...getBatch(sqlite, out.id), restored: out.changed });
  });

  return r.router;
}
