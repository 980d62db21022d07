// Works for an export, one at a time from ONE iterated statement (never the whole collection in memory): the
// record, its artists in order, its location's path and code, and its primary image. The ids (a search's result,
// in its order) go in as one JSON array. The caller gives a connection of its own: while a statement iterates,
// better-sqlite3 allows nothing else on that connection, and the export waits for the socket between rows.
import Database from 'better-sqlite3';
import { ARTWORK_COLUMNS, BOOLEAN_FIELDS } from '../artworks/artworks.queries.js';

export type ExportWork = Record<string, unknown> & {
  id: number;
  inventoryNumber: string;
  title: string;
  artists: { id: number; name: string; role: string; birthYear: number | null; deathYear: number | null }[];
  location: string | null;
  locationCode: string | null;
  siteName: string | null;
  primarySha: string | null;
  updatedAt: string;
};

export type PlaceInfo = { pathText: string; code: string | null; siteId: number; name: string; kind: string; lat: number | null; lon: number | null; municipality: string | null; siteType: string | null };

/** A read-only connection of the export's own, inside a read transaction (one consistent snapshot). */
export function openExportConnection(file: string): Database.Database {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  conn.exec('begin');
  return conn;
}

export function closeExportConnection(conn: Database.Database): void {
  if (conn.inTransaction) conn.exec('commit');
  conn.close();
}

/** Every location's path text and code, keyed by id. */
export function placeIndex(sqlite: Database.Database): Map<number, PlaceInfo> {
  const rows = sqlite
    .prepare('select id, parent_id as parentId, kind, code, name, site_id as siteId, site_type as siteType, lat, lon, municipality from locations order by depth, id')
    .all() as (Omit<PlaceInfo, 'pathText'> & { id: number; parentId: number | null })[];
  const out = new Map<number, PlaceInfo>();
  for (const r of rows) {
    const parent = r.parentId ? out.get(r.parentId) : undefined;
    out.set(r.id, { ...r, siteId: r.siteId ?? r.id, pathText: parent ? `${parent.pathText} › ${r.name}` : r.name });
  }
  return out;
}

const US = '\u001f';
const RS = '\u001e';

/** Yields the works of `ids` in the order given. */
export function* exportWorks(conn: Database.Database, ids: number[], places: Map<number, PlaceInfo>): Generator<ExportWork> {
  const stmt = conn.prepare(
    `select ${ARTWORK_COLUMNS.replace(/\bid,/, 'a.id,')},
            (select group_concat(ar.id || '${US}' || ar.name || '${US}' || aa.role || '${US}' || coalesce(ar.birth_year, '') || '${US}' || coalesce(ar.death_year, ''), '${RS}' order by aa.position)
               from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id) as artistList,
            (select m.sha256 from media_links l join media m on m.id = l.media_id
              where l.entity_type = 'artwork' and l.entity_id = a.id and m.state = 'ready' order by (m.id = a.primary_media_id) desc, (l.role = 'primary') desc, l.position, l.id limit 1) as primarySha
       from json_each(?) j join artworks a on a.id = j.value order by j.key`,
  );
  stmt.raw();
  // Rows come as arrays (far cheaper than better-sqlite3's objects); one compiled literal turns them into records.
  const names = stmt.columns().map((c) => c.name);
  const toRecord = new Function('r', `return { ${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(', ')}, artists: null, location: null, locationCode: null, siteName: null };`) as (r: unknown[]) => Record<string, unknown>;
  for (const raw of stmt.iterate(JSON.stringify(ids)) as IterableIterator<unknown[]>) {
    const row = toRecord(raw);
    for (const f of BOOLEAN_FIELDS) row[f] = Boolean(row[f]);
    const list = row.artistList as string | null;
    row.artists = list
      ? list.split(RS).map((s) => {
          const [id, name, role, birth, death] = s.split(US);
          return { id: Number(id), name: name!, role: role!, birthYear: birth ? Number(birth) : null, deathYear: death ? Number(death) : null };
        })
      : [];
    row.artistList = undefined;
    const loc = row.locationId ? places.get(row.locationId as number) : undefined;
    row.location = loc?.pathText ?? null;
    row.locationCode = loc?.code ?? null;
    row.siteName = row.siteId ? (places.get(row.siteId as number)?.name ?? null) : null;
    yield row as ExportWork;
  }
}
