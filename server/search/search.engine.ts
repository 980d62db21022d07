// One search engine per app (per deps): the column store, the text-match cache and the prepared
// queries. Built once (at 'started' or on the first search), then kept current from the change log.
import type { Deps } from '../deps.js';
import { SearchColumns } from './search.columns.js';
import { forgetItems } from './search.items.js';
import { searchQueries, type SearchQueries } from './search.queries.js';
import { TextMatcher } from './search.text.js';
import { isWarming, scheduleWarm } from './search.warm.js';

export type SearchEngine = {
  cols: SearchColumns;
  text: TextMatcher;
  q: SearchQueries;
  siteNames: Map<number, string>;
  /** Bumped when artists or locations change (the suggest lists reload on it). */
  namesVersion: number;
  /** Bumped when any work's indexed text changes: cached text matches and snippets are stale then. */
  textGeneration: number;
  loaded: boolean;
};

const engines = new WeakMap<Deps, SearchEngine>();

function create(deps: Deps): SearchEngine {
  const sqlite = deps.db.$client;
  const q = searchQueries(sqlite);
  const cols = new SearchColumns(sqlite);
  const engine: SearchEngine = { cols, text: new TextMatcher(q, () => cols.count), q, siteNames: new Map(), namesVersion: 0, textGeneration: 0, loaded: false };
  engines.set(deps, engine);
  return engine;
}

/** Registers the engine's start-up build; call once when mounting the routes. */
export function installSearchEngine(deps: Deps): void {
  if (engines.has(deps)) return;
  create(deps);
  // Build before traffic arrives instead of on the first user's request.
  deps.events.on('started', () => {
    const t0 = performance.now();
    const e = searchEngine(deps);
    // Sort orders take seconds to build at 600,000 works: do it now, not in a user's first request.
    e.cols.rank('inventory');
    e.cols.rank('title');
    e.cols.rank('artist');
    deps.log.info({ works: e.cols.count, ms: Math.round(performance.now() - t0) }, 'search index ready');
    scheduleWarm(deps, e);
  });
}

/** The engine, built if needed and brought up to date with every write since the last call. */
export function searchEngine(deps: Deps): SearchEngine {
  const e = engines.get(deps) ?? create(deps);
  if (!e.loaded) {
    e.cols.load();
    loadSites(e);
    e.loaded = true;
    return e;
  }
  const changed = e.cols.refresh();
  if (changed.ids.length) forgetItems(e, changed.ids);
  // Most writes (a check, a status, a due date) leave the text alone and keep the cached matches.
  // Renames re-index works through triggers without logging each work, so they drop them too.
  if (changed.textIds.length || changed.artists || changed.locations) {
    e.text.clear();
    e.textGeneration++;
    scheduleWarm(deps, e, 1000);
  }
  if (changed.locations) loadSites(e);
  if (changed.artists || changed.locations) e.namesVersion++;
  return e;
}

function loadSites(e: SearchEngine): void {
  e.siteNames = new Map(e.q.sites().map((s) => [s.id, s.name]));
  for (const id of e.siteNames.keys()) e.cols.siteIndex(id);
}

/** True while short-prefix match sets are still being computed in the background. */
export function searchWarming(deps: Deps): boolean {
  const e = engines.get(deps);
  return !!e && isWarming(e);
}
