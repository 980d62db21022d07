// The one page of results: its rows (one prepared query, ~15 µs a row with the location path,
// artists and thumbnail joins) and snippets when searching text. Rendered rows are kept until the
// works change, since the same works are shown again and again (first pages, popular prefixes).
import type { ParsedQuery } from './fts-query.js';
import type { SearchEngine } from './search.engine.js';
import type { DocRow, ItemRow } from './search.queries.js';
import type { SearchItem } from './search.schema.js';
import { buildSnippet } from './snippet.js';

type Cache = { textGeneration: number; names: number; items: Map<number, SearchItem>; docs: Map<number, DocRow>; snippets: Map<string, string | null> };
const caches = new WeakMap<SearchEngine, Cache>();
const CACHE_MAX = 50_000;

function cacheOf(e: SearchEngine): Cache {
  let c = caches.get(e);
  // Changed text (textGeneration) or a renamed artist/location (namesVersion) makes texts and snippets stale;
  // other writes make only the rows of the works written stale (forgetItems).
  if (!c || c.textGeneration !== e.textGeneration || c.names !== e.namesVersion) {
    c = { textGeneration: e.textGeneration, names: e.namesVersion, items: new Map(), docs: new Map(), snippets: new Map() };
    caches.set(e, c);
  }
  return c;
}

/** Drops the rendered rows of works that were written (grade, status, place, image may have changed). */
export function forgetItems(e: SearchEngine, ids: readonly number[]): void {
  const c = caches.get(e);
  if (c) for (const id of ids) c.items.delete(id);
}

export function renderItems(e: SearchEngine, ids: number[], parsed: ParsedQuery | null): SearchItem[] {
  if (!ids.length) return [];
  const cache = cacheOf(e);
  const missing = ids.filter((id) => !cache.items.has(id));
  if (missing.length) {
    if (cache.items.size + missing.length > CACHE_MAX) cache.items.clear();
    for (const r of e.q.items(missing)) cache.items.set(r.id, toItem(r));
  }
  let docs: Map<number, DocRow> | null = null;
  if (parsed?.clauses.length) {
    const missingDocs = ids.filter((id) => !cache.docs.has(id));
    if (missingDocs.length) {
      if (cache.docs.size + missingDocs.length > CACHE_MAX) cache.docs.clear();
      for (const d of e.q.docs(missingDocs)) cache.docs.set(d.id, d);
    }
    docs = cache.docs;
  }
  const queryKey = docs ? JSON.stringify(parsed!.clauses) : '';
  const items: SearchItem[] = [];
  for (const id of ids) {
    const base = cache.items.get(id);
    if (!base) continue;
    const d = docs?.get(id);
    if (!d) {
      items.push(base);
      continue;
    }
    const key = `${id}|${queryKey}`;
    let snippet = cache.snippets.get(key);
    if (snippet === undefined) {
      // Longer texts first: a snippet is most useful where the title alone would not show the match.
      snippet = buildSnippet([d.description, d.inscription, d.title, d.artists, d.technique, d.materials, d.places, d.inventory], parsed!.clauses);
      if (cache.snippets.size >= CACHE_MAX) cache.snippets.clear();
      cache.snippets.set(key, snippet);
    }
    items.push(snippet ? { ...base, snippet } : base);
  }
  return items;
}

function toItem(r: ItemRow): SearchItem {
  const path = [r.p0, r.p1, r.p2, r.p3].filter((p): p is string => !!p);
  return {
    id: r.id,
    inventoryNumber: r.inventoryNumber,
    title: r.title,
    artists: r.artists,
    objectType: r.objectType,
    yearFrom: r.yearFrom,
    yearTo: r.yearTo,
    datingText: r.datingText,
    status: r.status,
    siteId: r.siteId,
    siteName: r.siteName,
    locationPathText: path.length ? path.join(' › ') : null,
    lastGrade: r.lastGrade,
    nextCheckDue: r.nextCheckDue,
    thumb: r.sha256 ? `/media/${r.sha256}/thumb.webp` : null,
    dominantColor: r.dominantColor,
  };
}
