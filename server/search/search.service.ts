// Artwork search: free text + filters + facets + keyset paging, over the in-memory columns and the
// cached FTS match sets. The SQL database is touched only for the text match (cached), the ids of
// the selected artists/locations, and the one page of items that is returned.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { badRequest, validationError } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import { inventoryKey } from '../artworks/inventory.js';
import { parseUserQuery, toFtsMatch, type ParsedQuery } from './fts-query.js';
import {
  acquisitionCode, dayNumber, decadeIndex, decadeOfIndex, NO_CHECK, NO_DUE, NO_YEAR, statusCode, typeCode, FLAG_IMAGE, FLAG_PUBLIC,
  FLAG_IMPRECISE_LOCATION, FLAG_NO_ACQUISITION, FLAG_NO_DIMENSIONS, FLAG_OWNERSHIP_UNCLEAR,
} from './search.columns.js';
import { searchEngine, type SearchEngine } from './search.engine.js';
import { renderItems } from './search.items.js';
import { compileMatcher, isEmpty, scan, type CompiledFilter, type FacetCounts, type Source } from './search.scan.js';
import { fastTop, FIRST, memoFacets } from './search.fast.js';
import { FACETS, SEARCH_OBJECT_TYPES, SEARCH_STATUSES, type ArtworkSearchParams, type FacetName, type SearchFacets, type SearchFilters, type SearchResponse, type SortName } from './search.schema.js';
import type { TextMatch } from './search.text.js';

/** Sorts with a precomputed order that a filtered page can walk (see fastTop). */
const ORDER_SORTS = new Set<SortName>(['inventory', '-inventory', 'title', '-title']);

const GAP_FLAGS = { dimensions: FLAG_NO_DIMENSIONS, acquisition: FLAG_NO_ACQUISITION, location: FLAG_IMPRECISE_LOCATION, ownership: FLAG_OWNERSHIP_UNCLEAR } as const;

const CursorSchema = z.strictObject({ h: z.string(), p: z.number(), i: z.number().int(), g: z.number().int() });

type Prepared = {
  e: SearchEngine;
  parsed: ParsedQuery | null;
  filter: CompiledFilter;
  source: Source;
  sort: SortName;
  primary: (id: number, pos: number) => number;
  /** Position of an id in the source (for relevance scores), or -1. */
  positionOf: (id: number) => number;
  text: TextMatch | null;
  /** The FTS expression of the text part, or null. */
  textKey: string | null;
  exactId: number;
};

export function searchArtworks(deps: Deps, params: ArtworkSearchParams, user: AuthUser): SearchResponse {
  const pr = prepare(deps, params, user);
  const hash = paramsHash(params, pr.sort, user);
  let after: { p: number; id: number } | null = null;
  if (params.cursor) {
    const c = deps.cursors.decode(params.cursor, CursorSchema);
    if (c.h !== hash) throw badRequest('search.stale_cursor', 'The cursor belongs to another search; start from the first page.', [{ path: 'cursor', message: 'Cursor does not match these search parameters' }]);
    after = { p: c.p, id: c.i };
    // After writes the ranks may have shifted: continue from where the last shown work is now.
    if (c.g !== pr.e.cols.generation) {
      const pos = pr.positionOf(c.i);
      if (pos >= 0 && pr.e.cols.present[c.i]) after.p = pr.primary(c.i, pos);
    }
  }
  const limit = params.limit;
  const wantFacets = !!params.facets?.length;
  const unfiltered = isEmpty(pr.filter);
  const fast = unfiltered ? fastTop({ e: pr.e, sort: pr.sort, text: pr.text, textKey: pr.textKey, exactId: pr.exactId, after, k: limit + 1 }) : null;
  let res: { total: number; top: { id: number; p: number }[]; facets: FacetCounts | null };
  if (!fast && !pr.text && pr.source.kind === 'all' && ORDER_SORTS.has(pr.sort)) {
    // Filters only, in an indexed order: count in one tight pass, then walk the order for the page.
    const counted = scan(pr.e.cols, pr.filter, pr.source, { primary: pr.primary, after: null, k: 0, facets: wantFacets });
    const test = compileMatcher(pr.e.cols, pr.filter);
    const walked = fastTop({ e: pr.e, sort: pr.sort, text: null, textKey: null, exactId: 0, after, k: limit + 1, test, total: counted.total })!;
    res = { ...walked, facets: counted.facets };
  } else if (fast) {
    const facets = wantFacets
      ? memoFacets(pr.e, `${pr.textKey ?? 'all'}|${pr.exactId}`, () => scan(pr.e.cols, pr.filter, pr.source, { primary: pr.primary, after: null, k: 0, facets: true }).facets!)
      : null;
    res = { ...fast, facets };
  } else res = scan(pr.e.cols, pr.filter, pr.source, { primary: pr.primary, after, k: limit + 1, facets: wantFacets });
  const page = res.top.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = res.top.length > limit && last ? deps.cursors.encode({ h: hash, p: last.p, i: last.id, g: pr.e.cols.generation }) : null;
  const out: SearchResponse = { items: renderItems(pr.e, page.map((t) => t.id), pr.parsed), nextCursor, total: res.total };
  if (params.facets?.length && res.facets) out.facets = facetsOut(pr.e, res.facets, params.facets);
  return out;
}

/** The total (and facets) of a search without rendering a page: the dashboard's figures. */
export function countArtworks(deps: Deps, params: SearchFilters, user: AuthUser, facets: readonly FacetName[] = []): { total: number; facets: SearchFacets } {
  const pr = prepare(deps, { ...params, sort: 'changed' }, user);
  const res = scan(pr.e.cols, pr.filter, pr.source, { primary: pr.primary, after: null, k: 0, facets: facets.length > 0 });
  return { total: res.total, facets: res.facets ? facetsOut(pr.e, res.facets, facets) : {} };
}

/**
 * Every matching id (batch edit, export, map), in the search's order unless `ordered: false`
 * (then ascending id, which is cheaper for callers that do not care).
 */
export function searchArtworkIds(deps: Deps, params: SearchFilters & { sort?: SortName }, user: AuthUser, opts: { ordered?: boolean } = {}): number[] {
  const pr = prepare(deps, params, user);
  const res = scan(pr.e.cols, pr.filter, pr.source, { primary: pr.primary, after: null, k: 0, facets: false, collect: true });
  const ids = res.all!;
  if (opts.ordered === false) return Array.from(ids).sort((a, b) => a - b);
  const keyed = Array.from(ids, (id) => ({ id, p: pr.primary(id, pr.positionOf(id)) }));
  keyed.sort((a, b) => a.p - b.p || a.id - b.id);
  return keyed.map((k) => k.id);
}

function prepare(deps: Deps, params: SearchFilters & { sort?: SortName }, user: AuthUser): Prepared {
  const e = searchEngine(deps);
  const parsed = params.q ? parseUserQuery(params.q) : null;
  const hasText = !!parsed?.clauses.length;
  let text: TextMatch | null = hasText ? e.text.match(parsed!) : null;
  const exactKey = params.q ? inventoryKey(params.q) : '';
  const exactId = exactKey ? (e.q.byInventoryKey(exactKey) ?? 0) : 0;
  if (text && exactId && indexOf(text.ids, exactId) < 0) text = withId(text, exactId);

  const filter = compileFilter(deps, e, params, user);
  let source: Source = { kind: 'all' };
  if (text) source = { kind: 'list', ids: text.ids };
  else if (filter.only) source = { kind: 'list', ids: Int32Array.from(e.q.artistWorks(params.artist!)).sort() };
  else if (filter.site) {
    // A few sites hold a few hundred works each: read those instead of passing over the collection.
    const selected: number[] = [];
    filter.site.forEach((on, idx) => on && selected.push(idx));
    const ids = e.cols.worksAtSites(selected, e.cols.cap >> 4);
    if (ids) source = { kind: 'list', ids };
  }

  let sort: SortName = params.sort ?? (hasText ? 'relevance' : 'inventory');
  if (sort === 'relevance' && !text) sort = 'inventory';
  const base = sortPrimary(e, sort, text);
  const primary = exactId ? (id: number, pos: number) => (id === exactId ? FIRST : base(id, pos)) : base;
  const positionOf = (id: number) => (source.kind === 'list' ? indexOf(source.ids, id) : id);
  return { e, parsed, filter, source, sort, primary, positionOf, text, textKey: hasText ? toFtsMatch(parsed!) : null, exactId };
}

function sortPrimary(e: SearchEngine, sort: SortName, text: TextMatch | null): (id: number, pos: number) => number {
  const c = e.cols;
  const cap = c.cap;
  if (sort === 'relevance') {
    const title = c.rank('title');
    if (text!.score) {
      const score = text!.score;
      return (_id, pos) => score[pos]!;
    }
    const high = text!.high!;
    return (id, pos) => (high[pos] ? 0 : cap) + title[id]!;
  }
  const desc = sort.startsWith('-');
  const sign = desc ? -1 : 1;
  switch (sort.replace('-', '')) {
    case 'inventory': {
      const r = c.rank('inventory');
      return (id) => sign * r[id]!;
    }
    case 'title': {
      const r = c.rank('title');
      return (id) => sign * r[id]!;
    }
    case 'artist': {
      const a = c.rank('artist');
      const t = c.rank('title');
      return (id) => sign * a[id]! * cap + t[id]!;
    }
    case 'year': {
      const t = c.rank('title');
      const y = c.yearFrom;
      // Undated works last in both directions.
      return (id) => (y[id] === NO_YEAR ? 100_000 : sign * y[id]!) * cap + t[id]!;
    }
    default: {
      const u = c.updated;
      return (id) => sign * u[id]!;
    }
  }
}

function compileFilter(deps: Deps, e: SearchEngine, p: SearchFilters, user: AuthUser): CompiledFilter {
  const c = e.cols;
  const mask = <T>(values: T[] | undefined, size: number, codeOf: (v: T) => number) => {
    if (!values?.length) return null;
    const m = new Uint8Array(size);
    for (const v of values) m[codeOf(v)] = 1;
    return m;
  };
  const unknown = (path: string, ids: number[], known: Set<number> | Map<number, unknown>) => {
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw validationError([{ path, message: `Unknown ${path}: ${missing.join(', ')}` }], `Unknown ${path} in the filter.`);
  };

  let site: Uint8Array | null = null;
  if (p.site?.length || user.siteIds) {
    if (p.site) unknown('site', p.site, e.siteNames);
    const allowed = user.siteIds ? new Set(user.siteIds) : null;
    site = new Uint8Array(c.siteIds.length + 1);
    for (const id of p.site ?? user.siteIds ?? []) {
      const idx = c.knownSiteIndex(id);
      if (idx < 0 || (allowed && !allowed.has(id))) continue;
      site[idx] = 1;
    }
  }
  let location: Uint8Array | null = null;
  if (p.location?.length) {
    unknown('location', p.location, e.q.existingLocations(p.location));
    location = new Uint8Array(e.q.maxLocationId() + 1);
    for (const id of e.q.subtreeIds(p.location)) location[id] = 1;
  }
  let only: Uint8Array | null = null;
  if (p.artist?.length) {
    unknown('artist', p.artist, e.q.existingArtists(p.artist));
    only = new Uint8Array(c.cap);
    for (const id of e.q.artistWorks(p.artist)) if (id < c.cap) only[id] = 1;
  }
  let due: [number, number][] | null = null;
  if (p.due?.length) {
    const today = dayNumber(deps.clock.now().toISOString());
    const ranges = { overdue: [-(2 ** 31), today - 1], due30: [today, today + 30], due90: [today, today + 90], never: [NO_DUE, NO_DUE] } as const;
    due = p.due.map((d) => [...ranges[d]] as [number, number]);
  }
  let flagsMask = 0;
  let flagsValue = 0;
  if (p.hasImage !== undefined) {
    flagsMask |= FLAG_IMAGE;
    if (p.hasImage) flagsValue |= FLAG_IMAGE;
  }
  if (p.public !== undefined) {
    flagsMask |= FLAG_PUBLIC;
    if (p.public) flagsValue |= FLAG_PUBLIC;
  }
  let gapsMask = 0;
  let gapsXor = 0;
  for (const gap of p.incomplete ?? []) {
    if (gap === 'image') (gapsMask |= FLAG_IMAGE), (gapsXor |= FLAG_IMAGE);
    else gapsMask |= GAP_FLAGS[gap];
  }
  let checkedFrom: number | null = null;
  let checkedTo: number | null = null;
  if (p.checkedSince) checkedFrom = dayNumber(p.checkedSince);
  if (p.notCheckedSince) checkedTo = Math.max(NO_CHECK, dayNumber(p.notCheckedSince) - 1);
  let need: Uint8Array | null = null;
  if (p.need?.length) {
    need = new Uint8Array(c.cap);
    for (const id of e.q.openNeedWorks(p.need)) if (id < c.cap) need[id] = 1;
  }
  return {
    status: mask(p.status, 16, statusCode),
    type: mask(p.type, 32, typeCode),
    site,
    location,
    grade: mask(p.grade, 8, (g) => (g === 'none' ? 0 : g)),
    decade: mask(p.decade, 256, decadeIndex),
    acquisition: mask(p.acquisition, 16, acquisitionCode),
    project: p.project?.length ? new Set(p.project) : null,
    yearFrom: p.yearFrom ?? null,
    yearTo: p.yearTo ?? null,
    due,
    flagsMask,
    flagsValue,
    only,
    gapsMask,
    gapsXor,
    checkedFrom,
    checkedTo,
    need,
  };
}

function facetsOut(e: SearchEngine, f: FacetCounts, wanted: readonly string[]): SearchFacets {
  const out: SearchFacets = {};
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  for (const name of FACETS) {
    if (!wanted.includes(name)) continue;
    if (name === 'status') out.status = SEARCH_STATUSES.map((v, i) => ({ value: v, count: f.status[i + 1]! })).filter((b) => b.count).sort(byCount);
    if (name === 'type') out.type = SEARCH_OBJECT_TYPES.map((v, i) => ({ value: v, count: f.type[i + 1]! })).filter((b) => b.count).sort(byCount);
    if (name === 'grade') out.grade = [1, 2, 3, 4, 0].map((g) => ({ value: g || null, count: f.grade[g]! })).filter((b) => b.count);
    if (name === 'decade') {
      const buckets = [];
      for (let i = 1; i < 256; i++) if (f.decade[i]) buckets.push({ value: decadeOfIndex(i), count: f.decade[i]! });
      if (f.decade[0]) buckets.push({ value: null, count: f.decade[0]! });
      out.decade = buckets;
    }
    if (name === 'site') {
      const buckets = [];
      for (let i = 1; i < f.site.length; i++) {
        if (!f.site[i]) continue;
        const id = e.cols.siteIds[i]!;
        buckets.push({ value: id, label: e.siteNames.get(id) ?? String(id), count: f.site[i]! });
      }
      buckets.sort(byCount);
      if (f.site[0]) buckets.push({ value: null, count: f.site[0]! });
      out.site = buckets;
    }
  }
  return out;
}

/** Cursors are bound to the search they came from (text, filters, sort, user's sites). */
function paramsHash(p: ArtworkSearchParams, sort: SortName, user: AuthUser): string {
  const { cursor: _c, limit: _l, facets: _f, ...rest } = p;
  const canonical = JSON.stringify(Object.entries({ ...rest, sort, sites: user.siteIds }).sort(([a], [b]) => (a < b ? -1 : 1)));
  return crypto.createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

function indexOf(sorted: Int32Array, id: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The match set with one id added (the exact inventory hit the text did not match). */
function withId(t: TextMatch, id: number): TextMatch {
  let at = 0;
  while (at < t.ids.length && t.ids[at]! < id) at++;
  const ids = new Int32Array(t.ids.length + 1);
  ids.set(t.ids.subarray(0, at));
  ids[at] = id;
  ids.set(t.ids.subarray(at), at + 1);
  const splice = <A extends Float64Array | Uint8Array>(a: A | null, v: number): A | null => {
    if (!a) return null;
    const b = new (a.constructor as new (n: number) => A)(a.length + 1);
    b.set(a.subarray(0, at));
    b[at] = v;
    b.set(a.subarray(at), at + 1);
    return b;
  };
  return { ids, score: splice(t.score, 0), high: splice(t.high, 1) };
}
