// History questions answered from movement rows: where was a work on a day, what hung in a place on a day.
import type Database from 'better-sqlite3';
import { resolveLocation, subtreeRange } from '../locations/locations.queries.js';

/** Upper bound (exclusive) for "on date D": the next day for a plain date, just after the instant otherwise. */
export function dateBound(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const d = new Date(`${date}T00:00:00.000Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString();
  }
  return new Date(new Date(date).getTime() + 1).toISOString();
}

function prepare(sqlite: Database.Database) {
  return {
    lastBefore: sqlite.prepare(
      `select id, to_location_id as toLocationId, to_path_text as pathTextThen, moved_at as movedAt, reason
         from movements where artwork_id = ? and moved_at < ? order by moved_at desc, id desc limit 1`,
    ),
    contents: sqlite.prepare(
      `with sub as (select id from locations where path >= ? and path < ?),
            cand as (select distinct artwork_id from movements where to_location_id in (select id from sub) and moved_at < ?)
       select a.id as artworkId, a.inventory_number as inventoryNumber, a.title, m.to_location_id as locationId,
              m.to_path_text as pathTextThen, m.moved_at as since
         from cand c
         join movements m on m.id = (select m2.id from movements m2 where m2.artwork_id = c.artwork_id and m2.moved_at < ? order by m2.moved_at desc, m2.id desc limit 1)
         join artworks a on a.id = c.artwork_id
        where m.to_location_id in (select id from sub) and (a.deaccession_date is null or a.deaccession_date > ?)
        order by m.to_path_text, a.inventory_key`,
    ),
    history: sqlite.prepare(
      `select m.id, m.moved_at as movedAt, m.from_location_id as fromLocationId, m.to_location_id as toLocationId,
              m.from_path_text as fromPathText, m.to_path_text as toPathText, m.reason, m.note, m.batch_id as batchId,
              m.round_id as roundId, m.user_id as userId, u.name as userName
         from movements m left join users u on u.id = m.user_id where m.artwork_id = ? order by m.moved_at desc, m.id desc limit ?`,
    ),
  };
}
const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
export const movementStatements = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = prepare(sqlite)));
  return s;
};

export function locationAt(sqlite: Database.Database, artworkId: number, date: string) {
  const row = movementStatements(sqlite).lastBefore.get(artworkId, dateBound(date)) as
    | { id: number; toLocationId: number | null; pathTextThen: string | null; movedAt: string; reason: string | null }
    | undefined;
  if (!row) return { artworkId, date, location: null, since: null, movementId: null };
  const now = row.toLocationId ? resolveLocation(sqlite, row.toLocationId) : undefined;
  return {
    artworkId,
    date,
    since: row.movedAt,
    movementId: row.id,
    reason: row.reason,
    location: row.toLocationId
      ? { id: row.toLocationId, pathTextThen: row.pathTextThen, pathTextNow: now?.pathText ?? null, path: now?.path ?? [] }
      : null,
  };
}

export function contentsAt(sqlite: Database.Database, path: string, date: string) {
  const [lo, hi] = subtreeRange(path);
  const bound = dateBound(date);
  return movementStatements(sqlite).contents.all(lo, hi, bound, bound, date.slice(0, 10)) as {
    artworkId: number;
    inventoryNumber: string;
    title: string;
    locationId: number;
    pathTextThen: string;
    since: string;
  }[];
}

export function movementHistory(sqlite: Database.Database, artworkId: number, limit = 100) {
  return movementStatements(sqlite).history.all(artworkId, limit);
}
