// /api/treatments: propose, list, read, edit (If-Match) and move through the workflow.
import { z } from 'zod';
import { ARTWORKS_CHANGED } from '../conditions/conditions.routes.js';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery, requireIfMatch } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { getTreatment, listTreatments } from './conservation.queries.js';
import { CreateTreatmentBody, ListTreatmentsQuery, TransitionBody, UpdateTreatmentBody } from './conservation.schema.js';
import { createTreatment, loadVisibleTreatment, transitionTreatment, updateTreatment } from './conservation.service.js';

const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });

export function conservationRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/treatments');
  const send = (res: import('express').Response, id: number, status = 200) => {
    const t = getTreatment(sqlite, id)!;
    res.status(status).set('ETag', `"${t.version}"`).json(t);
  };

  r.post('/', 'condition.write', { summary: 'Propose a conservation treatment', tags: ['conservation'], body: CreateTreatmentBody, status: 201 }, (req, res) => {
    const body = parseBody(CreateTreatmentBody, req);
    const id = createTreatment(sqlite, body, { user: currentUser(req), now: deps.clock.now() });
    res.location(`/api/treatments/${id}`);
    send(res, id, 201);
  });

  r.get('/', 'read', { summary: 'Treatments, newest first', tags: ['conservation'], query: ListTreatmentsQuery }, (req, res) => {
    const user = currentUser(req);
    const q = parseQuery(ListTreatmentsQuery, req);
    if (q.site) assertSite(user, q.site);
    const afterId = q.cursor ? deps.cursors.decode(q.cursor, z.object({ id: z.number().int() })).id : undefined;
    const page = listTreatments(sqlite, { artworkId: q.artwork, status: q.status, siteId: q.site, siteIds: user.siteIds, afterId, limit: q.limit });
    const last = page.items.at(-1);
    res.json({ items: page.items, total: page.total, nextCursor: page.more && last ? deps.cursors.encode({ id: last.id }) : null });
  });

  r.get('/:id', 'read', { summary: 'One treatment', tags: ['conservation'], params: IdParams }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    loadVisibleTreatment(sqlite, id, currentUser(req));
    send(res, id);
  });

  r.patch('/:id', 'condition.write', { summary: 'Edit a treatment’s fields', tags: ['conservation'], params: IdParams, body: UpdateTreatmentBody, ifMatch: true }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const version = requireIfMatch(req);
    const body = parseBody(UpdateTreatmentBody, req);
    updateTreatment(sqlite, id, version, body, { user: currentUser(req), now: deps.clock.now() });
    send(res, id);
  });

  r.post('/:id/transition', 'condition.write', { summary: 'Move a treatment one step: approved, in_progress, done or rejected', tags: ['conservation'], params: IdParams, body: TransitionBody }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const body = parseBody(TransitionBody, req);
    const { artworkIds } = transitionTreatment(sqlite, id, body, { user: currentUser(req), now: deps.clock.now() });
    if (artworkIds.length) deps.events.emit(ARTWORKS_CHANGED, artworkIds);
    send(res, id);
  });

  return r.router;
}
