// Fast paths for the most common searches: the whole collection (or a filtered part of it) in an
// indexed order, or a broad text match ranked "matched in title/artist first, then by title".
// Instead of offering every candidate to a heap, walk the precomputed sort order from the cursor
// and stop after k hits (O(k / density)), and count facets once per match set until the data changes.
import type { FacetCounts, Matcher } from './search.scan.js';
import type { SearchEngine } from './search.engine.js';
import type { SortName } from './search.schema.js';
import type { TextMatch } from './search.text.js';

type Memo = { generation: number; map: Map<string, unknown> };
const memos = new WeakMap<SearchEngine, Map<string, Memo>>();
const MEMO_MAX = 48;

export type MemoOptions = {
  /** Forget on any write (`data`: counts over the columns), or only when indexed text changes (`text`). */
  on?: 'data' | 'text';
  /** A separate LRU of its own size (e.g. suggest's many small answers apart from big masks). */
  slot?: string;
  max?: number;
};

/** A per-engine LRU that forgets everything when the data (or the indexed text) changes. */
export function memo<T>(e: SearchEngine, key: string, compute: () => T, opts: MemoOptions = {}): T {
  const on = opts.on ?? 'data';
  const name = `${on}|${opts.slot ?? ''}`;
  let slots = memos.get(e);
  if (!slots) memos.set(e, (slots = new Map()));
  const generation = on === 'data' ? e.cols.generation : e.textGeneration;
  let m = slots.get(name);
  if (!m || m.generation !== generation) slots.set(name, (m = { generation, map: new Map() }));
  if (m.map.has(key)) {
    const v = m.map.get(key) as T;
    m.map.delete(key);
    m.map.set(key, v);
    return v;
  }
  const v = compute();
  m.map.set(key, v);
  if (m.map.size > (opts.max ?? MEMO_MAX)) m.map.delete(m.map.keys().next().value!);
  return v;
}

export type FastInput = {
  e: SearchEngine;
  sort: SortName;
  text: TextMatch | null;
  textKey: string | null;
  exactId: number;
  after: { p: number; id: number } | null;
  k: number;
  /** A filter on the walk through a sort order (then `total` is the filtered count, counted apart). */
  test?: Matcher | null;
  total?: number;
};

/** Sort key of the exact inventory-number hit (must equal the service's). */
export const FIRST = -1e300;

/** Top k and total of an unfiltered search, or null when no fast path applies. */
export function fastTop(x: FastInput): { total: number; top: { id: number; p: number }[] } | null {
  const c = x.e.cols;
  if (!x.text && !x.exactId && (x.sort === 'inventory' || x.sort === 'title' || x.sort === '-inventory' || x.sort === '-title')) {
    const key = x.sort.replace('-', '') as 'inventory' | 'title';
    const perm = c.perm(key);
    const desc = x.sort.startsWith('-');
    const n = perm.length;
    const top: { id: number; p: number }[] = [];
    // p = ±rank, and rank = position in perm.
    let pos = 0;
    if (x.after) pos = desc ? n - 1 + x.after.p + 1 : x.after.p + 1;
    if (x.after && x.after.p === FIRST) pos = 0;
    const test = x.test ?? null;
    for (; pos < n && top.length < x.k; pos++) {
      const rank = desc ? n - 1 - pos : pos;
      const id = perm[rank]!;
      if (id === x.exactId || (test !== null && !test(id))) continue;
      top.push({ id, p: desc ? -rank : rank });
    }
    return { total: x.total ?? c.count, top };
  }
  if (x.text && x.text.high && x.sort === 'relevance' && x.textKey) {
    const text = x.text;
    const cap = c.cap;
    // Membership and "matched in title/artist/inventory" as masks over ids, built once per match set,
    // with the size of each tier, so a walk stops once it has passed every member of its tier.
    const { masks, tierSize } = memo(
      x.e,
      `masks|${x.textKey}|${x.exactId}|${cap}`,
      () => {
        const member = new Uint8Array(cap);
        const size = [0, 0];
        for (let i = 0; i < text.ids.length; i++) {
          const high = text.high![i] ? 1 : 0;
          member[text.ids[i]!] = high ? 2 : 1;
          size[1 - high]!++;
        }
        return { masks: member, tierSize: size };
      },
      { on: 'text' },
    );
    const perm = c.perm('title');
    const top: { id: number; p: number }[] = [];
    if (x.exactId && !x.after && masks[x.exactId]) top.push({ id: x.exactId, p: FIRST });
    let tier = 0;
    let pos = 0;
    if (x.after && x.after.p !== FIRST) {
      tier = x.after.p >= cap ? 1 : 0;
      pos = x.after.p - tier * cap + 1;
    }
    for (; tier < 2 && top.length < x.k; tier++, pos = 0) {
      const want = tier === 0 ? 2 : 1;
      // Members of this tier not yet passed (unknown when continuing mid-tier from a cursor).
      let left = pos === 0 ? tierSize[tier]! : Infinity;
      for (; pos < perm.length && top.length < x.k && left > 0; pos++) {
        const id = perm[pos]!;
        if (masks[id] !== want) continue;
        left--;
        if (id === x.exactId) continue;
        top.push({ id, p: tier * cap + pos });
      }
    }
    return { total: text.ids.length, top };
  }
  return null;
}

/** Facet counts of an unfiltered search, computed once per match set (and data generation). */
export function memoFacets(e: SearchEngine, sourceKey: string, compute: () => FacetCounts): FacetCounts {
  return memo(e, `facets|${sourceKey}`, compute);
}
