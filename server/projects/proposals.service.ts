// Proposal writes: create, edit and status (If-Match), payments. Installing lives in install.service.ts.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, preconditionFailed, unprocessable, validationError } from '../http/errors.js';
import { assertSite } from '../users/auth.js';
import { getProject, getProposalRow, proposalOut, type ProjectRow, type ProposalRow } from './projects.queries.js';
import type { CreateProposalBody, PaymentBody, ProposalArtist, ProposalStatus, UpdateProposalBody } from './projects.schema.js';
import { assertOpen, type Ctx } from './projects.service.js';

const today = (at: string) => at.slice(0, 10);

/** Allowed status moves; `installed` is reached only through the install step. */
const NEXT: Record<ProposalStatus, readonly ProposalStatus[]> = {
  proposed: ['selected', 'rejected'],
  selected: ['proposed', 'contracted', 'rejected'],
  contracted: ['in_production', 'rejected'],
  in_production: ['contracted', 'rejected'],
  rejected: ['proposed'],
  installed: [],
};
const CONTRACTED: readonly ProposalStatus[] = ['contracted', 'in_production', 'installed'];

/** A planned spot is a room or floor on the project's own site. */
export function checkSpot(sqlite: Database.Database, project: ProjectRow, locationId: number, path = 'locationId'): void {
  const loc = sqlite.prepare('select kind, site_id as siteId, active from locations where id = ?').get(locationId) as { kind: string; siteId: number; active: number } | undefined;
  if (!loc) throw unprocessable('proposal.unknown_location', `Location ${locationId} does not exist.`, [{ path, message: 'Unknown location' }]);
  if (loc.siteId !== project.siteId)
    throw unprocessable('proposal.location_outside_project', 'A planned spot is on the project\u2019s own site.', [{ path, message: 'Not on the project\u2019s site' }]);
  if (loc.kind !== 'room' && loc.kind !== 'floor') throw unprocessable('proposal.spot_kind', 'A planned spot is in a room or on a floor.', [{ path, message: 'Pick a room or floor' }]);
  if (!loc.active) throw unprocessable('proposal.location_inactive', 'The location is deactivated.', [{ path, message: 'Inactive location' }]);
}

function checkArtists(sqlite: Database.Database, artists: ProposalArtist[]): void {
  const row = sqlite.prepare('select id, merged_into_id as mergedIntoId from artists where id = ?');
  artists.forEach((a, i) => {
    if (!('artistId' in a)) return;
    const r = row.get(a.artistId) as { id: number; mergedIntoId: number | null } | undefined;
    if (!r) throw unprocessable('proposal.unknown_artist', `Artist ${a.artistId} does not exist.`, [{ path: `artists.${i}.artistId`, message: 'Unknown artist' }]);
    if (r.mergedIntoId)
      throw unprocessable('proposal.merged_artist', `Artist ${a.artistId} was merged into ${r.mergedIntoId}; use that record.`, [{ path: `artists.${i}.artistId`, message: `Merged into ${r.mergedIntoId}` }]);
  });
}

export function writeProposalArtists(sqlite: Database.Database, proposalId: number, artists: ProposalArtist[]): void {
  sqlite.prepare('delete from proposal_artists where proposal_id = ?').run(proposalId);
  const add = sqlite.prepare('insert into proposal_artists (proposal_id, position, artist_id, name) values (?, ?, ?, ?)');
  artists.forEach((a, i) => add.run(proposalId, i, 'artistId' in a ? a.artistId : null, 'name' in a ? a.name : null));
}

function loadProject(ctx: Ctx, projectId: number): ProjectRow {
  const p = getProject(ctx.sqlite, projectId);
  assertSite(ctx.user, p.siteId);
  return p;
}

const COLUMNS: Record<string, string> = {
  title: 'title', description: 'description', objectType: 'object_type', technique: 'technique', heightCm: 'height_cm', widthCm: 'width_cm', depthCm: 'depth_cm',
  estimatedCost: 'estimated_cost', contractedCost: 'contracted_cost', contractedOn: 'contracted_on', contractRef: 'contract_ref', locationId: 'location_id',
  posX: 'pos_x', posY: 'pos_y', statusNote: 'status_note',
};

const snapshot = (sqlite: Database.Database, row: ProposalRow) => {
  const { artworks: _a, locationPath: _l, floorId: _f, ...rest } = proposalOut(sqlite, row);
  return rest;
};

export function createProposal(ctx: Ctx, projectId: number, body: CreateProposalBody): number {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const project = loadProject(ctx, projectId);
    assertOpen(project);
    if (body.artists) checkArtists(sqlite, body.artists);
    if (body.locationId != null) checkSpot(sqlite, project, body.locationId);
    else if (body.posX != null) throw validationError([{ path: 'locationId', message: 'A spot on the plan needs its room or floor' }]);
    const cols = ['project_id', 'created_at', 'updated_at'];
    const vals: unknown[] = [projectId, at, at];
    for (const [field, col] of Object.entries(COLUMNS)) {
      const v = (body as Record<string, unknown>)[field];
      if (v === undefined) continue;
      cols.push(col);
      vals.push(v);
    }
    const id = Number(sqlite.prepare(`insert into proposals (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
    if (body.artists) writeProposalArtists(sqlite, id, body.artists);
    recordAudit(sqlite, { at, userId: user.id, action: 'create', entityType: 'proposal', entityId: id, after: snapshot(sqlite, getProposalRow(sqlite, projectId, id)) });
    return id;
  })();
}

export function updateProposal(ctx: Ctx, projectId: number, proposalId: number, expected: number, body: UpdateProposalBody): ProposalRow {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const project = loadProject(ctx, projectId);
    const before = getProposalRow(sqlite, projectId, proposalId);
    if (before.version !== expected) throw preconditionFailed('proposal.version_conflict', proposalOut(sqlite, before));
    assertOpen(project);
    const status = body.status ?? before.status;
    if (body.status === 'installed')
      throw unprocessable('proposal.install_via_endpoint', 'A proposal becomes installed through the install step, which registers the artwork.', [{ path: 'status', message: 'Use POST …/install' }]);
    if (before.status === 'installed' && (body.status !== undefined || body.locationId !== undefined || body.posX !== undefined))
      throw conflict('proposal.installed', 'The proposal is installed: its status and spot are those of the artwork now; change the artwork instead.');
    if (body.status !== undefined && body.status !== before.status && !NEXT[before.status].includes(body.status))
      throw unprocessable('proposal.status_rule', `A proposal cannot go from ${before.status} to ${body.status}.`, [{ path: 'status', message: `From ${before.status}: ${NEXT[before.status].join(', ') || 'none'}` }]);
    const contracted = body.contractedCost !== undefined ? body.contractedCost : before.contractedCost;
    if (CONTRACTED.includes(status) && contracted == null)
      throw unprocessable('proposal.contract_needs_cost', 'A contracted commission needs its contracted cost.', [{ path: 'contractedCost', message: 'Required from contracted on' }]);
    const paid = sqlite.prepare('select coalesce(sum(amount), 0) from proposal_payments where proposal_id = ?').pluck().get(proposalId) as number;
    if (contracted != null && contracted < paid)
      throw unprocessable('proposal.contract_below_paid', `${paid} öre is already paid; the contract cannot be smaller.`, [{ path: 'contractedCost', message: 'Less than already paid' }]);
    if (body.artists) checkArtists(sqlite, body.artists);
    const locationId = body.locationId !== undefined ? body.locationId : before.locationId;
    if (body.locationId != null && body.locationId !== before.locationId) checkSpot(sqlite, project, body.locationId);
    const posX = body.posX !== undefined ? body.posX : before.posX;
    if (locationId == null && posX != null) throw validationError([{ path: 'locationId', message: 'A spot on the plan needs its room or floor' }]);

    const sets: string[] = [];
    const vals: unknown[] = [];
    for (const [field, col] of Object.entries(COLUMNS)) {
      const v = (body as Record<string, unknown>)[field];
      if (v !== undefined) (sets.push(`${col} = ?`), vals.push(v));
    }
    if (body.status !== undefined) (sets.push('status = ?'), vals.push(body.status));
    // The contract's day counts its money in that year's roll-up: default the day it was signed here.
    if (CONTRACTED.includes(status) && body.contractedOn === undefined && !before.contractedOn) (sets.push('contracted_on = ?'), vals.push(today(at)));
    // Clearing the room clears the spot with it.
    if (body.locationId === null && body.posX === undefined) sets.push('pos_x = null', 'pos_y = null');
    sqlite.prepare(`update proposals set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...vals, at, proposalId);
    if (body.artists) writeProposalArtists(sqlite, proposalId, body.artists);
    const after = getProposalRow(sqlite, projectId, proposalId);
    recordAudit(sqlite, {
      at,
      userId: user.id,
      action: body.status !== undefined && body.status !== before.status ? 'status' : 'update',
      entityType: 'proposal',
      entityId: proposalId,
      before: snapshot(sqlite, before),
      after: snapshot(sqlite, after),
    });
    return after;
  })();
}

/** A payment to the artist; paid to date may not pass the contracted cost. */
export function addPayment(ctx: Ctx, projectId: number, proposalId: number, body: PaymentBody): ProposalRow {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const project = loadProject(ctx, projectId);
    assertOpen(project);
    const p = getProposalRow(sqlite, projectId, proposalId);
    if (body.paidOn > today(at)) throw unprocessable('payment.in_future', 'Register a payment when it is made.', [{ path: 'paidOn', message: 'In the future' }]);
    const paid = sqlite.prepare('select coalesce(sum(amount), 0) from proposal_payments where proposal_id = ?').pluck().get(proposalId) as number;
    if (p.contractedCost != null && paid + body.amount > p.contractedCost)
      throw unprocessable('payment.exceeds_contract', `Paid to date would be ${paid + body.amount} öre, more than the contracted ${p.contractedCost} öre.`, [
        { path: 'amount', message: `At most ${p.contractedCost - paid} öre remains of the contract` },
      ]);
    const id = Number(
      sqlite
        .prepare('insert into proposal_payments (proposal_id, paid_on, amount, ref, note, user_id, created_at) values (?, ?, ?, ?, ?, ?, ?)')
        .run(proposalId, body.paidOn, body.amount, body.ref ?? null, body.note ?? null, user.id, at).lastInsertRowid,
    );
    sqlite.prepare('update proposals set version = version + 1, updated_at = ? where id = ?').run(at, proposalId);
    recordAudit(sqlite, { at, userId: user.id, action: 'payment', entityType: 'proposal', entityId: proposalId, before: { paidToDate: paid }, after: { paidToDate: paid + body.amount, paymentId: id, paidOn: body.paidOn, amount: body.amount, ref: body.ref ?? null } });
    return getProposalRow(sqlite, projectId, proposalId);
  })();
}
