// One pass over the candidate works: apply the filters from the typed columns, count the total and
// the facets, and keep only the k best by sort key in a bounded heap (never sorting the whole set).
import { FLAG_IMAGE, FLAG_PUBLIC, NO_DUE, NO_YEAR, type SearchColumns } from './search.columns.js';

/** Compiled filters: a null field does not filter. Masks are indexed by the column's code. */
export type CompiledFilter = {
  status: Uint8Array | null;
  type: Uint8Array | null;
  /** By dense site index (also carries a site-limited user's sites). */
  site: Uint8Array | null;
  /** By location id: 1 for every location in the selected subtrees. */
  location: Uint8Array | null;
  grade: Uint8Array | null;
  decade: Uint8Array | null;
  acquisition: Uint8Array | null;
  project: Set<number> | null;
  yearFrom: number | null;
  yearTo: number | null;
  /** Check due: any of these day ranges [from, to] (inclusive); NO_DUE matches "never". */
  due: [number, number][] | null;
  flagsMask: number;
  flagsValue: number;
  /** `incomplete`: matches when any bit of (flags ^ gapsXor) & gapsMask is set (0 = no filter). */
  gapsMask: number;
  gapsXor: number;
  /** Last check day in [from, to] (inclusive); NO_CHECK (never) is below every from. */
  checkedFrom: number | null;
  checkedTo: number | null;
  /** Works with an open conservation need of the selected priorities. */
  need: Uint8Array | null;
  /** Works of the selected artists, as a membership mask over ids. */
  only: Uint8Array | null;
};

export type Source =
  | { kind: 'all' }
  /** Sorted ids; `primaryAt` may read per-position data (relevance scores). */
  | { kind: 'list'; ids: Int32Array };

export type ScanOptions = {
  /** Sort key of a candidate (smaller first); ties by id. */
  primary: (id: number, pos: number) => number;
  /** Keyset cursor: only candidates strictly after (p, id). */
  after: { p: number; id: number } | null;
  k: number;
  facets: boolean;
  /** When set, every match id is collected (for exports, batch edits, the map). */
  collect?: boolean;
};

export type FacetCounts = { status: Int32Array; type: Int32Array; site: Int32Array; grade: Int32Array; decade: Int32Array };
export type ScanResult = { total: number; top: { id: number; p: number }[]; facets: FacetCounts | null; all: Int32Array | null };

export function matches(c: SearchColumns, f: CompiledFilter, id: number): boolean {
  if (c.present[id] === 0) return false;
  if (f.status !== null && f.status[c.status[id]!] === 0) return false;
  if (f.type !== null && f.type[c.type[id]!] === 0) return false;
  if (f.site !== null && f.site[c.siteIdx[id]!] !== 1) return false;
  if (f.location !== null && f.location[c.location[id]!] !== 1) return false;
  if (f.grade !== null && f.grade[c.grade[id]!] === 0) return false;
  if (f.decade !== null && f.decade[c.decade[id]!] === 0) return false;
  if (f.acquisition !== null && f.acquisition[c.acquisition[id]!] === 0) return false;
  if ((c.flags[id]! & f.flagsMask) !== f.flagsValue) return false;
  if (f.only !== null && f.only[id] !== 1) return false;
  if (f.need !== null && f.need[id] !== 1) return false;
  if (f.gapsMask !== 0 && ((c.flags[id]! ^ f.gapsXor) & f.gapsMask) === 0) return false;
  if (f.checkedFrom !== null && c.lastCheck[id]! < f.checkedFrom) return false;
  if (f.checkedTo !== null && c.lastCheck[id]! > f.checkedTo) return false;
  if (f.project !== null && !f.project.has(c.project[id]!)) return false;
  if (f.yearFrom !== null || f.yearTo !== null) {
    const from = c.yearFrom[id]!;
    if (from === NO_YEAR) return false;
    if (f.yearTo !== null && from > f.yearTo) return false;
    if (f.yearFrom !== null && c.yearTo[id]! < f.yearFrom) return false;
  }
  if (f.due !== null) {
    const d = c.due[id]!;
    let ok = false;
    for (const [lo, hi] of f.due) if (d >= lo && d <= hi) ok = true;
    if (!ok) return false;
  }
  return true;
}

export function scan(c: SearchColumns, f: CompiledFilter, source: Source, o: ScanOptions): ScanResult {
  const facets: FacetCounts | null = o.facets
    ? { status: new Int32Array(16), type: new Int32Array(32), site: new Int32Array(c.siteIds.length + 1), grade: new Int32Array(8), decade: new Int32Array(256) }
    : null;
  const heap = new TopK(o.k);
  const after = o.after;
  const collected: number[] | null = o.collect ? [] : null;
  const primary = o.primary;
  const k = o.k;
  // Hoisted once: the loop below runs up to 600,000 times per request.
  const unfiltered = isEmpty(f);
  const { status, type, siteIdx, grade, decade } = c;
  const list = source.kind === 'list' ? source.ids : null;
  const n = list ? list.length : c.cap;
  let total = 0;
  for (let pos = list ? 0 : 1; pos < n; pos++) {
    const id = list ? list[pos]! : pos;
    if (unfiltered ? c.present[id] === 0 : !matches(c, f, id)) continue;
    total++;
    if (collected !== null) collected.push(id);
    if (facets !== null) {
      facets.status[status[id]!]!++;
      facets.type[type[id]!]!++;
      facets.site[siteIdx[id]!]!++;
      facets.grade[grade[id]!]!++;
      facets.decade[decade[id]!]!++;
    }
    if (k === 0) continue;
    const p = primary(id, pos);
    if (after !== null && (p < after.p || (p === after.p && id <= after.id))) continue;
    heap.offer(p, id);
  }
  return { total, top: heap.sorted(), facets, all: collected ? Int32Array.from(collected) : null };
}

export function isEmpty(f: CompiledFilter): boolean {
  return (
    f.status === null && f.type === null && f.site === null && f.location === null && f.grade === null && f.decade === null && f.acquisition === null &&
    f.project === null && f.yearFrom === null && f.yearTo === null && f.due === null && f.flagsMask === 0 && f.only === null &&
    f.need === null && f.gapsMask === 0 && f.checkedFrom === null && f.checkedTo === null
  );
}

/** A max-heap of the k smallest (p, id) pairs seen. */
class TopK {
  private p: Float64Array;
  private id: Int32Array;
  private n = 0;
  constructor(private readonly k: number) {
    this.p = new Float64Array(k);
    this.id = new Int32Array(k);
  }
  private greater(i: number, j: number) {
    const a = this.p[i]!;
    const b = this.p[j]!;
    return a > b || (a === b && this.id[i]! > this.id[j]!);
  }
  private swap(i: number, j: number) {
    const tp = this.p[i]!;
    this.p[i] = this.p[j]!;
    this.p[j] = tp;
    const ti = this.id[i]!;
    this.id[i] = this.id[j]!;
    this.id[j] = ti;
  }
  offer(p: number, id: number): void {
    if (this.k === 0) return;
    if (this.n < this.k) {
      let i = this.n++;
      this.p[i] = p;
      this.id[i] = id;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.greater(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const top = this.p[0]!;
    if (p > top || (p === top && id > this.id[0]!)) return;
    this.p[0] = p;
    this.id[0] = id;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.n && this.greater(l, m)) m = l;
      if (r < this.n && this.greater(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
  sorted(): { id: number; p: number }[] {
    const out: { id: number; p: number }[] = [];
    for (let i = 0; i < this.n; i++) out.push({ id: this.id[i]!, p: this.p[i]! });
    return out.sort((a, b) => a.p - b.p || a.id - b.id);
  }
}

export { NO_DUE };
