// Artist writes: create, edit (If-Match), and merging duplicates into one kept record.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { notFound, preconditionFailed, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../users/auth.js';
import type { CreateArtistBody, UpdateArtistBody } from './artists.schema.js';

export const ARTIST_COLUMNS = `id, name, sort_name as sortName, name_key as nameKey, birth_year as birthYear, death_year as deathYear, nationality,
  kulturnav_id as kulturnavId, wikidata_id as wikidataId, ulan_id as ulanId, copyright_holder as copyrightHolder,
  copyright_representation as copyrightRepresentation, note, merged_into_id as mergedIntoId, version, created_at as createdAt, updated_at as updatedAt`;

export type ArtistRow = Record<string, unknown> & { id: number; name: string; mergedIntoId: number | null; version: number; birthYear: number | null; deathYear: number | null };

/** Lower-case with diacritics folded and spaces collapsed: "Sigrid Hjertén" → "sigrid hjerten". */
export const artistNameKey = (name: string) =>
  name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** "Sigrid Hjertén" → "Hjertén, Sigrid"; names with a comma or one word stay as they are. */
export const defaultSortName = (name: string) => {
  const parts = name.trim().split(/\s+/);
  if (name.includes(',') || parts.length < 2) return name.trim();
  return `${parts.at(-1)}, ${parts.slice(0, -1).join(' ')}`;
};

const COLUMN: Record<string, string> = {
  name: 'name', sortName: 'sort_name', birthYear: 'birth_year', deathYear: 'death_year', nationality: 'nationality', kulturnavId: 'kulturnav_id',
  wikidataId: 'wikidata_id', ulanId: 'ulan_id', copyrightHolder: 'copyright_holder', copyrightRepresentation: 'copyright_representation', note: 'note',
};

export function findArtist(sqlite: Database.Database, id: number): ArtistRow | undefined {
  return sqlite.prepare(`select ${ARTIST_COLUMNS} from artists where id = ?`).get(id) as ArtistRow | undefined;
}
export function getArtist(sqlite: Database.Database, id: number): ArtistRow {
  const a = findArtist(sqlite, id);
  if (!a) throw notFound('artist.not_found', `No artist with id ${id}.`);
  return a;
}

export function createArtist(sqlite: Database.Database, body: CreateArtistBody, user: AuthUser, at: string): ArtistRow {
  return sqlite.transaction(() => {
    const values: Record<string, unknown> = { ...body, sortName: body.sortName ?? defaultSortName(body.name) };
    const cols = ['name_key', 'created_at', 'updated_at'];
    const vals: unknown[] = [artistNameKey(body.name), at, at];
    for (const [field, col] of Object.entries(COLUMN)) {
      if (values[field] === undefined) continue;
      cols.push(col);
      vals.push(values[field]);
    }
    const id = Number(sqlite.prepare(`insert into artists (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`).run(...vals).lastInsertRowid);
    const row = getArtist(sqlite, id);
    recordAudit(sqlite, { at, userId: user.id, action: 'create', entityType: 'artist', entityId: id, after: row });
    return row;
  })();
}

export function updateArtist(sqlite: Database.Database, id: number, expected: number, body: UpdateArtistBody, user: AuthUser, at: string): ArtistRow {
  return sqlite.transaction(() => {
    const before = getArtist(sqlite, id);
    if (before.version !== expected) throw preconditionFailed('artist.version_conflict', before);
    const birth = body.birthYear !== undefined ? body.birthYear : before.birthYear;
    const death = body.deathYear !== undefined ? body.deathYear : before.deathYear;
    if (birth != null && death != null && death < birth)
      throw unprocessable('artist.life_years', `Death year (${death}) is before birth year (${birth}).`, [{ path: body.deathYear !== undefined ? 'deathYear' : 'birthYear', message: 'Death before birth' }]);
    const sets: string[] = [];
    const vals: unknown[] = [];
    for (const [field, col] of Object.entries(COLUMN)) {
      const v = (body as Record<string, unknown>)[field];
      if (v === undefined) continue;
      sets.push(`${col} = ?`);
      vals.push(v);
    }
    if (body.name !== undefined) (sets.push('name_key = ?'), vals.push(artistNameKey(body.name)));
    sqlite.prepare(`update artists set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...vals, at, id);
    const after = getArtist(sqlite, id);
    recordAudit(sqlite, { at, userId: user.id, action: 'update', entityType: 'artist', entityId: id, before, after });
    return after;
  })();
}

const FILL_FROM_DUPLICATE = ['birthYear', 'deathYear', 'nationality', 'kulturnavId', 'wikidataId', 'ulanId', 'copyrightHolder', 'copyrightRepresentation'] as const;

/**
 * Moves every work of the duplicates to the kept record (a work listing both keeps one link), fills the kept
 * record's empty authority fields from the duplicates, and marks them merged. One transaction, audited.
 */
export function mergeArtists(sqlite: Database.Database, keptId: number, duplicateIds: number[], user: AuthUser, at: string) {
  return sqlite.transaction(() => {
    const kept = getArtist(sqlite, keptId);
    if (kept.mergedIntoId) throw unprocessable('artist.merged', `Artist ${keptId} was itself merged into ${kept.mergedIntoId}; merge into that record.`, [{ path: 'id', message: 'Already merged' }]);
    const dups = duplicateIds.map((d, i) => {
      if (d === keptId) throw unprocessable('artist.merge_self', 'An artist cannot be merged into itself.', [{ path: `duplicateIds.${i}`, message: 'Same as the kept record' }]);
      const a = findArtist(sqlite, d);
      if (!a) throw unprocessable('artist.unknown', `Artist ${d} does not exist.`, [{ path: `duplicateIds.${i}`, message: 'Unknown artist' }]);
      if (a.mergedIntoId) throw unprocessable('artist.merged', `Artist ${d} was already merged into ${a.mergedIntoId}.`, [{ path: `duplicateIds.${i}`, message: 'Already merged' }]);
      return a;
    });
    const linksOf = sqlite.prepare('select artwork_id as artworkId, role, position from artwork_artists where artist_id = ?');
    const hasKept = sqlite.prepare('select 1 from artwork_artists where artwork_id = ? and artist_id = ?').pluck();
    const relink = sqlite.prepare('update artwork_artists set artist_id = ? where artwork_id = ? and artist_id = ?');
    const unlink = sqlite.prepare('delete from artwork_artists where artwork_id = ? and artist_id = ?');
    const bump = sqlite.prepare('update artworks set version = version + 1, updated_at = ? where id = ?');
    const touched = new Set<number>();
    for (const d of dups) {
      for (const link of linksOf.all(d.id) as { artworkId: number; role: string; position: number }[]) {
        if (hasKept.get(link.artworkId, keptId)) unlink.run(link.artworkId, d.id);
        else relink.run(keptId, link.artworkId, d.id);
        if (!touched.has(link.artworkId)) {
          bump.run(at, link.artworkId);
          touched.add(link.artworkId);
        }
        recordAudit(sqlite, { at, userId: user.id, action: 'artist_merge', entityType: 'artwork', entityId: link.artworkId, before: { artistId: d.id, artistName: d.name }, after: { artistId: keptId, artistName: kept.name } });
      }
      sqlite.prepare('update artists set merged_into_id = ?, version = version + 1, updated_at = ? where id = ?').run(keptId, at, d.id);
      recordAudit(sqlite, { at, userId: user.id, action: 'merge', entityType: 'artist', entityId: d.id, before: { mergedIntoId: null }, after: { mergedIntoId: keptId } });
    }
    const fill: Record<string, unknown> = {};
    for (const f of FILL_FROM_DUPLICATE) {
      if (kept[f] != null) continue;
      const v = dups.find((d) => d[f] != null)?.[f];
      if (v != null) fill[f] = v;
    }
    const fillCols = Object.keys(fill).map((f) => `${COLUMN[f]} = ?`);
    sqlite.prepare(`update artists set ${[...fillCols, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ?`).run(...Object.values(fill), at, keptId);
    const after = getArtist(sqlite, keptId);
    recordAudit(sqlite, { at, userId: user.id, action: 'merge', entityType: 'artist', entityId: keptId, before: { ...kept, mergedFrom: [] }, after: { ...after, mergedFrom: duplicateIds } });
    return { artist: after, mergedIds: duplicateIds, artworkIds: [...touched] };
  })();
}
