// The SQL of search, prepared once per database (drizzle's builder costs ~40 µs a call on hot paths).
import type Database from 'better-sqlite3';

/** bm25 column weights: inventory, title, artists, technique, materials, description, inscription, places. */
export const BM25_WEIGHTS = [6, 10, 8, 2, 2, 1, 1, 2] as const;

export type ItemRow = {
  id: number;
  inventoryNumber: string;
  title: string;
  artists: string;
  objectType: string;
  yearFrom: number | null;
  yearTo: number | null;
  datingText: string | null;
  status: string;
  siteId: number | null;
  siteName: string | null;
  p0: string | null;
  p1: string | null;
  p2: string | null;
  p3: string | null;
  lastGrade: number | null;
  nextCheckDue: string | null;
  sha256: string | null;
  dominantColor: string | null;
};

export type DocRow = { id: number; inventory: string; title: string; artists: string; technique: string | null; materials: string | null; description: string | null; inscription: string | null; places: string };

export type SearchQueries = ReturnType<typeof searchQueries>;

export function searchQueries(sqlite: Database.Database) {
  const matchIds = sqlite.prepare('select rowid from artworks_fts where artworks_fts match ?').pluck();
  const matchScores = sqlite
    .prepare(`select rowid, bm25(artworks_fts, ${BM25_WEIGHTS.join(', ')}) from artworks_fts where artworks_fts match ?`)
    .raw();
  const matchFirst = sqlite.prepare('select rowid from artworks_fts where artworks_fts match ? order by rowid desc limit ?').pluck();
  const byInventoryKey = sqlite.prepare('select id from artworks where inventory_key = ?').pluck();
  const byInventoryPrefix = sqlite.prepare('select id from artworks where inventory_key >= ? and inventory_key < ? order by inventory_key limit ?').pluck();
  const artistWorks = sqlite.prepare('select artwork_id from artwork_artists where artist_id in (select value from json_each(?))').pluck();
  const existing = (table: 'artists' | 'locations') => sqlite.prepare(`select id from ${table} where id in (select value from json_each(?))`).pluck();
  const existingArtists = existing('artists');
  const existingLocations = existing('locations');
  const locationPaths = sqlite.prepare('select path from locations where id in (select value from json_each(?))').pluck();
  const subtree = sqlite.prepare('select id from locations where path >= ? and path < ?').pluck();
  const maxLocationId = sqlite.prepare('select coalesce(max(id), 0) from locations').pluck();
  const sites = sqlite.prepare("select id, name from locations where kind = 'site'");
  // Open needs exactly as the backlog counts them (server/conditions/backlog.queries.ts): the standing
  // check asks for action and nothing has resolved it; read from that partial index.
  const openNeedWorks = sqlite
    .prepare(
      `select c.artwork_id from condition_checks c join artworks a on a.id = c.artwork_id
        where c.priority <> 'none' and c.resolved_at is null and c.superseded_by_id is null and a.status <> 'deaccessioned'
          and c.priority in (select value from json_each(?))`,
    )
    .pluck();
  const items = sqlite.prepare(
    `select a.id, a.inventory_number as inventoryNumber, a.title,
        coalesce((select group_concat(ar.name, ', ' order by aa.position, aa.artist_id) from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id), '') as artists,
        a.object_type as objectType, a.year_from as yearFrom, a.year_to as yearTo, a.dating_text as datingText, a.status,
        a.site_id as siteId, s.name as siteName, l0.name as p0, l1.name as p1, l2.name as p2, l3.name as p3,
        a.last_grade as lastGrade, a.next_check_due as nextCheckDue, m.sha256, m.dominant_color as dominantColor
       from artworks a
       left join locations s on s.id = a.site_id
       left join locations l3 on l3.id = a.location_id
       left join locations l2 on l2.id = l3.parent_id
       left join locations l1 on l1.id = l2.parent_id
       left join locations l0 on l0.id = l1.parent_id
       left join media m on m.id = coalesce(a.primary_media_id,
         (select ml.media_id from media_links ml where ml.entity_type = 'artwork' and ml.entity_id = a.id and ml.role = 'primary' order by ml.position, ml.id limit 1))
      where a.id in (select value from json_each(?))`,
  );
  // The raw (unfolded) text of the indexed fields, for snippets.
  const docs = sqlite.prepare(
    `select a.id, a.inventory_number as inventory, a.title,
        coalesce((select group_concat(ar.name, ', ' order by aa.position, aa.artist_id) from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id), '') as artists,
        a.technique, a.materials, a.description, a.inscription,
        trim(coalesce(l0.name, '') || ' ' || coalesce(l1.name, '') || ' ' || coalesce(l2.name, '') || ' ' || coalesce(l3.name, '') || ' ' || coalesce(l3.code, '')) as places
       from artworks a
       left join locations l3 on l3.id = a.location_id
       left join locations l2 on l2.id = l3.parent_id
       left join locations l1 on l1.id = l2.parent_id
       left join locations l0 on l0.id = l1.parent_id
      where a.id in (select value from json_each(?))`,
  );

  return {
    matchIds: (expr: string) => Int32Array.from(matchIds.all(expr) as number[]),
    matchScores: (expr: string) => matchScores.all(expr) as [number, number][],
    /** The newest few works matching, without ranking (cheap even for broad prefixes). */
    matchFirst: (expr: string, limit: number) => matchFirst.all(expr, limit) as number[],
    byInventoryKey: (key: string) => byInventoryKey.get(key) as number | undefined,
    byInventoryPrefix: (prefix: string, limit: number) => byInventoryPrefix.all(prefix, prefix + '\uffff', limit) as number[],
    artistWorks: (ids: number[]) => artistWorks.all(JSON.stringify(ids)) as number[],
    existingArtists: (ids: number[]) => new Set(existingArtists.all(JSON.stringify(ids)) as number[]),
    existingLocations: (ids: number[]) => new Set(existingLocations.all(JSON.stringify(ids)) as number[]),
    /** Ids of these locations and everything below them (paths are "/1/12/140/"). */
    subtreeIds(ids: number[]): number[] {
      const out: number[] = [];
      for (const path of locationPaths.all(JSON.stringify(ids)) as string[]) out.push(...(subtree.all(path, path.slice(0, -1) + '0') as number[]));
      return out;
    },
    maxLocationId: () => maxLocationId.get() as number,
    sites: () => sites.all() as { id: number; name: string }[],
    openNeedWorks: (priorities: readonly string[]) => openNeedWorks.all(JSON.stringify(priorities)) as number[],
    items: (ids: number[]) => items.all(JSON.stringify(ids)) as ItemRow[],
    docs: (ids: number[]) => docs.all(JSON.stringify(ids)) as DocRow[],
  };
}
