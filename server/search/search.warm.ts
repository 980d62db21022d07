// Keeps heavy work off the request path: one- and two-letter prefixes ("s", "st") match most of
// the collection and cost 10–100 ms to resolve, so their match sets are computed ahead of time in
// the background (one prefix per event-loop turn, so requests interleave), broadest first.
import type { Deps } from '../deps.js';
import { parseUserQuery } from './fts-query.js';
import type { SearchEngine } from './search.engine.js';

/**
 * Budget for pinned match sets, in ids (~5 bytes each): at least this many, or this many per work
 * (60,000 works need ~3 M for every one- and two-letter prefix). Narrower prefixes are cheap on demand.
 */
const PINNED_MAX_IDS = 8_000_000;
const PINNED_IDS_PER_WORK = 60;
const warming = new WeakSet<SearchEngine>();

/** True while a warm-up is scheduled or running (the benchmark waits for it). */
export const isWarming = (e: SearchEngine) => warming.has(e);

export function scheduleWarm(deps: Deps, e: SearchEngine, delayMs = 0): void {
  if (warming.has(e)) return;
  warming.add(e);
  const timer = setTimeout(() => {
    const sqlite = deps.db.$client;
    if (!sqlite.open) return void warming.delete(e);
    let prefixes: string[];
    try {
      sqlite.exec("create virtual table if not exists temp.artworks_fts_vocab using fts5vocab(main, 'artworks_fts', 'row')");
      const terms = sqlite.prepare('select term, doc from temp.artworks_fts_vocab').raw().all() as [string, number][];
      const weight = new Map<string, number>();
      for (const [term, doc] of terms) {
        const chars = [...term];
        for (const n of [1, 2]) if (chars.length >= n) {
          const p = chars.slice(0, n).join('');
          weight.set(p, (weight.get(p) ?? 0) + doc);
        }
      }
      prefixes = [...weight.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
    } catch (err) {
      deps.log.warn({ err }, 'search warm-up skipped');
      warming.delete(e);
      return;
    }
    // Only changed text makes match sets stale (a check or a status change does not).
    const generation = e.textGeneration;
    const pinnedMax = Math.max(PINNED_MAX_IDS, PINNED_IDS_PER_WORK * e.cols.count);
    let held = 0;
    let i = 0;
    const step = () => {
      // Text changed meanwhile: the match sets were dropped; start over later.
      if (e.textGeneration !== generation || i >= prefixes.length || held >= pinnedMax) {
        warming.delete(e);
        deps.log.info({ prefixes: i, of: prefixes.length, ids: held }, 'search warm-up done');
        if (e.textGeneration !== generation) scheduleWarm(deps, e, 1000);
        return;
      }
      try {
        const n = e.text.warm(parseUserQuery(prefixes[i++]!));
        if (n > 0) held += n;
      } catch {
        // The database was closed (shutdown, end of a test): nothing left to warm.
        warming.delete(e);
        return;
      }
      setImmediate(step);
    };
    step();
  }, delayMs);
  timer.unref();
}
