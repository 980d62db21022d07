// /api/projects: the portfolio, a project with its budget, phases, proposals (with payments and
// the install step that registers the artwork) and storage works reserved for it.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery, requireIfMatch } from '../http/validate.js';
import { assertSite, currentUser } from '../users/auth.js';
import { roleAllows } from '../users/permissions.js';
import { installProposal } from './install.service.js';
import { getProject, getProposalRow, listProjects, projectBudget, projectDetail, projectSummary, proposalOut, rollup } from './projects.queries.js';
import {
  CreateProjectBody, CreateProposalBody, IdParams, InstallBody, ListProjectsQuery, PaymentBody, PhaseBody, ProposalParams, ReservationParams, ReserveBody,
  SuggestionsQuery, UpdateProjectBody, UpdateProposalBody,
} from './projects.schema.js';
import { changePhase, createProject, updateProject } from './projects.service.js';
import { addPayment, createProposal, updateProposal } from './proposals.service.js';
import { release, reserve, suggestions } from './renew.service.js';

const tags = ['projects'];

export function projectRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/projects');
  const ctx = (req: Request) => ({ sqlite, user: currentUser(req), at: deps.clock.now().toISOString() });

  /** A project the user may see (403 for another site's, 404 if none). */
  const visible = (req: Request, id: number) => {
    const p = getProject(sqlite, id);
    assertSite(currentUser(req), p.siteId);
    return p;
  };
  const sendProject = (req: Request, res: Response, id: number, status = 200) => {
    const p = getProject(sqlite, id);
    res.status(status).setHeader('ETag', `"${p.version}"`).json(projectDetail(sqlite, p, roleAllows(currentUser(req).role, 'project.write')));
  };
  const sendProposal = (res: Response, projectId: number, proposalId: number, status = 200) => {
    const row = getProposalRow(sqlite, projectId, proposalId);
    res.status(status).setHeader('ETag', `"${row.version}"`).json(proposalOut(sqlite, row));
  };

  r.get('/', 'read', { summary: 'The portfolio: projects with phase, budget use and timeline', tags, query: ListProjectsQuery }, (req, res) => {
    const q = parseQuery(ListProjectsQuery, req);
    const afterId = q.cursor ? deps.cursors.decode(q.cursor, z.object({ id: z.number().int() })).id : undefined;
    const { rows, total } = listProjects(sqlite, { q: q.q, phase: q.phase, site: q.site, afterId, limit: q.limit }, currentUser(req));
    const items = rows.slice(0, q.limit).map((p) => projectSummary(sqlite, p));
    res.json({ items, total, nextCursor: rows.length > q.limit ? deps.cursors.encode({ id: items.at(-1)!.id }) : null });
  });

  r.get('/rollup', 'read', { summary: 'Budget use over all projects; committed and paid per year', tags }, (req, res) => {
    res.json(rollup(sqlite, currentUser(req)));
  });

  r.post('/', 'project.write', { summary: 'Start a project (budget from the percent-for-art rule)', tags, body: CreateProjectBody, status: 201 }, (req, res) => {
    const id = createProject(ctx(req), parseBody(CreateProjectBody, req));
    res.setHeader('Location', `/api/projects/${id}`);
    sendProject(req, res, id, 201);
  });

  r.get('/:id', 'read', { summary: 'A project: budget, phases, proposals, reservations, floors', tags, params: IdParams }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    visible(req, id);
    sendProject(req, res, id);
  });

  r.patch('/:id', 'project.write', { summary: 'Edit a project (budget override needs reason and decision reference)', tags, params: IdParams, body: UpdateProjectBody, ifMatch: true }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const expected = requireIfMatch(req);
    updateProject(ctx(req), id, expected, parseBody(UpdateProjectBody, req));
    sendProject(req, res, id);
  });

  r.post('/:id/phase', 'project.write', { summary: 'Move to another phase (a step back needs a note)', tags, params: IdParams, body: PhaseBody, ifMatch: true }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const expected = requireIfMatch(req);
    changePhase(ctx(req), id, expected, parseBody(PhaseBody, req));
    sendProject(req, res, id);
  });

  r.get('/:id/budget', 'read', { summary: 'Budget, committed, paid, remaining, per year', tags, params: IdParams }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    res.json(projectBudget(sqlite, visible(req, id)));
  });

  r.get('/:id/proposals', 'read', { summary: "A project's proposals and commissions", tags, params: IdParams }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    res.json({ items: projectDetail(sqlite, visible(req, id), false).proposals });
  });

  r.post('/:id/proposals', 'project.write', { summary: 'Add a proposal', tags, params: IdParams, body: CreateProposalBody, status: 201 }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const proposalId = createProposal(ctx(req), id, parseBody(CreateProposalBody, req));
    res.setHeader('Location', `/api/projects/${id}/proposals/${proposalId}`);
    sendProposal(res, id, proposalId, 201);
  });

  r.get('/:id/proposals/:proposalId', 'read', { summary: 'One proposal', tags, params: ProposalParams }, (req, res) => {
    const { id, proposalId } = parse(ProposalParams, req.params);
    visible(req, id);
    sendProposal(res, id, proposalId);
  });

  r.patch('/:id/proposals/:proposalId', 'project.write', { summary: 'Edit a proposal: fields, status, planned spot', tags, params: ProposalParams, body: UpdateProposalBody, ifMatch: true }, (req, res) => {
    const { id, proposalId } = parse(ProposalParams, req.params);
    const expected = requireIfMatch(req);
    updateProposal(ctx(req), id, proposalId, expected, parseBody(UpdateProposalBody, req));
    sendProposal(res, id, proposalId);
  });

  r.post('/:id/proposals/:proposalId/payments', 'project.write', { summary: 'Register a payment to the artist', tags, params: ProposalParams, body: PaymentBody, status: 201 }, (req, res) => {
    const { id, proposalId } = parse(ProposalParams, req.params);
    addPayment(ctx(req), id, proposalId, parseBody(PaymentBody, req));
    sendProposal(res, id, proposalId, 201);
  });

  r.post(
    '/:id/proposals/:proposalId/install',
    'project.write',
    { summary: 'Mark installed: registers the artwork(s) (commission, project, spot, artists) in one step', tags, params: ProposalParams, body: InstallBody, ifMatch: true },
    (req, res) => {
      const { id, proposalId } = parse(ProposalParams, req.params);
      const expected = requireIfMatch(req);
      const out = installProposal({ ...ctx(req), inventoryPrefix: deps.config.inventoryPrefix, inventoryPattern: deps.config.inventoryPattern }, id, proposalId, expected, parseBody(InstallBody, req));
      deps.events.emit('artworks.changed', out.artworkIds);
      res.setHeader('ETag', `"${out.proposal.version}"`).json({ proposal: proposalOut(sqlite, out.proposal), artworkIds: out.artworkIds });
    },
  );

  r.get('/:id/suggestions', 'read', { summary: 'Works in storage that fit a planned spot (renew from storage)', tags, params: IdParams, query: SuggestionsQuery }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const q = parseQuery(SuggestionsQuery, req);
    res.json(suggestions(sqlite, visible(req, id), q, currentUser(req), deps.clock.now()));
  });

  r.post('/:id/reservations', 'project.write', { summary: 'Reserve a storage work for the project', tags, params: IdParams, body: ReserveBody, status: 201 }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    reserve(ctx(req), id, parseBody(ReserveBody, req));
    sendProject(req, res, id, 201);
  });

  r.delete('/:id/reservations/:reservationId', 'project.write', { summary: 'Release a reservation', tags, params: ReservationParams }, (req, res) => {
    const { id, reservationId } = parse(ReservationParams, req.params);
    release(ctx(req), id, reservationId);
    sendProject(req, res, id);
  });

  return r.router;
}
