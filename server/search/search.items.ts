// The one page of results: its rows (one prepared query, ~15 µs a row with the location path,
// artists and thumbnail joins) and snippets when searching text. Rendered rows are kept until the
// works change, since the same works are shown again and again (first pages, popular prefixes).
import type { ParsedQuery } from './fts-query.js';
import type { SearchEngine } from './search.engine.js';
import type { DocRow, ItemRow } from './search.queries.js';
import type { SearchItem } from './search.schema.js';
import { buildSnippet } from './snippet.js';

/** snippets: per query (its clauses as JSON), per work. */
type Cache = { textGeneration: number; names: number; items: Map<number, SearchItem>; docs: Map<number, DocRow>; snippets: Map<string, Map<number, string | null>>; held: number };
const caches = new WeakMap<SearchEngine, Cache>();
const CACHE_MAX = 50_000;

function cacheOf(e: SearchEngine): Cache {
  let c = caches.get(e);
  // Changed text (textGeneration) or a renamed artist/location (namesVersion) makes texts and snippets stale;
  // other writes make only the rows of the works written stale (forgetItems).
  if (!c || c.textGeneration !== e.textGeneration || c.names !== e.namesVersion) {
    c = { textGeneration: e.textGeneration, names: e.namesVersion, items: new Map(), docs: new Map(), snippets: new Map(), held: 0 };
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
  let snippets: Map<number, string | null> | null = null;
  if (docs) {
    const queryKey = JSON.stringify(parsed!.clauses);
    snippets = cache.snippets.get(queryKey) ?? null;
    if (!snippets) {
      if (cache.held >= CACHE_MAX) (cache.snippets.clear(), (cache.held = 0));
      cache.snippets.set(queryKey, (snippets = new Map()));
    }
  }
  const items: SearchItem[] = [];
  for (const id of ids) {
    const base = cache.items.get(id);
    if (!base) continue;
    const d = docs?.get(id);
    if (!d || !snippets) {
      items.push(base);
      continue;
    }
    let snippet = snippets.get(id);
    if (snippet === undefined) {
      // Longer texts first: a snippet is most useful where the title alone would not show the match.
      snippet = buildSnippet([d.description, d.inscription, d.title, d.artists, d.technique, d.materials, d.places, d.inventory], parsed!.clauses);
      snippets.set(id, snippet);
      cache.held++;
    }
    if (!snippet) items.push(base);
    else {
      const item = { ...base, snippet };
      baseOf.set(item, base);
      items.push(item);
    }
  }
  return items;
}

/** JSON of rendered rows, kept per row object (rows are cached, so a page is mostly joined, not serialised). */
const jsonOf = new WeakMap<SearchItem, string>();
/** A row with a snippet is a copy of the cached row: its JSON is the row's plus the snippet. */
const baseOf = new WeakMap<SearchItem, SearchItem>();

export function itemsJson(items: readonly SearchItem[]): string {
  const parts: string[] = [];
  for (const item of items) {
    let json = jsonOf.get(item);
    if (json === undefined) {
      const base = baseOf.get(item);
      json = base ? `${rowJson(base).slice(0, -1)},"snippet":${JSON.stringify(item.snippet)}}` : rowJson(item);
    }
    parts.push(json);
  }
  return `[${parts.join(',')}]`;
}

function rowJson(item: SearchItem): string {
  let json = jsonOf.get(item);
  if (json === undefined) jsonOf.set(item, (json = JSON.stringify(item)));
  return json;
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
