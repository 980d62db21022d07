// The in-memory column store behind search: one compact typed array per filterable field, indexed
// by artwork id. Filters and facets are loops over these arrays (no GROUP BY per request); sort
// orders are rank arrays built once and patched when works change. Changes are picked up from the
// search_changes log that database triggers fill, so writes from any code path are seen.
import type Database from 'better-sqlite3';
import { SEARCH_ACQUISITION_METHODS, SEARCH_OBJECT_TYPES, SEARCH_STATUSES } from './search.schema.js';
import { sortKey } from './sort-keys.js';

export const NO_YEAR = -32768;
export const NO_DUE = 0x7fffffff;
export const FLAG_IMAGE = 1;
export const FLAG_PUBLIC = 2;
// Data-quality gaps (the `incomplete` filter); a missing image is the absence of FLAG_IMAGE.
export const FLAG_NO_DIMENSIONS = 4;
export const FLAG_NO_ACQUISITION = 8;
export const FLAG_IMPRECISE_LOCATION = 16;
export const FLAG_OWNERSHIP_UNCLEAR = 32;
/** lastCheck of a work never checked. */
export const NO_CHECK = -0x80000000;
/** Decade index: 0 = no year; otherwise decade (year/10) − DECADE_BASE, clamped to 1…255. */
export const DECADE_BASE = 99; // index 1 = the 1000s … 255 = the 3530s

export type StringSortKey = 'inventory' | 'title' | 'artist';

type Row = {
  id: number;
  status: string;
  objectType: string;
  siteId: number | null;
  locationId: number | null;
  lastGrade: number | null;
  yearFrom: number | null;
  yearTo: number | null;
  acquisitionMethod: string | null;
  projectId: number | null;
  hasImage: number;
  isPublic: number;
  nextCheckDue: string | null;
  updatedAt: string;
  lastCheckAt: string | null;
  gaps: number;
  inventoryKey?: string;
  title?: string;
  artistSort?: string | null;
};

// Bit mask of the record's gaps (FLAG_NO_DIMENSIONS …): digital works have no physical size; a work
// on display or in storage needs a room-level place (works on loan or missing have none to give;
// a location's kind never changes, and a status change re-reads the row).
const GAPS_SQL = `((a.dimensions_unknown or (a.height_cm is null and a.width_cm is null and a.object_type <> 'digital')) * ${4}
    + (a.acquisition_data_missing or a.acquisition_method is null or a.acquisition_method = 'unknown' or a.acquisition_date is null) * ${8}
    + (a.status in ('in_place', 'in_storage') and (a.location_id is null or (select l.kind from locations l where l.id = a.location_id) <> 'room')) * ${16}
    + (a.ownership_unclear <> 0) * ${32})`;

const ROW_SQL = `select a.id, a.status, a.object_type as objectType, a.site_id as siteId, a.location_id as locationId,
    a.last_grade as lastGrade, a.year_from as yearFrom, a.year_to as yearTo, a.acquisition_method as acquisitionMethod,
    a.project_id as projectId,
    (a.primary_media_id is not null or exists (select 1 from media_links m where m.entity_type = 'artwork' and m.entity_id = a.id and m.role = 'primary')) as hasImage,
    a.is_public as isPublic, a.next_check_due as nextCheckDue, a.updated_at as updatedAt, a.last_check_at as lastCheckAt, ${GAPS_SQL} as gaps, a.inventory_key as inventoryKey, a.title,
    (select ar.sort_name from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id order by aa.position, aa.artist_id limit 1) as artistSort
  from artworks a`;

const BULK_SQL = `select id, status, object_type, site_id, location_id, last_grade, year_from, year_to, acquisition_method, project_id,
    primary_media_id is not null, is_public, next_check_due, updated_at, last_check_at, ${GAPS_SQL} from artworks a`;
const rowOf = (r: unknown[]): Row => ({
  id: r[0] as number,
  status: r[1] as string,
  objectType: r[2] as string,
  siteId: r[3] as number | null,
  locationId: r[4] as number | null,
  lastGrade: r[5] as number | null,
  yearFrom: r[6] as number | null,
  yearTo: r[7] as number | null,
  acquisitionMethod: r[8] as string | null,
  projectId: r[9] as number | null,
  hasImage: r[10] as number,
  isPublic: r[11] as number,
  nextCheckDue: r[12] as string | null,
  updatedAt: r[13] as string,
  lastCheckAt: r[14] as string | null,
  gaps: r[15] as number,
});

/** Raw text behind each sort order, read in one pass when the order is first built. */
const KEY_SQL: Record<StringSortKey, string> = {
  inventory: 'select id, inventory_key from artworks',
  title: 'select id, title from artworks',
  // Ordered so the first row per work is its first-listed artist.
  artist: `select aa.artwork_id, ar.sort_name from artwork_artists aa join artists ar on ar.id = aa.artist_id
            order by aa.artwork_id, aa.position desc, aa.artist_id desc`,
};

const code = (list: readonly string[]) => {
  const m = new Map(list.map((v, i) => [v, i + 1]));
  return (v: string | null) => (v == null ? 0 : (m.get(v) ?? 0));
};
export const statusCode = code(SEARCH_STATUSES);
export const typeCode = code(SEARCH_OBJECT_TYPES);
export const acquisitionCode = code(SEARCH_ACQUISITION_METHODS);
export const dayNumber = (isoDate: string) => Math.floor(Date.parse(isoDate.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
export const decadeIndex = (year: number) => Math.min(255, Math.max(1, Math.floor(year / 10) - DECADE_BASE));
export const decadeOfIndex = (idx: number) => (idx + DECADE_BASE) * 10;

type Order = { rank: Int32Array; perm: Int32Array; dirty: Set<number> };

export type Changes = { artworks: boolean; artists: boolean; locations: boolean; ids: number[]; textIds: number[] };

export class SearchColumns {
  /** Array length: every id < cap. */
  cap = 0;
  count = 0;
  present = new Uint8Array(0);
  status = new Uint8Array(0);
  type = new Uint8Array(0);
  grade = new Uint8Array(0);
  acquisition = new Uint8Array(0);
  flags = new Uint8Array(0);
  decade = new Uint8Array(0);
  siteIdx = new Uint16Array(0);
  site = new Int32Array(0);
  location = new Int32Array(0);
  project = new Int32Array(0);
  yearFrom = new Int16Array(0);
  yearTo = new Int16Array(0);
  due = new Int32Array(0);
  /** Day number of the last condition check, NO_CHECK when never checked. */
  lastCheck = new Int32Array(0);
  updated = new Float64Array(0);
  keys: Record<StringSortKey, string[]> = { inventory: [], title: [], artist: [] };
  /** Dense site numbering for facets: siteIds[idx] is the location id of site idx (idx 0 = none). */
  siteIds: number[] = [0];
  private siteIndexOf = new Map<number, number>();
  /** Works per dense site index, built on first use and then kept current by put()/remove(). */
  private members: number[][] | null = null;
  /** Position of each work in its site's member list. */
  private memberAt = new Int32Array(0);
  private orders = new Map<StringSortKey, Order>();
  /** Bumped on every applied change; cursors and caches compare against it. */
  generation = 0;
  lastSeq = 0;

  private readonly one: Database.Statement;
  private readonly all: Database.Statement;
  private readonly maxSeq: Database.Statement;
  private readonly changes: Database.Statement;
  private readonly maxTextSeq: Database.Statement;
  private readonly textChanges: Database.Statement;
  lastTextSeq = 0;

  constructor(private readonly sqlite: Database.Database) {
    this.one = sqlite.prepare(`${ROW_SQL} where a.id = ?`);
    this.all = sqlite.prepare(BULK_SQL);
    this.maxSeq = sqlite.prepare('select coalesce(max(seq), 0) from search_changes').pluck();
    this.changes = sqlite.prepare('select entity, entity_id as id from search_changes where seq > ? order by seq');
    this.maxTextSeq = sqlite.prepare('select coalesce(max(seq), 0) from search_text_changes').pluck();
    this.textChanges = sqlite.prepare('select artwork_id from search_text_changes where seq > ?').pluck();
  }

  /** Reads every work (once, at start); later changes arrive through refresh(). */
  load(): void {
    const seq = this.maxSeq.get() as number;
    this.lastTextSeq = this.maxTextSeq.get() as number;
    const maxId = (this.sqlite.prepare('select coalesce(max(id), 0) from artworks').pluck().get() as number) ?? 0;
    this.allocate(maxId + 1024);
    this.count = 0;
    this.members = null;
    this.orders.clear();
    this.keys = { inventory: [], title: [], artist: [] };
    // A plain table scan; sort keys are read when an order is first needed (see rank()).
    for (const r of this.all.raw().iterate() as IterableIterator<unknown[]>) this.put(rowOf(r));
    for (const id of this.sqlite.prepare("select distinct entity_id from media_links where entity_type = 'artwork' and role = 'primary'").pluck().iterate() as IterableIterator<number>)
      if (id < this.cap) this.flags[id]! |= FLAG_IMAGE;
    this.lastSeq = seq;
    this.generation++;
  }

  /**
   * Applies writes made since the last look (one indexed max() per query when nothing changed).
   * Returns what changed, so callers can drop exactly the cached data that went stale: `ids` are
   * the works written, `textIds` those whose indexed text (number, title, artists, place …) changed.
   */
  refresh(): Changes {
    const out: Changes = { artworks: false, artists: false, locations: false, ids: [], textIds: [] };
    const seq = this.maxSeq.get() as number;
    if (seq === this.lastSeq) return out;
    for (const c of this.changes.iterate(this.lastSeq) as IterableIterator<{ entity: string; id: number }>) {
      if (c.entity === 'artwork') {
        out.artworks = true;
        out.ids.push(c.id);
        const row = this.one.get(c.id) as Row | undefined;
        this.markDirty(c.id, row);
        if (row) this.put(row);
        else this.remove(c.id);
      } else if (c.entity === 'artist') out.artists = true;
      else out.locations = true;
    }
    this.lastSeq = seq;
    if (out.artworks) {
      this.generation++;
      out.textIds = this.textChanges.all(this.lastTextSeq) as number[];
      this.lastTextSeq = this.maxTextSeq.get() as number;
    }
    return out;
  }

  /** A sort order needs re-merging only where a work's key changed (most writes leave keys alone). */
  private markDirty(id: number, row: Row | undefined): void {
    for (const [key, order] of this.orders) {
      const text = row === undefined ? undefined : key === 'inventory' ? row.inventoryKey : key === 'title' ? row.title : row.artistSort;
      if (row === undefined || !this.present[id] || this.keys[key][id] !== sortKey(text)) order.dirty.add(id);
    }
  }

  private allocate(cap: number): void {
    const grow = <T extends Uint8Array | Uint16Array | Int16Array | Int32Array | Float64Array>(a: T, fill?: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      if (fill !== undefined) b.fill(fill);
      b.set(a.subarray(0, Math.min(a.length, cap)));
      return b;
    };
    this.present = grow(this.present);
    this.status = grow(this.status);
    this.type = grow(this.type);
    this.grade = grow(this.grade);
    this.acquisition = grow(this.acquisition);
    this.flags = grow(this.flags);
    this.decade = grow(this.decade);
    this.siteIdx = grow(this.siteIdx);
    this.site = grow(this.site);
    this.location = grow(this.location);
    this.project = grow(this.project);
    this.yearFrom = grow(this.yearFrom, NO_YEAR);
    this.yearTo = grow(this.yearTo, NO_YEAR);
    this.due = grow(this.due, NO_DUE);
    this.lastCheck = grow(this.lastCheck, NO_CHECK);
    this.updated = grow(this.updated);
    for (const order of this.orders.values()) order.rank = grow(order.rank);
    this.cap = cap;
  }

  private put(r: Row): void {
    if (r.id >= this.cap) this.allocate(Math.max(r.id + 1, Math.ceil(this.cap * 1.5)));
    const id = r.id;
    const siteIdx = r.siteId == null ? 0 : this.siteIndex(r.siteId);
    if (this.members) {
      if (this.present[id]) this.leaveSite(id);
      this.joinSite(id, siteIdx);
    }
    if (!this.present[id]) this.count++;
    this.present[id] = 1;
    this.status[id] = statusCode(r.status);
    this.type[id] = typeCode(r.objectType);
    this.grade[id] = r.lastGrade ?? 0;
    this.acquisition[id] = acquisitionCode(r.acquisitionMethod);
    this.flags[id] = (r.hasImage ? FLAG_IMAGE : 0) | (r.isPublic ? FLAG_PUBLIC : 0) | r.gaps;
    this.site[id] = r.siteId ?? 0;
    this.siteIdx[id] = siteIdx;
    this.location[id] = r.locationId ?? 0;
    this.project[id] = r.projectId ?? 0;
    this.yearFrom[id] = r.yearFrom ?? NO_YEAR;
    this.yearTo[id] = r.yearTo ?? r.yearFrom ?? NO_YEAR;
    this.decade[id] = r.yearFrom == null ? 0 : decadeIndex(r.yearFrom);
    this.due[id] = r.nextCheckDue ? dayNumber(r.nextCheckDue) : NO_DUE;
    this.lastCheck[id] = r.lastCheckAt ? dayNumber(r.lastCheckAt) : NO_CHECK;
    this.updated[id] = Date.parse(r.updatedAt) || 0;
    // Keys are kept only for orders already built; the others read them when first needed.
    if (r.title !== undefined) {
      if (this.orders.has('inventory')) this.keys.inventory[id] = sortKey(r.inventoryKey);
      if (this.orders.has('title')) this.keys.title[id] = sortKey(r.title);
      if (this.orders.has('artist')) this.keys.artist[id] = sortKey(r.artistSort);
    }
  }

  private remove(id: number): void {
    if (id >= this.cap || !this.present[id]) return;
    if (this.members) this.leaveSite(id);
    this.present[id] = 0;
    this.count--;
  }

  /**
   * The works at any of these sites (by dense index), ascending, or null when they are more than
   * `max`: a filter by site then reads a few hundred works instead of passing over every one.
   */
  worksAtSites(siteIdx: Iterable<number>, max: number): Int32Array | null {
    if (!this.members) {
      this.members = [];
      if (this.memberAt.length < this.cap) this.memberAt = new Int32Array(this.cap);
      for (let id = 1; id < this.cap; id++) if (this.present[id]) this.joinSite(id, this.siteIdx[id]!);
    }
    const lists: number[][] = [];
    let n = 0;
    for (const idx of siteIdx) {
      const list = this.members[idx];
      if (!list?.length) continue;
      n += list.length;
      if (n > max) return null;
      lists.push(list);
    }
    const out = new Int32Array(n);
    let at = 0;
    for (const list of lists) for (const id of list) out[at++] = id;
    return out.sort();
  }

  private joinSite(id: number, siteIdx: number): void {
    if (id >= this.memberAt.length) {
      const grown = new Int32Array(Math.max(this.cap, id + 1));
      grown.set(this.memberAt);
      this.memberAt = grown;
    }
    const list = (this.members![siteIdx] ??= []);
    this.memberAt[id] = list.length;
    list.push(id);
  }

  private leaveSite(id: number): void {
    const list = this.members![this.siteIdx[id]!];
    if (!list) return;
    const at = this.memberAt[id]!;
    const last = list.pop()!;
    if (last !== id) {
      list[at] = last;
      this.memberAt[last] = at;
    }
  }

  siteIndex(siteId: number): number {
    let idx = this.siteIndexOf.get(siteId);
    if (idx === undefined) {
      idx = this.siteIds.length;
      this.siteIds.push(siteId);
      this.siteIndexOf.set(siteId, idx);
    }
    return idx;
  }

  /** Index of a site in the dense numbering, or -1 when no work has ever been there. */
  knownSiteIndex(siteId: number): number {
    return this.siteIndexOf.get(siteId) ?? -1;
  }

  /**
   * Rank of each work in the order of a string key (ties by id). Built once (n log n); after writes
   * the changed works are taken out and merged back in (linear), not re-sorted from scratch.
   */
  /** The ids in this key's order (after rank() has brought it up to date). */
  perm(key: StringSortKey): Int32Array {
    this.rank(key);
    return this.orders.get(key)!.perm;
  }

  rank(key: StringSortKey): Int32Array {
    const keys = this.keys[key];
    const cmp = (a: number, b: number) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    };
    let order = this.orders.get(key);
    if (!order) {
      keys.length = 0;
      // Later rows win, so the artist query lists each work's first artist last.
      for (const [id, text] of this.sqlite.prepare(KEY_SQL[key]).raw().iterate() as IterableIterator<[number, string | null]>) keys[id] = sortKey(text);
      for (let id = 0; id < this.cap; id++) if (this.present[id] && keys[id] === undefined) keys[id] = sortKey(null);
      const ids = new Int32Array(this.count);
      let n = 0;
      for (let id = 0; id < this.cap; id++) if (this.present[id]) ids[n++] = id;
      const perm = ids.subarray(0, n).sort(cmp);
      order = { perm: Int32Array.from(perm), rank: new Int32Array(this.cap), dirty: new Set() };
      for (let i = 0; i < order.perm.length; i++) order.rank[order.perm[i]!] = i;
      this.orders.set(key, order);
      return order.rank;
    }
    if (order.rank.length < this.cap) {
      const r = new Int32Array(this.cap);
      r.set(order.rank);
      order.rank = r;
    }
    if (order.dirty.size) {
      const dirty = order.dirty;
      const changed = Int32Array.from([...dirty].filter((id) => id < this.cap && this.present[id])).sort(cmp);
      const perm = new Int32Array(this.count);
      let n = 0;
      let j = 0;
      for (let i = 0; i < order.perm.length; i++) {
        const id = order.perm[i]!;
        if (dirty.has(id) || !this.present[id]) continue;
        while (j < changed.length && cmp(changed[j]!, id) < 0) perm[n++] = changed[j++]!;
        perm[n++] = id;
      }
      while (j < changed.length) perm[n++] = changed[j++]!;
      order.perm = perm.subarray(0, n);
      for (let i = 0; i < n; i++) order.rank[order.perm[i]!] = i;
      order.dirty = new Set();
    }
    return order.rank;
  }
}
