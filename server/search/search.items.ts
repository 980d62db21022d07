// The one page of results: read its rows (one prepared query) and add snippets when searching text.
import type { ParsedQuery } from './fts-query.js';
import type { SearchEngine } from './search.engine.js';
import type { SearchItem } from './search.schema.js';
import { buildSnippet } from './snippet.js';

export function renderItems(e: SearchEngine, ids: number[], parsed: ParsedQuery | null): SearchItem[] {
  if (!ids.length) return [];
  const rows = new Map(e.q.items(ids).map((r) => [r.id, r]));
  const docs = parsed?.clauses.length ? new Map(e.q.docs(ids).map((d) => [d.id, d])) : null;
  const items: SearchItem[] = [];
  for (const id of ids) {
    const r = rows.get(id);
    if (!r) continue;
    const path = [r.p0, r.p1, r.p2, r.p3].filter((p): p is string => !!p);
    const item: SearchItem = {
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
    const d = docs?.get(id);
    if (d) {
      // Longer texts first: a snippet is most useful where the title alone would not show the match.
      const snippet = buildSnippet([d.description, d.inscription, d.title, d.artists, d.technique, d.materials, d.places, d.inventory], parsed!.clauses);
      if (snippet) item.snippet = snippet;
    }
    items.push(item);
  }
  return items;
}
