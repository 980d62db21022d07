// Resolves the text part of a search to the set of matching work ids plus a relevance key, cached
// per FTS expression. Filters, facets and paging then run in memory over that set.
// Ranking: bm25 (title and artists weighted above description) when the match set is small enough
// to score cheaply; for broad matches (a one-letter prefix matches nearly everything) scoring tens of
// thousands of rows to show 50 is the slow path, so those rank "matched in inventory/title/artist"
// first and then alphabetically by title.
import { toFtsMatch, type ParsedQuery } from './fts-query.js';
import type { SearchQueries } from './search.queries.js';

/** Above this many matches, relevance is the cheap two-tier order instead of bm25. */
// bm25 costs ~10 µs a row in FTS5 (measured), so this keeps scoring under ~5 ms.
export const BM25_MAX_MATCHES = 400;
/** Cache budget, in ids held (4–13 bytes each): at least this many, or this many per work. */
const CACHE_MAX_IDS = 6_000_000;
const CACHE_IDS_PER_WORK = 20;
const HIGH_COLUMNS = ['inventory', 'title', 'artists'] as const;

export type TextMatch = {
  /** Matching work ids, ascending. */
  ids: Int32Array;
  /** bm25 per position (negative; smaller is better), or null for broad matches … */
  score: Float64Array | null;
  /** … which carry 1 per position matched in inventory, title or artist names. */
  high: Uint8Array | null;
};

export class TextMatcher {
  private cache = new Map<string, TextMatch>();
  /** Warmed one- and two-letter prefixes: kept until the data changes, outside the LRU. */
  private pinned = new Map<string, TextMatch>();
  private held = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly q: SearchQueries,
    private readonly works: () => number,
  ) {}

  clear(): void {
    this.cache.clear();
    this.pinned.clear();
    this.held = 0;
  }

  /** Computes and pins a match set ahead of time (returns its size, or -1 if already there). */
  warm(parsed: ParsedQuery): number {
    const expr = toFtsMatch(parsed);
    if (expr === null || this.pinned.has(expr)) return -1;
    const m = this.cache.get(expr) ?? this.compute(parsed, expr);
    this.pinned.set(expr, m);
    return m.ids.length;
  }

  match(parsed: ParsedQuery): TextMatch | null {
    const expr = toFtsMatch(parsed);
    if (expr === null) return null;
    const pinned = this.pinned.get(expr);
    if (pinned) {
      this.hits++;
      return pinned;
    }
    const cached = this.cache.get(expr);
    if (cached) {
      this.hits++;
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.cache.delete(expr);
      this.cache.set(expr, cached);
      return cached;
    }
    this.misses++;
    const result = this.compute(parsed, expr);
    this.cache.set(expr, result);
    this.held += result.ids.length;
    const budget = Math.max(CACHE_MAX_IDS, CACHE_IDS_PER_WORK * this.works());
    for (const [key, value] of this.cache) {
      if (this.held <= budget || key === expr) break;
      this.cache.delete(key);
      this.held -= value.ids.length;
    }
    return result;
  }

  private compute(parsed: ParsedQuery, expr: string): TextMatch {
    const ids = this.q.matchIds(expr);
    if (ids.length <= BM25_MAX_MATCHES) {
      const rows = this.q.matchScores(expr);
      const score = new Float64Array(ids.length);
      // Both queries return rowid order; align defensively anyway.
      let j = 0;
      for (const [rowid, s] of rows) {
        while (j < ids.length && ids[j]! < rowid) j++;
        if (ids[j] === rowid) score[j] = s;
      }
      return { ids, score, high: null };
    }
    const highIds = this.q.matchIds(toFtsMatch(parsed, HIGH_COLUMNS)!);
    const high = new Uint8Array(ids.length);
    let j = 0;
    for (let i = 0; i < highIds.length; i++) {
      const id = highIds[i]!;
      while (j < ids.length && ids[j]! < id) j++;
      if (ids[j] === id) high[j] = 1;
    }
    return { ids, score: null, high };
  }
}
