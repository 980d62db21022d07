// Reading condition checks: one check, a work's history, and their photos.
import type Database from 'better-sqlite3';
import { CHECK_EDIT_WINDOW_HOURS, type ConditionCheck } from './conditions.schema.js';
import { stmt } from '../../db/statements.js';

type CheckRow = Omit<ConditionCheck, 'damageTypes' | 'editableUntil' | 'photos'> & { damageTypes: string };

export const CHECK_SELECT = `select c.id, c.artwork_id as artworkId, c.checked_at as checkedAt, c.user_id as userId, u.name as userName, c.grade,
  c.damage_types as damageTypes, c.damage_location as damageLocation, c.recommended_action as recommendedAction, c.priority, c.note,
  c.round_id as roundId, c.corrects_check_id as correctsCheckId,
  (select k.id from condition_checks k where k.corrects_check_id = c.id) as correctedByCheckId,
  c.superseded_by_id as supersededById, c.resolved_at as resolvedAt, c.estimated_cost as estimatedCost, c.version, c.created_at as createdAt, c.updated_at as updatedAt
  from condition_checks c left join users u on u.id = c.user_id`;

export type Photo = { mediaId: number; sha256: string; role: string; caption: string | null; ext: string; mime: string };

/** Photos linked to records of one entity type, in their order, keyed by entity id. */
export function photosFor(sqlite: Database.Database, entityType: string, ids: readonly number[]): Map<number, Photo[]> {
  const out = new Map<number, Photo[]>();
  if (!ids.length) return out;
  const rows = stmt(sqlite, `select l.entity_id as entityId, m.id as mediaId, m.sha256, l.role, l.caption, m.ext, m.mime from media_links l join media m on m.id = l.media_id
        where l.entity_type = ? and l.entity_id in (select value from json_each(?)) order by l.entity_id, l.position, l.id`,)
    .all(entityType, JSON.stringify(ids)) as (Photo & { entityId: number })[];
  for (const { entityId, ...p } of rows) out.set(entityId, [...(out.get(entityId) ?? []), p]);
  return out;
}

export function toCheck(row: CheckRow, now: Date, photos: Photo[] = []): ConditionCheck {
  const until = Date.parse(row.createdAt) + CHECK_EDIT_WINDOW_HOURS * 3_600_000;
  return {
    ...row,
    damageTypes: JSON.parse(row.damageTypes) as string[],
    editableUntil: until > now.getTime() ? new Date(until).toISOString() : null,
    photos: photos.map(({ mediaId, sha256, role, caption }) => ({ mediaId, sha256, role, caption })),
  };
}

export function getCheck(sqlite: Database.Database, id: number, now: Date): ConditionCheck | undefined {
  const row = stmt(sqlite, `${CHECK_SELECT} where c.id = ?`).get(id) as CheckRow | undefined;
  return row && toCheck(row, now, photosFor(sqlite, 'condition_check', [id]).get(id));
}

/** Checks newest first (by checked_at, then id), keyset-paged. */
export function listChecks(
  sqlite: Database.Database,
  q: { artworkId?: number; roundId?: number; siteIds: number[] | null; after?: { checkedAt: string; id: number }; limit: number },
  now: Date,
): { items: ConditionCheck[]; total: number; more: boolean } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.artworkId) (where.push('c.artwork_id = ?'), args.push(q.artworkId));
  if (q.roundId) (where.push('c.round_id = ?'), args.push(q.roundId));
  if (q.siteIds) (where.push('c.artwork_id in (select id from artworks where site_id in (select value from json_each(?)))'), args.push(JSON.stringify(q.siteIds)));
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  const total = stmt(sqlite, `select count(*) from condition_checks c ${filter}`, 'pluck').get(...args) as number;
  if (q.after) (where.push('(c.checked_at < ? or (c.checked_at = ? and c.id < ?))'), args.push(q.after.checkedAt, q.after.checkedAt, q.after.id));
  const rows = stmt(sqlite, `${CHECK_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by c.checked_at desc, c.id desc limit ?`)
    .all(...args, q.limit + 1) as CheckRow[];
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const photos = photosFor(sqlite, 'condition_check', page.map((r) => r.id));
  return { items: page.map((r) => toCheck(r, now, photos.get(r.id))), total, more };
}
