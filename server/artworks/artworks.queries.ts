// The artwork record and its detail view in one call, from prepared statements (hot path: p95 < 5 ms).
import type Database from 'better-sqlite3';
import { notFound } from '../http/errors.js';
import { resolveLocation } from '../locations/locations.queries.js';

export const ARTWORK_COLUMNS = `id, inventory_number as inventoryNumber, title, object_type as objectType, technique, materials,
  height_cm as heightCm, width_cm as widthCm, depth_cm as depthCm, weight_kg as weightKg, dating_text as datingText,
  year_from as yearFrom, year_to as yearTo, signed, inscription, description, acquisition_method as acquisitionMethod,
  acquisition_date as acquisitionDate, acquisition_price as acquisitionPrice, acquisition_source as acquisitionSource,
  acquisition_ref as acquisitionRef, project_id as projectId, insurance_value as insuranceValue, copyright, status,
  status_note as statusNote, status_changed_at as statusChangedAt, deaccession_date as deaccessionDate,
  deaccession_ref as deaccessionRef, deaccession_reason as deaccessionReason, location_id as locationId, site_id as siteId,
  pos_x as posX, pos_y as posY, mounting, fixed_in_building as fixedInBuilding, anti_theft_fixing as antiTheftFixing,
  glazed, cleanable, psychiatry_safe as psychiatrySafe, fire_class as fireClass, ownership_unclear as ownershipUnclear,
  acquisition_data_missing as acquisitionDataMissing, dimensions_unknown as dimensionsUnknown, is_public as isPublic,
  public_text_sv as publicTextSv, public_text_en as publicTextEn, internal_note as internalNote, last_grade as lastGrade,
  last_check_at as lastCheckAt, next_check_due as nextCheckDue, check_interval_months as checkIntervalMonths,
  primary_media_id as primaryMediaId, version, created_at as createdAt, updated_at as updatedAt`;

export const BOOLEAN_FIELDS = ['fixedInBuilding', 'antiTheftFixing', 'glazed', 'cleanable', 'psychiatrySafe', 'ownershipUnclear', 'acquisitionDataMissing', 'dimensionsUnknown', 'isPublic'] as const;

export type ArtworkRecord = Record<string, unknown> & { id: number; inventoryNumber: string; status: string; locationId: number | null; siteId: number | null; version: number };

const toRecord = (row: Record<string, unknown>): ArtworkRecord => {
  for (const f of BOOLEAN_FIELDS) row[f] = Boolean(row[f]);
  return row as ArtworkRecord;
};

const mediaUrls = (sha: string) => ({ thumb: `/media/${sha}/thumb.webp`, medium: `/media/${sha}/medium.webp`, large: `/media/${sha}/large.webp` });

function prepare(sqlite: Database.Database) {
  return {
    byId: sqlite.prepare(`select ${ARTWORK_COLUMNS} from artworks where id = ?`),
    artists: sqlite.prepare(
      `select ar.id, ar.name, ar.sort_name as sortName, ar.birth_year as birthYear, ar.death_year as deathYear, aa.role, aa.position
         from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = ? order by aa.position, ar.sort_name`,
    ),
    site: sqlite.prepare('select id, name, site_type as siteType, municipality, lat, lon from locations where id = ?'),
    latestCheck: sqlite.prepare(
      `select c.id, c.checked_at as checkedAt, c.grade, c.damage_types as damageTypes, c.recommended_action as recommendedAction,
              c.priority, c.note, c.user_id as userId, u.name as userName
         from condition_checks c left join users u on u.id = c.user_id
        where c.artwork_id = ? and c.superseded_by_id is null order by c.checked_at desc, c.id desc limit 1`,
    ),
    images: sqlite.prepare(
      `select m.id, m.sha256, l.role, l.position, l.caption, m.width, m.height, m.dominant_color as dominantColor
         from media_links l join media m on m.id = l.media_id
        where l.entity_type = 'artwork' and l.entity_id = ? and m.state = 'ready'
        order by (l.role = 'primary') desc, l.position, l.id`,
    ),
    movements: sqlite.prepare(
      `select m.id, m.moved_at as movedAt, m.from_location_id as fromLocationId, m.to_location_id as toLocationId,
              m.from_path_text as fromPathText, m.to_path_text as toPathText, m.reason, m.note, m.batch_id as batchId, u.name as userName
         from movements m left join users u on u.id = m.user_id where m.artwork_id = ? order by m.moved_at desc, m.id desc limit 50`,
    ),
    openTreatments: sqlite.prepare(
      `select id, status, performer, contractor_name as contractorName, description, priority, proposed_at as proposedAt,
              approved_at as approvedAt, started_at as startedAt, cost_estimate as costEstimate, version
         from conservation_treatments where artwork_id = ? and status in ('proposed', 'approved', 'in_progress') order by proposed_at, id`,
    ),
    artistIdsOf: sqlite.prepare('select artist_id from artwork_artists where artwork_id = ? order by position').pluck(),
  };
}
const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
export const artworkStatements = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
};

export function findArtwork(sqlite: Database.Database, id: number): ArtworkRecord | undefined {
  const row = artworkStatements(sqlite).byId.get(id) as Record<string, unknown> | undefined;
  return row && toRecord(row);
}

export function getArtwork(sqlite: Database.Database, id: number): ArtworkRecord {
  const row = findArtwork(sqlite, id);
  if (!row) throw notFound('artwork.not_found', `No work with id ${id}.`);
  return row;
}

/** The record plus everything the detail page shows, in one call. */
export function artworkDetail(sqlite: Database.Database, record: ArtworkRecord) {
  const s = artworkStatements(sqlite);
  const id = record.id;
  const loc = record.locationId ? resolveLocation(sqlite, record.locationId) : undefined;
  const check = s.latestCheck.get(id) as (Record<string, unknown> & { damageTypes: string }) | undefined;
  const images = (s.images.all(id) as { id: number; sha256: string; role: string }[]).map((m) => ({ ...m, urls: mediaUrls(m.sha256) }));
  const primaryImage = images.find((m) => m.id === record.primaryMediaId) ?? images.find((m) => m.role === 'primary') ?? images[0] ?? null;
  return {
    ...record,
    artists: s.artists.all(id),
    location: loc ? { id: loc.id, kind: loc.kind, path: loc.path, pathText: loc.pathText, siteType: loc.siteType, active: loc.active } : null,
    site: record.siteId ? (s.site.get(record.siteId) ?? null) : null,
    latestCheck: check ? { ...check, damageTypes: JSON.parse(check.damageTypes || '[]') } : null,
    nextCheckDue: record.nextCheckDue ?? null,
    primaryImage,
    images,
    movements: s.movements.all(id),
    openTreatments: s.openTreatments.all(id),
  };
}
