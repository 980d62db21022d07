// Artwork writes: register, edit (If-Match), change status. Each in one transaction with its audit rows.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { preconditionFailed, unprocessable, validationError } from '../http/errors.js';
import { resolveLocation } from '../locations/locations.queries.js';
import { moveArtworks } from '../movements/movements.service.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import { artworkStatements, BOOLEAN_FIELDS, getArtwork, type ArtworkRecord } from './artworks.queries.js';
import type { CreateArtworkBody, StatusBody, UpdateArtworkBody } from './artworks.schema.js';
import { assertInventoryFree, assertInventoryPattern, inventoryKey } from './inventory.js';
import { checkStatusChange, statusRuleError, type Status } from './status.js';

/** Plain columns a create or PATCH may set (camelCase field → column). */
export const EDITABLE_COLUMNS: Record<string, string> = {
  title: 'title', objectType: 'object_type', technique: 'technique', materials: 'materials', heightCm: 'height_cm', widthCm: 'width_cm',
  depthCm: 'depth_cm', weightKg: 'weight_kg', datingText: 'dating_text', yearFrom: 'year_from', yearTo: 'year_to', signed: 'signed',
  inscription: 'inscription', description: 'description', acquisitionMethod: 'acquisition_method', acquisitionDate: 'acquisition_date',
  acquisitionPrice: 'acquisition_price', acquisitionSource: 'acquisition_source', acquisitionRef: 'acquisition_ref', projectId: 'project_id',
  insuranceValue: 'insurance_value', copyright: 'copyright', mounting: 'mounting', fixedInBuilding: 'fixed_in_building',
  antiTheftFixing: 'anti_theft_fixing', glazed: 'glazed', cleanable: 'cleanable', psychiatrySafe: 'psychiatry_safe', fireClass: 'fire_class',
  ownershipUnclear: 'ownership_unclear', acquisitionDataMissing: 'acquisition_data_missing', dimensionsUnknown: 'dimensions_unknown',
  isPublic: 'is_public', publicTextSv: 'public_text_sv', publicTextEn: 'public_text_en', internalNote: 'internal_note',
  checkIntervalMonths: 'check_interval_months',
};
const BOOLEANS = new Set<string>(BOOLEAN_FIELDS);
export const toColumnValue = (field: string, v: unknown) => (BOOLEANS.has(field) ? (v ? 1 : 0) : (v ?? null));

type Ctx = { sqlite: Database.Database; user: AuthUser; at: string; inventoryPattern: string };

function tableExists(sqlite: Database.Database, name: string): boolean {
  return Boolean(sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name));
}

/** Unknown artists or projects are a 422 naming the field, never a foreign-key 500. */
function checkReferences(sqlite: Database.Database, body: { artists?: { artistId: number }[]; projectId?: number | null }): void {
  const artist = sqlite.prepare('select id, merged_into_id as mergedIntoId from artists where id = ?');
  body.artists?.forEach((a, i) => {
    const row = artist.get(a.artistId) as { id: number; mergedIntoId: number | null } | undefined;
    if (!row) throw unprocessable('artwork.unknown_artist', `Artist ${a.artistId} does not exist.`, [{ path: `artists.${i}.artistId`, message: 'Unknown artist' }]);
    if (row.mergedIntoId)
      throw unprocessable('artwork.merged_artist', `Artist ${a.artistId} was merged into ${row.mergedIntoId}; use that record.`, [{ path: `artists.${i}.artistId`, message: `Merged into ${row.mergedIntoId}` }]);
  });
  if (body.projectId != null) {
    const ok = tableExists(sqlite, 'projects') && sqlite.prepare('select 1 from projects where id = ?').get(body.projectId);
    if (!ok) throw unprocessable('artwork.unknown_project', `Project ${body.projectId} does not exist.`, [{ path: 'projectId', message: 'Unknown project' }]);
  }
}

function writeArtists(sqlite: Database.Database, artworkId: number, artists: { artistId: number; role: string }[]): void {
  sqlite.prepare('delete from artwork_artists where artwork_id = ?').run(artworkId);
  const add = sqlite.prepare('insert into artwork_artists (artwork_id, artist_id, role, position) values (?, ?, ?, ?)');
  artists.forEach((a, i) => add.run(artworkId, a.artistId, a.role, i));
}

const artistsOf = (sqlite: Database.Database, id: number) =>
  sqlite.prepare('select artist_id as artistId, role from artwork_artists where artwork_id = ? order by position').all(id);

export function createArtwork(ctx: Ctx, body: CreateArtworkBody): number {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    assertInventoryPattern(body.inventoryNumber, ctx.inventoryPattern);
    assertInventoryFree(sqlite, body.inventoryNumber);
    checkReferences(sqlite, body);
    if (body.locationId != null) {
      if (body.status) throw validationError([{ path: 'status', message: 'A placed work gets its status from its location' }]);
      const loc = resolveLocation(sqlite, body.locationId);
      if (!loc) throw unprocessable('artwork.unknown_location', `Location ${body.locationId} does not exist.`, [{ path: 'locationId', message: 'Unknown location' }]);
      assertSite(user, loc.siteId);
    } else {
      // A work with no location is outside every site: only users who see every site may register it.
      assertSite(user, null);
      if (body.posX != null || body.posY != null) throw validationError([{ path: 'posX', message: 'A floor-plan spot needs a location' }]);
    }
    const status = body.status ?? 'in_storage';
    if (status === 'missing' && !body.statusNote?.trim()) throw statusRuleError('missing_needs_note', 'statusNote');

    const cols = ['inventory_number', 'inventory_key', 'status', 'status_note', 'status_changed_at', 'created_at', 'updated_at'];
    const vals: unknown[] = [body.inventoryNumber, inventoryKey(body.inventoryNumber), status, body.statusNote ?? null, at, at, at];
    for (const [field, col] of Object.entries(EDITABLE_COLUMNS)) {
      const v = (body as Record<string, unknown>)[field];
      if (v === undefined) continue;
      cols.push(col);
      vals.push(toColumnValue(field, v));
    }
    const id = Number(sqlite.prepare(`insert into artworks (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
    if (body.artists) writeArtists(sqlite, id, body.artists);
    recordAudit(sqlite, { at, userId: user.id, action: 'create', entityType: 'artwork', entityId: id, after: { ...getArtwork(sqlite, id), artists: body.artists ?? [] } });
    if (body.locationId != null)
      moveArtworks(sqlite, { artworkIds: [id], toLocationId: body.locationId, reason: 'registered', userId: user.id, posX: body.posX ?? null, posY: body.posY ?? null, user }, at);
    return id;
  })();
}

export function updateArtwork(ctx: Ctx, id: number, expected: number, body: UpdateArtworkBody): ArtworkRecord {
  const { sqlite, user, at } = ctx;
  return sqlite.transaction(() => {
    const before = getArtwork(sqlite, id);
    assertSite(user, before.siteId);
    if (before.version !== expected) throw preconditionFailed('artwork.version_conflict', before);
    if (body.inventoryNumber !== undefined && inventoryKey(body.inventoryNumber) !== inventoryKey(before.inventoryNumber)) {
      // Only a new number must follow today's pattern; re-spacing an old one ("SLL1" → "SLL 1") needs no check.
      assertInventoryPattern(body.inventoryNumber, ctx.inventoryPattern);
      assertInventoryFree(sqlite, body.inventoryNumber, id);
    }
    checkReferences(sqlite, body);
    const yearFrom = body.yearFrom !== undefined ? body.yearFrom : (before.yearFrom as number | null);
    const yearTo = body.yearTo !== undefined ? body.yearTo : (before.yearTo as number | null);
    if (yearFrom != null && yearTo != null && yearTo < yearFrom)
      throw validationError([{ path: body.yearTo !== undefined ? 'yearTo' : 'yearFrom', message: `Year to (${yearTo}) is before year from (${yearFrom})` }]);

    const sets: string[] = [];
    const vals: unknown[] = [];
    if (body.inventoryNumber !== undefined) (sets.push('inventory_number = ?', 'inventory_key = ?'), vals.push(body.inventoryNumber, inventoryKey(body.inventoryNumber)));
    for (const [field, col] of Object.entries(EDITABLE_COLUMNS)) {
      const v = (body as Record<string, unknown>)[field];
      if (v === undefined) continue;
      sets.push(`${col} = ?`);
      vals.push(toColumnValue(field, v));
    }
    const beforeArtists = body.artists ? artistsOf(sqlite, id) : undefined;
    sqlite.prepare(`update artworks set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...vals, at, id);
    if (body.artists) writeArtists(sqlite, id, body.artists);
    const after = getArtwork(sqlite, id);
    recordAudit(sqlite, {
      at,
      userId: user.id,
      action: 'update',
      entityType: 'artwork',
      entityId: id,
      before: { ...before, ...(beforeArtists ? { artists: beforeArtists } : {}) },
      after: { ...after, ...(body.artists ? { artists: artistsOf(sqlite, id) } : {}) },
    });
    return after;
  })();
}

export type StatusInput = StatusBody & { via?: 'user' | 'treatment' };

/** Changes a work's status under the status rules; exported so treatments can set in_conservation in their own transaction. */
export function changeStatus(sqlite: Database.Database, id: number, input: StatusInput, user: AuthUser, at: string, opts: { expectedVersion?: number; batchId?: string } = {}): ArtworkRecord {
  return sqlite.transaction(() => {
    const before = getArtwork(sqlite, id);
    assertSite(user, before.siteId);
    if (opts.expectedVersion !== undefined && before.version !== opts.expectedVersion) throw preconditionFailed('artwork.version_conflict', before);
    applyStatus(sqlite, before, input, user, at, opts.batchId);
    return getArtwork(sqlite, id);
  })();
}

const statusUpdates = new WeakMap<Database.Database, Database.Statement>();
/** Prepared once per connection: batch edits and imports write thousands of statuses in one go. */
function statusUpdate(sqlite: Database.Database): Database.Statement {
  let s = statusUpdates.get(sqlite);
  if (!s)
    statusUpdates.set(
      sqlite,
      (s = sqlite.prepare(
        `update artworks set status = ?, status_note = ?, status_changed_at = ?, deaccession_date = ?, deaccession_ref = ?, deaccession_reason = ?,
                version = version + 1, updated_at = ? where id = ?`,
      )),
    );
  return s;
}

/** Checks a change from `current` to `input` of a work at `loc` (none: unplaced) against the status rules. */
export function checkStatusInput(current: string, input: StatusInput, user: AuthUser, loc: { siteType: string | null } | undefined, subject = ''): void {
  checkStatusChange(
    {
      current: current as Status,
      next: input.status,
      note: input.note,
      deaccessionDate: input.deaccessionDate,
      deaccessionRef: input.deaccessionRef,
      deaccessionReason: input.deaccessionReason,
      isAdmin: user.role === 'admin',
      via: input.via ?? 'user',
      locationSiteType: loc?.siteType,
      hasLocation: Boolean(loc),
    },
    subject,
  );
}

/**
 * The record's status fields once `input` is set. Leaving deaccessioned clears the decision fields on the record
 * (the audit trail keeps them).
 */
export function statusFieldsOf(input: StatusInput) {
  const deacc = input.status === 'deaccessioned';
  return {
    status: input.status,
    statusNote: input.note ?? null,
    deaccessionDate: deacc ? (input.deaccessionDate ?? null) : null,
    deaccessionRef: deacc ? (input.deaccessionRef ?? null) : null,
    deaccessionReason: deacc ? (input.deaccessionReason ?? null) : null,
  };
}

/** Checks the rules and writes the status (no transaction of its own; batch edits call it per work). */
export function applyStatus(sqlite: Database.Database, before: ArtworkRecord, input: StatusInput, user: AuthUser, at: string, batchId?: string): void {
  const loc = before.locationId ? resolveLocation(sqlite, before.locationId) : undefined;
  checkStatusInput(before.status, input, user, loc, batchId ? `Work ${before.inventoryNumber}: ` : '');
  const next = statusFieldsOf(input);
  statusUpdate(sqlite).run(next.status, next.statusNote, at, next.deaccessionDate, next.deaccessionRef, next.deaccessionReason, at, before.id);
  const after = getArtwork(sqlite, before.id);
  recordAudit(sqlite, { at, userId: user.id, action: 'status', entityType: 'artwork', entityId: before.id, before, after, batchId: batchId ?? null });
}

export { artworkStatements };
