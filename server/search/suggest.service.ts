// The search box's suggestions: top artists, locations and works for what has been typed so far,
// in one call. Artists and locations are small tables held in memory with folded words (a scan of
// a few thousand entries beats any query); works come from the inventory-number index and FTS.
import type { Deps } from '../deps.js';
import type { AuthUser } from '../users/auth.js';
import { inventoryKey } from '../artworks/inventory.js';
import { parseUserQuery, toFtsMatch, words } from './fts-query.js';
import { searchEngine, type SearchEngine } from './search.engine.js';
import { memo } from './search.fast.js';
import { renderItems } from './search.items.js';
import type { SuggestParams, SuggestResponse } from './search.schema.js';

/** `text` is the folded words with a space before each, so "starts a word" is one includes(). */
type Entry = { id: number; text: string; rank: number };
type ArtistEntry = Entry & { name: string; works: number };
type LocationEntry = Entry & { name: string; kind: string; pathText: string; siteId: number | null };
/** Entries (sorted best first) and all their texts in one string, so a lookup is a few native indexOf calls. */
type Searchable<T extends Entry> = { entries: T[]; hay: string; starts: Int32Array };
type Lists = {
  version: number;
  loadedAt: number;
  generation: number;
  artists: Searchable<ArtistEntry>;
  locations: Searchable<LocationEntry>;
  answers: Map<string, Pick<SuggestResponse, 'artists' | 'locations'>>;
};
const ANSWERS_MAX = 2_000;

function searchable<T extends Entry>(entries: T[]): Searchable<T> {
  const starts = new Int32Array(entries.length + 1);
  let at = 0;
  entries.forEach((e, i) => {
    starts[i] = at;
    at += e.text.length + 1;
  });
  starts[entries.length] = at;
  return { entries, hay: entries.map((e) => e.text).join('\n') + '\n', starts };
}

/** The first `limit` entries (in rank order) where every needle starts a word. */
function find<T extends Entry>(list: Searchable<T>, needles: string[], limit: number, allow: (x: T) => boolean): T[] {
  const out: T[] = [];
  const [first, ...rest] = needles;
  if (!first) return out;
  let pos = list.hay.indexOf(first);
  while (pos >= 0 && out.length < limit) {
    let lo = 0;
    let hi = list.entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    const entry = list.entries[lo]!;
    if (rest.every((n) => entry.text.includes(n)) && allow(entry)) out.push(entry);
    pos = list.hay.indexOf(first, list.starts[lo + 1]!);
  }
  return out;
}

const KIND_ORDER: Record<string, number> = { site: 0, building: 1, floor: 2, room: 3 };
/** Work counts per artist may lag behind writes by this much; names never do. */
const COUNTS_MAX_AGE_MS = 60_000;
const lists = new WeakMap<SearchEngine, Lists>();
/** One collator for all comparisons (localeCompare builds one per call: ~1 µs each, 15,000 names sorted). */
const swedish = new Intl.Collator('sv');

export function suggest(deps: Deps, params: SuggestParams, user: AuthUser): SuggestResponse {
  const e = searchEngine(deps);
  const typed = words(params.q);
  if (!typed.length) return { artists: [], locations: [], works: [] };
  const l = currentLists(deps, e);
  const limit = params.limit;
  const needles = typed.map((t) => ` ${t}`);
  const top = <T extends Entry>(list: Searchable<T>, allow: (x: T) => boolean = () => true) => find(list, needles, limit, allow);
  const sites = user.siteIds ? new Set(user.siteIds) : null;
  // The same first letters are typed again and again: answers are kept with the lists they came from.
  const key = `${limit}|${user.siteIds?.join(',') ?? '*'}|${needles.join('\u0000')}`;
  let names = l.answers.get(key);
  if (!names) {
    if (l.answers.size >= ANSWERS_MAX) l.answers.clear();
    names = {
      artists: top(l.artists).map(({ id, name, works }) => ({ id, name, works })),
      locations: top(l.locations, (x) => !sites || (x.siteId !== null && sites.has(x.siteId))).map(({ id, name, kind, pathText }) => ({ id, name, kind, pathText })),
    };
    l.answers.set(key, names);
  }
  return { ...names, works: suggestWorks(e, params.q, limit, sites) };
}

function suggestWorks(e: SearchEngine, q: string, limit: number, sites: Set<number> | null): SuggestResponse['works'] {
  // Kept until indexed text changes (what a work is called and where it is are text; a check or a status
  // is not): typing the same first letters is what everyone does.
  const key = `${limit}|${sites ? [...sites].join(',') : '*'}|${q}`;
  const ids = memo(e, key, () => suggestedIds(e, q, limit, sites), { on: 'text', slot: 'suggest', max: 2_000 });
  if (!ids.length) return [];
  // Rows from the search's row cache: a suggestion is usually a work that was just shown or suggested.
  return renderItems(e, ids, null).map((r) => ({ id: r.id, inventoryNumber: r.inventoryNumber, title: r.title, artists: r.artists }));
}

function suggestedIds(e: SearchEngine, q: string, limit: number, sites: Set<number> | null): number[] {
  const visible = (id: number) => e.cols.present[id] === 1 && (!sites || sites.has(e.cols.site[id]!));
  const ids: number[] = [];
  const add = (id: number) => {
    if (ids.length < limit && !ids.includes(id) && visible(id)) ids.push(id);
  };
  // Inventory numbers first: an exact number, then numbers that start with what was typed.
  const key = inventoryKey(q);
  if (key) {
    const exact = e.q.byInventoryKey(key);
    if (exact) add(exact);
    if (/\d/.test(key)) for (const id of e.q.byInventoryPrefix(key, limit * 4)) add(id);
  }
  if (ids.length >= limit) return ids;
  const parsed = parseUserQuery(q);
  // A broad prefix ("s", "st") has its match set cached, with "matched in number, title or artist"
  // marked: take the newest of those. A narrow one is cheap to ask FTS for directly.
  const text = e.text.match(parsed);
  if (text?.high) {
    for (let i = text.ids.length - 1; i >= 0 && ids.length < limit; i--) if (text.high[i]) add(text.ids[i]!);
    return ids;
  }
  const expr = toFtsMatch(parsed, ['inventory', 'title', 'artists']);
  // Newest first and unranked: the cheapest way to fill five slots.
  if (expr) for (const id of e.q.matchFirst(expr, sites ? 500 : limit * 2)) add(id);
  return ids;
}

const wordText = (s: string) => ' ' + words(s).join(' ');

function currentLists(deps: Deps, e: SearchEngine): Lists {
  const now = Date.now();
  const l = lists.get(e);
  if (l && l.version === e.namesVersion && (l.generation === e.cols.generation || now - l.loadedAt < COUNTS_MAX_AGE_MS)) return l;
  const sqlite = deps.db.$client;
  const artistRows = sqlite
    .prepare(
      `select ar.id, ar.name, (select count(*) from artwork_artists aa where aa.artist_id = ar.id) as works
         from artists ar where ar.merged_into_id is null`,
    )
    .all() as { id: number; name: string; works: number }[];
  const artists = artistRows
    .map((a) => ({ ...a, text: wordText(a.name), rank: -a.works }))
    .sort((a, b) => a.rank - b.rank || swedish.compare(a.name, b.name));
  const locRows = sqlite
    .prepare('select id, parent_id as parentId, name, kind, site_id as siteId, code, active from locations')
    .all() as { id: number; parentId: number | null; name: string; kind: string; siteId: number | null; code: string | null; active: number }[];
  const byId = new Map(locRows.map((x) => [x.id, x]));
  const pathText = (x: (typeof locRows)[number]) => {
    const names = [x.name];
    for (let p = byId.get(x.parentId ?? 0), guard = 0; p && guard < 10; p = byId.get(p.parentId ?? 0), guard++) names.unshift(p.name);
    return names.join(' › ');
  };
  const locations = locRows
    .filter((x) => x.active)
    .map((x) => ({ id: x.id, name: x.name, kind: x.kind, siteId: x.siteId, pathText: pathText(x), text: wordText(`${x.name} ${x.code ?? ''}`), rank: KIND_ORDER[x.kind] ?? 9 }))
    .sort((a, b) => a.rank - b.rank || swedish.compare(a.name, b.name));
  const next: Lists = { version: e.namesVersion, loadedAt: now, generation: e.cols.generation, artists: searchable(artists), locations: searchable(locations), answers: new Map() };
  lists.set(e, next);
  return next;
}
