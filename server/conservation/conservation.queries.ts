// Reading conservation treatments.
import type Database from 'better-sqlite3';
import { photosFor } from '../conditions/conditions.queries.js';
import type { Treatment } from './conservation.schema.js';

export const TREATMENT_SELECT = `select t.id, t.artwork_id as artworkId, a.inventory_number as inventoryNumber, a.title, a.site_id as siteId, t.check_id as checkId, t.status,
  t.performer, t.contractor_name as contractorName, t.off_site as offSite, t.treatment_location_id as treatmentLocationId,
  t.return_location_id as returnLocationId, t.description, t.work_done as workDone, t.materials, t.cost_estimate as costEstimate,
  t.cost_actual as costActual, t.priority, t.proposed_at as proposedAt, t.approved_at as approvedAt, t.started_at as startedAt,
  t.done_at as doneAt, t.rejected_at as rejectedAt, t.rejection_reason as rejectionReason, t.created_by as createdBy, t.version,
  t.created_at as createdAt, t.updated_at as updatedAt
  from conservation_treatments t join artworks a on a.id = t.artwork_id`;

type Row = Omit<Treatment, 'offSite' | 'photos'> & { offSite: number; siteId: number | null };

const toTreatment = (r: Row, photos: Treatment['photos'] = []): Treatment & { siteId: number | null } => ({
  ...r,
  offSite: !!r.offSite,
  photos: photos.map(({ mediaId, sha256, role, caption }) => ({ mediaId, sha256, role, caption })),
});

export function getTreatment(sqlite: Database.Database, id: number) {
  const row = sqlite.prepare(`${TREATMENT_SELECT} where t.id = ?`).get(id) as Row | undefined;
  return row && toTreatment(row, photosFor(sqlite, 'treatment', [id]).get(id));
}

/** Newest first, keyset-paged by id. */
export function listTreatments(
  sqlite: Database.Database,
  q: { artworkId?: number; status?: string; siteId?: number; siteIds: number[] | null; afterId?: number; limit: number },
) {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.artworkId) (where.push('t.artwork_id = ?'), args.push(q.artworkId));
  if (q.status) (where.push('t.status = ?'), args.push(q.status));
  if (q.siteId) (where.push('a.site_id = ?'), args.push(q.siteId));
  if (q.siteIds) (where.push('a.site_id in (select value from json_each(?))'), args.push(JSON.stringify(q.siteIds)));
  const total = sqlite.prepare(`select count(*) from conservation_treatments t join artworks a on a.id = t.artwork_id ${where.length ? `where ${where.join(' and ')}` : ''}`).pluck().get(...args) as number;
  if (q.afterId) (where.push('t.id < ?'), args.push(q.afterId));
  const rows = sqlite.prepare(`${TREATMENT_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by t.id desc limit ?`).all(...args, q.limit + 1) as Row[];
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const photos = photosFor(sqlite, 'treatment', page.map((r) => r.id));
  return { items: page.map((r) => toTreatment(r, photos.get(r.id))), total, more };
}
