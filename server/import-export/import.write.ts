// Writes planned rows inside the import's transaction: new works a few hundred at a time (writeNewWorks), updates one
// by one; then placements (first placements in bulk, moves through moveArtworks), statuses (through applyStatus),
// audit rows under the import's batch id, and what undo needs.
import type Database from 'better-sqlite3';
import { AUDIT_COLUMNS, recordAudit } from '../audit/audit.js';
import { BulkInsert } from '../../db/bulk-insert.js';
import { BOOLEAN_FIELDS, getArtwork } from '../artworks/artworks.queries.js';
import { applyStatus, EDITABLE_COLUMNS, toColumnValue } from '../artworks/artworks.service.js';
import { artistNameKey, defaultSortName } from '../artists/artists.service.js';
import { inventoryKey } from '../artworks/inventory.js';
import { moveArtworks, placementTarget, recordFirstPlacements, type PlacementTarget } from '../movements/movements.service.js';
import type { AuthUser } from '../users/auth.js';
import { HttpError } from '../http/errors.js';
import type { SuspendedIndexing } from '../search/bulk-index.js';
import { searchDoc, type DocPlace } from '../search/search-doc.js';
import { UNPLACED_CODE, UNPLACED_NAME, type Lookups } from './import.lookups.js';
import { STATUS_COLUMNS, type ArtistRef, type Plan, type Target } from './import.rows.js';

export type Writer = {
  sqlite: Database.Database;
  user: AuthUser;
  at: string;
  importId: number;
  batchId: string;
  lookups: Lookups;
  createdArtists: number;
  createdLocations: number;
  /** The id the next new work gets (the commit holds the write lock, so nobody else takes it). */
  nextArtworkId: number;
  /** Destinations of new works, checked once per place. */
  targets?: Map<number, PlacementTarget>;
  /** Rows written a few dozen per statement: flushed before anything reads them (placeAll). */
  bulk: ReturnType<typeof bulkInserts>;
  /** The full-text index, while the commit keeps it itself (new works are indexed from their values). */
  search: SuspendedIndexing | null;
};

/** The tables an import writes a row to for (nearly) every work. */
export const bulkInserts = (sqlite: Database.Database) => ({
  audit: new BulkInsert(sqlite, 'audit_log', AUDIT_COLUMNS),
  links: new BulkInsert(sqlite, 'artwork_artists', ['artwork_id', 'artist_id', 'role', 'position']),
  items: new BulkInsert(sqlite, 'import_items', ['import_id', 'artwork_id', 'action', 'before', 'version_after']),
});
const flushBulk = (w: Writer) => Object.values(w.bulk).forEach((b) => b.flush());

/** The first free id of a table (artworks, artists), as AUTOINCREMENT would give it. */
export const firstFreeId = (sqlite: Database.Database, table: 'artworks' | 'artists') =>
  (sqlite.prepare(`select max(coalesce((select max(id) from ${table}), 0), coalesce((select seq from sqlite_sequence where name = '${table}'), 0)) + 1`).pluck().get() as number);

type Stmts = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Stmts>();
function prepare(sqlite: Database.Database) {
  return {
    insertArtist: sqlite.prepare('insert into artists (name, sort_name, name_key, created_at, updated_at) values (?, ?, ?, ?, ?)'),
    deleteLinks: sqlite.prepare('delete from artwork_artists where artwork_id = ?'),
    addLink: sqlite.prepare('insert into artwork_artists (artwork_id, artist_id, role, position) values (?, ?, ?, ?)'),
    created: sqlite.prepare('insert or ignore into import_created (import_id, entity_type, entity_id) values (?, ?, ?)'),
    versionOf: sqlite.prepare('select version from artworks where id = ?').pluck(),
    statusOf: sqlite.prepare('select status_note as statusNote, deaccession_date as deaccessionDate, deaccession_ref as deaccessionRef, deaccession_reason as deaccessionReason from artworks where id = ?'),
    insertLocation: sqlite.prepare(
      `insert into locations (parent_id, path, depth, site_id, kind, site_type, code, name, env_tags, closed_unit, active, version, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, '[]', 0, 1, 1, ?, ?)`,
    ),
    setPath: sqlite.prepare('update locations set path = ?, site_id = ? where id = ?'),
  };
}
const stmts = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
};

const insertCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function insertWork(sqlite: Database.Database, cols: string[]): Database.Statement {
  let m = insertCache.get(sqlite);
  if (!m) insertCache.set(sqlite, (m = new Map()));
  const sig = cols.join(',');
  let s = m.get(sig);
  if (!s) m.set(sig, (s = sqlite.prepare(`insert into artworks (${sig}) values (${cols.map(() => '?').join(', ')})`)));
  return s;
}

export function artistId(w: Writer, a: ArtistRef): number {
  if (a.id !== null) return a.id;
  const known = w.lookups.artistByKey.get(a.key);
  if (known) return known;
  const s = stmts(w.sqlite);
  const id = Number(s.insertArtist.run(a.name, defaultSortName(a.name), artistNameKey(a.name), w.at, w.at).lastInsertRowid);
  recordAudit(w.sqlite, { at: w.at, userId: w.user.id, action: 'create', entityType: 'artist', entityId: id, after: { id, name: a.name, sortName: defaultSortName(a.name) }, batchId: w.batchId });
  s.created.run(w.importId, 'artist', id);
  w.lookups.artistByKey.set(a.key, id);
  w.lookups.artistNames.set(id, a.name);
  w.createdArtists++;
  return id;
}

function createLocation(w: Writer, kind: 'site' | 'building', parentId: number | null, name: string, code: string | null): number {
  const s = stmts(w.sqlite);
  const parent = parentId ? w.lookups.locations.get(parentId)! : null;
  const id = Number(s.insertLocation.run(parentId, `/new-${process.hrtime.bigint()}/`, parent ? 1 : 0, parent?.siteId ?? null, kind, kind === 'site' ? 'other' : null, code, name, w.at, w.at).lastInsertRowid);
  const siteId = parent?.siteId ?? id;
  s.setPath.run(`${parent ? `/${parent.id}/` : '/'}${id}/`, siteId, id);
  recordAudit(w.sqlite, { at: w.at, userId: w.user.id, action: 'create', entityType: 'location', entityId: id, after: { id, kind, name, code, parentId }, batchId: w.batchId });
  s.created.run(w.importId, 'location', id);
  w.lookups.addLocation({ id, parentId, kind, code, name, siteId, siteType: parent ? parent.siteType : 'other', active: true, pathText: parent ? `${parent.pathText} › ${name}` : name });
  w.createdLocations++;
  return id;
}

/** A place nobody has registered yet: a node under the unplaced site, found again by the same text next time. */
function locationId(w: Writer, target: Target): number {
  if ('id' in target) return target.id;
  const again = w.lookups.locationFor(target.create.code, target.create.text, null);
  if ('id' in again) return again.id;
  if (w.lookups.unplacedSiteId === null) createLocation(w, 'site', null, UNPLACED_NAME, UNPLACED_CODE);
  return createLocation(w, 'building', w.lookups.unplacedSiteId, target.create.text.slice(0, 200), target.create.code);
}

function writeArtists(w: Writer, artworkId: number, artists: ArtistRef[]): { artistId: number; role: string }[] {
  const s = stmts(w.sqlite);
  const links = artists.map((a) => ({ artistId: artistId(w, a), role: a.role }));
  s.deleteLinks.run(artworkId);
  links.forEach((l, i) => s.addLink.run(artworkId, l.artistId, l.role, i));
  return links;
}

/** What is left to do for a written row once every row is in: its placement and status (see placeAll). */
export type Pending = {
  id: number; kind: 'new' | 'updated'; move: Target | undefined; status: Plan['status']; statusFields: Plan['statusFields']; before: string | null;
  /** A new work inserted at its place: its first movement is recorded in placeAll. */
  placed?: { to: PlacementTarget; fromStatus: string };
  /** Its version once placed (new works), when no status write follows. */
  version?: number;
};

const pending = (id: number, plan: Plan, before: string | null): Pending => ({ id, kind: plan.kind as 'new' | 'updated', move: plan.move, status: plan.status, statusFields: plan.statusFields, before });

const BOOLEANS = new Set<string>(BOOLEAN_FIELDS);

function target(w: Writer, move: Target): PlacementTarget {
  const id = locationId(w, move);
  w.targets ??= new Map();
  let t = w.targets.get(id);
  if (!t) w.targets.set(id, (t = placementTarget(w.sqlite, id, w.user)));
  return t;
}

type NewRow = { plan: Plan; insert: Database.Statement; vals: unknown[]; links: Link[]; audit: unknown[]; doc: string[] | null; pending: Pending };
type Link = { artistId: number; role: string };

/** The location and up to three ancestors, as the full-text document names them. */
export function docPlace(lookups: Lookups, locationId: number | undefined): DocPlace {
  if (locationId === undefined) return null;
  const names: string[] = [];
  const loc = lookups.locations.get(locationId);
  for (let l = loc; l && names.length < 4; l = l.parentId ? lookups.locations.get(l.parentId) : undefined) names.push(l.name);
  return { names, code: loc?.code ?? null };
}

/** The status a new work is registered with, before it is placed. */
export const registeredStatus = (plan: Plan) => plan.initialStatus ?? 'in_storage';

const NEW_ROW_COLUMNS = ['id', 'inventory_number', 'inventory_key', 'status', 'status_changed_at', 'location_id', 'site_id', 'version', 'created_at', 'updated_at'];

/** A new work's insert (its id left as 0), its create-audit entry and its full-text document. */
export type NewRowParts = { cols: string[]; vals: unknown[]; after: string; doc: string[] | null };

/**
 * Builds a new work's parts from its plan, its place and its artists' ids: pure, so the helper thread can build them
 * while the import's thread writes (see import.parallel.ts).
 */
export function newRowParts(plan: Plan, at: string, to: PlacementTarget | undefined, links: Link[], lookups: Lookups, withDoc: boolean): NewRowParts {
  // Placed as it is inserted (location, site, the status the place gives, the move counted in its version): the
  // work is written once, and placeAll records the movement moveArtworks would have.
  const fromStatus = registeredStatus(plan);
  const cols = NEW_ROW_COLUMNS.slice();
  const vals: unknown[] = [0, plan.inventoryNumber, inventoryKey(plan.inventoryNumber), to?.status ?? fromStatus, at, to?.id ?? null, to?.siteId ?? null, to ? 2 : 1, at, at];
  // The audit keeps the work as registered, before its placement: the values the file gave it (fields left empty
  // are left out; the history shows a registration as one line, and the full record of tens of thousands of works
  // would double what an import writes). The work's id is the audit row's entity_id. Written as JSON directly (it
  // is the same text as JSON.stringify of that record): tens of thousands of records built only to be serialised
  // were a fifth of an import's staging.
  let after = `{"inventoryNumber":${JSON.stringify(plan.inventoryNumber)},"status":${JSON.stringify(fromStatus)}`;
  const fields = plan.fields;
  for (const field in fields) {
    const value = toColumnValue(field, fields[field]);
    cols.push(EDITABLE_COLUMNS[field]!);
    vals.push(value);
    if (BOOLEANS.has(field) ? value : value !== null && value !== '') after += `,"${field}":${BOOLEANS.has(field) ? 'true' : JSON.stringify(value)}`;
  }
  after += `,"artists":${JSON.stringify(links)}}`;
  const text = (f: string) => {
    const v = fields[f];
    return v === undefined || v === null || v === '' ? null : (v as string);
  };
  const doc = withDoc
    ? searchDoc(
        { inventoryNumber: plan.inventoryNumber, inventoryKey: vals[2] as string, title: String(text('title') ?? ''), technique: text('technique'), materials: text('materials'), description: text('description'), inscription: text('inscription') },
        links.map((l) => l.artistId).sort((a, b) => a - b).map((id) => lookups.artistNames.get(id) ?? ''),
        docPlace(lookups, to?.id),
      )
    : null;
  return { cols, vals, after, doc };
}

/** A new work's parts built ahead on the helper thread, and the place they were built for. */
export type PreparedNew = { parts: NewRowParts; links: Link[]; toId: number | null };

/** A new work's row, links and audit entry, ready to write. */
function newRow(w: Writer, plan: Plan, prepared: PreparedNew | null): NewRow {
  const id = w.nextArtworkId++;
  const to = plan.move ? target(w, plan.move) : undefined;
  // Parts built ahead are used only for the place checked here (they are built from the same catalogue).
  const ready = prepared && prepared.toId === (to?.id ?? null) ? prepared : null;
  const links = ready?.links ?? (plan.artists ?? []).map((a) => ({ artistId: artistId(w, a), role: a.role }));
  const parts = ready?.parts ?? newRowParts(plan, w.at, to, links, w.lookups, w.search !== null);
  parts.vals[0] = id;
  const p = pending(id, plan, null);
  p.move = undefined;
  if (to) p.placed = { to, fromStatus: registeredStatus(plan) };
  p.version = to ? 2 : 1;
  const audit = [w.at, w.user.id, 'create', 'artwork', id, null, parts.after, w.batchId];
  return { plan, insert: insertWork(w.sqlite, parts.cols), vals: parts.vals, links, audit, doc: w.search ? parts.doc : null, pending: p };
}

/** Runs one row's step; an error names the file's row (the whole commit ends with it). */
export function atRow<T>(plan: Plan, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof HttpError) throw new HttpError(e.status, e.code, e.title, `Row ${plan.row}: ${e.detail ?? e.title} Nothing was written.`, e.extra);
    throw e;
  }
}

/**
 * New works, a few hundred at a time: their values first, then the inserts back to back, then their artist links
 * and audit rows. Interleaved with the JavaScript that builds each row, the inserts took twice as long (the
 * B-tree pages they walk fall out of the processor's caches). A work goes in before anything that refers to it,
 * so foreign keys need not be deferred (deferred, every insert of a work looks through each table that refers to works).
 */
export function writeNewWorks(w: Writer, plans: Plan[], prepared: (PreparedNew | null)[] = []): Pending[] {
  const rows = plans.map((plan, i) => atRow(plan, () => newRow(w, plan, prepared[i] ?? null)));
  for (const r of rows) atRow(r.plan, () => r.insert.run(r.vals));
  for (const r of rows) {
    r.links.forEach((l, i) => w.bulk.links.push(r.pending.id, l.artistId, l.role, i));
    w.bulk.audit.push(...r.audit);
    if (r.doc) w.search!.insert(r.pending.id, r.doc);
  }
  return rows.map((r) => r.pending);
}

/** Fields of the record an update may touch, as they were (what undo restores). */
const PLACEMENT_FIELDS = ['locationId', 'siteId', 'posX', 'posY', 'status', 'statusNote', 'statusChangedAt', 'deaccessionDate', 'deaccessionRef', 'deaccessionReason'] as const;

export function writeUpdate(w: Writer, plan: Plan): Pending {
  const e = plan.existing!;
  const id = e.id;
  const before: Record<string, unknown> = {};
  const sets: string[] = [];
  const vals: unknown[] = [];
  for (const [field, value] of Object.entries(plan.fields)) {
    before[field] = e[field] ?? null;
    sets.push(`${EDITABLE_COLUMNS[field]} = ?`);
    vals.push(toColumnValue(field, value));
  }
  if (plan.move || plan.status || plan.statusFields) for (const f of PLACEMENT_FIELDS) before[f] = e[f] ?? null;
  if (plan.artists) before.artists = e.artists.map((a) => ({ artistId: a.artistId, role: a.role }));
  if (sets.length || plan.artists) {
    w.sqlite.prepare(`update artworks set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...vals, w.at, id);
    const links = plan.artists ? writeArtists(w, id, plan.artists) : undefined;
    const { artists: _current, ...record } = e;
    recordAudit(w.sqlite, {
      at: w.at, userId: w.user.id, action: 'update', entityType: 'artwork', entityId: id, batchId: w.batchId,
      before: links ? { ...record, artists: before.artists } : record,
      after: links ? { ...getArtwork(w.sqlite, id), artists: links } : getArtwork(w.sqlite, id),
    });
  }
  return pending(id, plan, JSON.stringify(before));
}

/**
 * Placements, statuses and undo records of every written row. Works going to the same place move in one
 * moveArtworks call: each call is a savepoint, and every savepoint makes SQLite's full-text index flush to disk,
 * so one per row would make a large import crawl.
 */
export function placeAll(w: Writer, rows: Pending[]): void {
  flushBulk(w);
  const groups = new Map<number, number[]>();
  for (const r of rows) {
    if (!r.move) continue;
    const to = locationId(w, r.move);
    const g = groups.get(to);
    if (g) g.push(r.id);
    else groups.set(to, [r.id]);
  }
  const placed = rows.filter((r) => r.placed).map((r) => ({ artworkId: r.id, ...r.placed! }));
  recordFirstPlacements(w.sqlite, placed, { reason: 'import', userId: w.user.id, batchId: w.batchId }, w.at);
  for (const [to, ids] of groups) moveArtworks(w.sqlite, { artworkIds: ids, toLocationId: to, reason: 'import', userId: w.user.id, batchId: w.batchId, foundAgain: true, user: w.user }, w.at);
  const s = stmts(w.sqlite);
  for (const r of rows) {
    if (r.status) applyStatus(w.sqlite, getArtwork(w.sqlite, r.id), r.status, w.user, w.at, w.batchId);
    if (r.statusFields) writeStatusFields(w, r.id, r.statusFields);
    w.bulk.items.push(w.importId, r.id, r.kind, r.before, r.version !== undefined && !r.status && !r.statusFields ? r.version : s.versionOf.get(r.id));
  }
  flushBulk(w);
}

/** A status note (or a deaccessioned work's decision fields) written as it is, when it differs. */
function writeStatusFields(w: Writer, id: number, fields: Record<string, string | null>): void {
  const current = stmts(w.sqlite).statusOf.get(id) as Record<string, string | null>;
  const changed = Object.entries(fields).filter(([f, v]) => (current[f] ?? null) !== v);
  if (!changed.length) return;
  w.sqlite.prepare(`update artworks set ${changed.map(([f]) => `${STATUS_COLUMNS[f]} = ?`).join(', ')}, version = version + 1, updated_at = ? where id = ?`).run(...changed.map(([, v]) => v), w.at, id);
  recordAudit(w.sqlite, { at: w.at, userId: w.user.id, action: 'update', entityType: 'artwork', entityId: id, before: Object.fromEntries(changed.map(([f]) => [f, current[f] ?? null])), after: Object.fromEntries(changed), batchId: w.batchId });
}
