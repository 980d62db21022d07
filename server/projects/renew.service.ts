// Renew from storage: works in storage that fit a planned spot (size, type, the environment's
// suitability flags, condition good or fair, not recently shown at that site), and reserving one
// for the project. A reservation does not move the work: it stays in_storage until a movement.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { mediaUrl } from '../map/map.queries.js';
import { resolveLocation } from '../locations/locations.queries.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { getProject, type ProjectRow } from './projects.queries.js';
import type { ReserveBody, SuggestionsQuery, SuggestionsResponse, SuitabilityFlag } from './projects.schema.js';
import { assertOpen, type Ctx } from './projects.service.js';
import { checkSpot } from './proposals.service.js';

/** What an environment demands of a work placed there. */
export const FLAGS_FOR_ENVIRONMENT: Record<string, readonly SuitabilityFlag[]> = {
  psychiatry: ['psychiatrySafe'],
  emergency: ['cleanable'],
  children: ['cleanable'],
};
const FLAG_COLUMN: Record<SuitabilityFlag, string> = {
  psychiatrySafe: 'psychiatry_safe',
  cleanable: 'cleanable',
  antiTheftFixing: 'anti_theft_fixing',
  glazed: 'glazed',
  fixedInBuilding: 'fixed_in_building',
};
/** Condition good (1) or fair (2). */
const GRADES = [1, 2];

/** Environment tags of a location and every location above it; a psychiatric site counts as psychiatry. */
function envTagsOf(sqlite: Database.Database, locationId: number): string[] {
  const path = sqlite.prepare('select path from locations where id = ?').pluck().get(locationId) as string;
  const ids = path.split('/').filter(Boolean).map(Number);
  const rows = sqlite.prepare(`select env_tags as envTags, site_type as siteType from locations where id in (${ids.map(() => '?').join(',')})`).all(...ids) as {
    envTags: string;
    siteType: string | null;
  }[];
  const tags = new Set<string>();
  for (const r of rows) {
    for (const t of JSON.parse(r.envTags || '[]') as string[]) tags.add(t);
    if (r.siteType === 'psychiatry') tags.add('psychiatry');
  }
  return [...tags].sort();
}

const yearsBefore = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString();
};

export function suggestions(sqlite: Database.Database, project: ProjectRow, q: SuggestionsQuery, user: AuthUser, now: Date): SuggestionsResponse {
  checkSpot(sqlite, project, q.locationId);
  const envTags = envTagsOf(sqlite, q.locationId);
  const required = [...new Set([...envTags.flatMap((t) => FLAGS_FOR_ENVIRONMENT[t] ?? []), ...(q.flags ?? [])])].sort() as SuitabilityFlag[];
  const since = yearsBefore(now, q.notShownYears);
  const where = ["a.status = 'in_storage'", `a.last_grade in (${GRADES.join(',')})`];
  const args: unknown[] = [];
  for (const f of required) where.push(`a.${FLAG_COLUMN[f]} = 1`);
  if (q.type?.length) (where.push(`a.object_type in (${q.type.map(() => '?').join(',')})`), args.push(...q.type));
  const range = (col: string, min?: number, max?: number) => {
    if (min !== undefined) (where.push(`a.${col} >= ?`), args.push(min));
    if (max !== undefined) (where.push(`a.${col} <= ?`), args.push(max));
  };
  range('width_cm', q.minWidthCm, q.maxWidthCm);
  range('height_cm', q.minHeightCm, q.maxHeightCm);
  where.push('not exists (select 1 from project_reservations r where r.artwork_id = a.id and r.released_at is null)');
  // Shown at the site within the window = moved away from one of its locations since then.
  where.push(`not exists (select 1 from movements m join locations l on l.id = m.from_location_id
                          where m.artwork_id = a.id and l.site_id = ? and m.moved_at >= ?)`);
  args.push(project.siteId, since);
  if (user.siteIds) (where.push(`a.site_id in (${user.siteIds.map(() => '?').join(',') || 'null'})`), args.push(...user.siteIds));
  const rows = sqlite
    .prepare(
      `select a.id, a.inventory_number as inventoryNumber, a.title, a.object_type as objectType, a.height_cm as heightCm, a.width_cm as widthCm,
              a.last_grade as grade, a.location_id as locationId,
              (select group_concat(name, ', ') from (select ar.name from artwork_artists aa join artists ar on ar.id = aa.artist_id
                 where aa.artwork_id = a.id order by aa.position)) as artists,
              (select max(m.moved_at) from movements m join locations l on l.id = m.from_location_id where m.artwork_id = a.id and l.site_id = ?) as lastShownAtSite,
              (select sha256 from media where id = a.primary_media_id and state = 'ready') as thumbSha
         from artworks a
        where ${where.join(' and ')}
        order by a.last_grade, lastShownAtSite is not null, a.inventory_key
        limit ?`,
    )
    .all(project.siteId, ...args, q.limit) as (SuggestionsResponse['items'][number] & { locationId: number | null; thumbSha: string | null })[];
  return {
    items: rows.map(({ locationId, thumbSha, ...r }) => ({
      ...r,
      locationPath: locationId ? (resolveLocation(sqlite, locationId)?.pathText ?? null) : null,
      thumbUrl: thumbSha ? mediaUrl(thumbSha, 'thumb') : null,
    })),
    criteria: { siteId: project.siteId, envTags, requiredFlags: required, types: q.type ?? [], grades: GRADES, notShownSince: since.slice(0, 10) },
  };
}

/** One click reserves a storage work for the project; a work is reserved for one project at a time. */
export function reserve(ctx: Ctx, projectId: number, body: ReserveBody): number {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const project = getProject(sqlite, projectId);
    assertSite(user, project.siteId);
    assertOpen(project);
    const work = sqlite.prepare('select id, inventory_number as inventoryNumber, status, site_id as siteId from artworks where id = ?').get(body.artworkId) as
      | { id: number; inventoryNumber: string; status: string; siteId: number | null }
      | undefined;
    if (!work) throw unprocessable('reservation.unknown_artwork', `No work with id ${body.artworkId}.`, [{ path: 'artworkId', message: 'Unknown work' }]);
    assertSite(user, work.siteId);
    if (work.status !== 'in_storage')
      throw unprocessable('reservation.not_in_storage', `${work.inventoryNumber} is ${work.status.replace('_', ' ')}, not in storage: only works in storage can be reserved.`, [
        { path: 'artworkId', message: 'Not in storage' },
      ]);
    const held = sqlite
      .prepare('select r.project_id as projectId, p.name from project_reservations r join projects p on p.id = r.project_id where r.artwork_id = ? and r.released_at is null')
      .get(work.id) as { projectId: number; name: string } | undefined;
    if (held)
      throw conflict(
        held.projectId === projectId ? 'reservation.already_reserved' : 'reservation.taken',
        held.projectId === projectId ? `${work.inventoryNumber} is already reserved for this project.` : `${work.inventoryNumber} is reserved for the project ${held.name}.`,
        { reservedFor: { projectId: held.projectId, name: held.name }, errors: [{ path: 'artworkId', message: 'Reserved' }] },
      );
    if (body.locationId != null) checkSpot(sqlite, project, body.locationId);
    else if (body.posX != null) throw unprocessable('reservation.spot_needs_location', 'A spot on the plan needs its room or floor.', [{ path: 'locationId', message: 'Required with posX/posY' }]);
    const id = Number(
      sqlite
        .prepare('insert into project_reservations (project_id, artwork_id, location_id, pos_x, pos_y, note, user_id, reserved_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(projectId, work.id, body.locationId ?? null, body.posX ?? null, body.posY ?? null, body.note ?? null, user.id, at).lastInsertRowid,
    );
    recordAudit(sqlite, { at, userId: user.id, action: 'reserve', entityType: 'project', entityId: projectId, after: { reservationId: id, artworkId: work.id, locationId: body.locationId ?? null } });
    return id;
  })();
}

export function release(ctx: Ctx, projectId: number, reservationId: number): void {
  const { sqlite, user, at } = ctx;
  sqlite.transaction(() => {
    const project = getProject(sqlite, projectId);
    assertSite(user, project.siteId);
    const r = sqlite.prepare('select id, artwork_id as artworkId from project_reservations where id = ? and project_id = ? and released_at is null').get(reservationId, projectId) as
      | { id: number; artworkId: number }
      | undefined;
    if (!r) throw notFound('reservation.not_found', `Project ${projectId} has no active reservation ${reservationId}.`);
    sqlite.prepare('update project_reservations set released_at = ? where id = ?').run(at, r.id);
    recordAudit(sqlite, { at, userId: user.id, action: 'release', entityType: 'project', entityId: projectId, before: { reservationId: r.id, artworkId: r.artworkId }, after: null });
  })();
}
