// A work's full-text document built in JavaScript exactly as the artwork_search_doc view builds it
// (db/migrations/0008_search_fold.sql), for bulk writers that have the values at hand: the view folds every column
// with thirteen nested replace() calls in SQL, which took 1 s of a 60,000-work import. search-doc.api.test.ts holds
// the two to the same output.

/** The letters the view folds (Unicode does not decompose them), and what it writes instead. */
const FOLDS: Record<string, string> = { ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ß: 'ss' };
const FOLDED = /[øØæÆœŒłŁðÐþÞß]/g;
const fold = (s: string) => s.replace(FOLDED, (c) => FOLDS[c]!);

/** SQLite's trim(): spaces only. */
const trimSpaces = (s: string) => s.replace(/^ +| +$/g, '');

export type DocWork = {
  inventoryNumber: string;
  inventoryKey: string;
  title: string;
  technique: string | null;
  materials: string | null;
  description: string | null;
  inscription: string | null;
};

/** A place as the view joins it: the location and up to three of its ancestors, nearest first. */
export type DocPlace = { names: (string | null)[]; code: string | null } | null;

/**
 * The document's columns in the index's order: inventory, title, artists, technique, materials, description,
 * inscription, places. `artists`: the linked artists' names in the order of their ids (as the view's subquery
 * reads them through the links' primary key).
 */
export function searchDoc(w: DocWork, artists: readonly string[], place: DocPlace): string[] {
  const [l3 = null, l2 = null, l1 = null, l0 = null] = place?.names ?? [];
  const places = trimSpaces([l0, l1, l2, l3, place?.code ?? null].map((p) => p ?? '').join(' '));
  return [
    fold(`${w.inventoryNumber} ${w.inventoryKey}`),
    fold(w.title),
    fold(artists.join(' ')),
    fold(w.technique ?? ''),
    fold(w.materials ?? ''),
    fold(w.description ?? ''),
    fold(w.inscription ?? ''),
    fold(places),
  ];
}
