// From proposal to collection: installing a commission registers its artwork(s) exactly as
// POST /api/artworks would (next free inventory number, audit, first movement, search triggers),
// with acquisition = commission, the project, the planned spot and the proposal's artists — one transaction.
//
// Project leads may do this without catalogue.write: the new record is the project's own result,
// and everything in it comes from the proposal they run (decided for issue 13).
import { recordAudit } from '../audit/audit.js';
import { artistNameKey, createArtist } from '../artists/artists.service.js';
import { createArtwork } from '../artworks/artworks.service.js';
import { nextInventoryNumber } from '../artworks/inventory.js';
import type { CreateArtworkBody } from '../artworks/artworks.schema.js';
import { conflict, preconditionFailed, unprocessable } from '../http/errors.js';
import { assertSite } from '../users/auth.js';
import { getProject, getProposalRow, proposalOut, type ProposalRow } from './projects.queries.js';
import type { InstallBody } from './projects.schema.js';
import { assertOpen, type Ctx } from './projects.service.js';
import { checkSpot } from './proposals.service.js';

export type InstallCtx = Ctx & { inventoryPrefix: string; inventoryPattern: string };

/** Splits a sum over n parts in whole öre, the remainder on the first parts, so the parts add up exactly. */
export function splitOre(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * The proposal's artists as authority records: a merged record is followed to the one kept; a
 * name not in the register is matched by name (diacritics folded) or registered now (audited).
 */
function resolveArtists(ctx: Ctx, proposalId: number): { artistId: number; role: 'artist' }[] {
  const { sqlite, user, at } = ctx;
  const rows = sqlite.prepare('select position, artist_id as artistId, name from proposal_artists where proposal_id = ? order by position').all(proposalId) as {
    position: number;
    artistId: number | null;
    name: string | null;
  }[];
  const merged = sqlite.prepare('select merged_into_id from artists where id = ?').pluck();
  const byKey = sqlite.prepare('select id from artists where name_key = ? and merged_into_id is null order by id limit 1').pluck();
  const link = sqlite.prepare('update proposal_artists set artist_id = ?, name = null where proposal_id = ? and position = ?');
  const out: { artistId: number; role: 'artist' }[] = [];
  for (const r of rows) {
    let id = r.artistId;
    if (id == null) {
      id = (byKey.get(artistNameKey(r.name!)) as number | undefined) ?? createArtist(sqlite, { name: r.name! }, user, at).id;
      link.run(id, proposalId, r.position);
    }
    for (let next = merged.get(id) as number | null; next != null; next = merged.get(next) as number | null) id = next;
    if (!out.some((a) => a.artistId === id)) out.push({ artistId: id, role: 'artist' });
  }
  return out;
}

export function installProposal(ctx: InstallCtx, projectId: number, proposalId: number, expected: number, body: InstallBody): { artworkIds: number[]; proposal: ProposalRow } {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const project = getProject(sqlite, projectId);
    const p = getProposalRow(sqlite, projectId, proposalId);
    // Site limits first: another site's project is a 403 whatever its state.
    assertSite(user, project.siteId);
    if (p.version !== expected) throw preconditionFailed('proposal.version_conflict', proposalOut(sqlite, p));
    assertOpen(project);
    if (p.status === 'installed') throw conflict('proposal.already_installed', 'The proposal is already installed; its artwork is in the collection.', { artworks: proposalOut(sqlite, p).artworks });
    if (p.status === 'rejected')
      throw unprocessable('proposal.install_rejected', 'A rejected proposal cannot be installed; reopen it (status proposed) and contract it first.', [{ path: 'status', message: 'Rejected' }]);
    if (p.status !== 'contracted' && p.status !== 'in_production')
      throw unprocessable('proposal.install_needs_contract', `Only a contracted commission can be installed; this one is ${p.status}.`, [{ path: 'status', message: 'Contract it first' }]);
    const date = body.date ?? at.slice(0, 10);
    if (date > at.slice(0, 10)) throw unprocessable('proposal.install_in_future', 'Install the work on the day it is in place.', [{ path: 'date', message: 'In the future' }]);
    const works = body.works ?? [{}];
    works.forEach((w, i) => {
      const locationId = w.locationId ?? p.locationId;
      if (locationId == null)
        throw unprocessable('proposal.install_needs_spot', 'Say where the work is installed: place the proposal on the floor plan first.', [{ path: body.works ? `works.${i}.locationId` : 'locationId', message: 'No planned spot' }]);
      checkSpot(sqlite, project, locationId, body.works ? `works.${i}.locationId` : 'locationId');
    });

    const artists = resolveArtists(ctx, proposalId);
    const names = artists.map((a) => sqlite.prepare('select name from artists where id = ?').pluck().get(a.artistId) as string);
    const prices = p.contractedCost != null ? splitOre(p.contractedCost, works.length) : works.map(() => null);
    const artworkIds: number[] = [];
    works.forEach((w, i) => {
      const locationId = w.locationId ?? p.locationId!;
      // The planned spot goes with the first work placed in the proposal's own room; the others get theirs, if given.
      const ownSpot = w.locationId === undefined || w.locationId === p.locationId;
      const posX = w.posX !== undefined ? w.posX : ownSpot && i === 0 ? p.posX : null;
      const posY = w.posY !== undefined ? w.posY : ownSpot && i === 0 ? p.posY : null;
      const suffix = works.length > 1 && !w.title ? ` (${i + 1}/${works.length})` : '';
      const input: CreateArtworkBody = {
        inventoryNumber: w.inventoryNumber ?? nextInventoryNumber(sqlite, ctx.inventoryPrefix, ctx.inventoryPattern).inventoryNumber,
        title: (w.title ?? p.title) + suffix,
        objectType: w.objectType ?? (p.objectType as CreateArtworkBody['objectType']),
        technique: p.technique,
        heightCm: w.heightCm !== undefined ? w.heightCm : p.heightCm,
        widthCm: w.widthCm !== undefined ? w.widthCm : p.widthCm,
        depthCm: w.depthCm !== undefined ? w.depthCm : p.depthCm,
        description: p.description,
        acquisitionMethod: 'commission',
        acquisitionDate: date,
        acquisitionPrice: prices[i] ?? null,
        acquisitionSource: names.length ? names.join(', ') : null,
        acquisitionRef: p.contractRef,
        projectId,
        artists,
        locationId,
        posX: posX ?? null,
        posY: posX == null ? null : (posY ?? null),
      };
      artworkIds.push(createArtwork({ sqlite, user, at, inventoryPattern: ctx.inventoryPattern }, input));
    });
    const linkWork = sqlite.prepare('insert into proposal_artworks (proposal_id, artwork_id) values (?, ?)');
    for (const id of artworkIds) linkWork.run(proposalId, id);
    sqlite.prepare("update proposals set status = 'installed', installed_on = ?, version = version + 1, updated_at = ? where id = ?").run(date, at, proposalId);
    const after = getProposalRow(sqlite, projectId, proposalId);
    recordAudit(sqlite, { at, userId: user.id, action: 'install', entityType: 'proposal', entityId: proposalId, before: { status: p.status }, after: { status: 'installed', installedOn: date, artworkIds } });
    return { artworkIds, proposal: after };
  })();
}
