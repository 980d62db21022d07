// /api/artists: authority records — list/search, read with works count, create, edit, merge duplicates.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseQuery, requireIfMatch } from '../http/validate.js';
import { currentUser } from '../users/auth.js';
import { ArtistListQuery, CreateArtistBody, MergeArtistsBody, UpdateArtistBody } from './artists.schema.js';
import { ARTIST_COLUMNS, artistNameKey, createArtist, getArtist, mergeArtists, updateArtist } from './artists.service.js';

const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });
const tags = ['artists'];

export function artistRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/artists');
  const now = () => deps.clock.now().toISOString();
  const worksCount = sqlite.prepare('select count(*) from artwork_artists where artist_id = ?').pluck();
  const withCount = (id: number) => {
    const a = getArtist(sqlite, id);
    return { ...a, worksCount: worksCount.get(id) as number };
  };

  r.get('/', 'read', { summary: 'Artists by sort name; q matches the name ignoring case and diacritics', tags, query: ArtistListQuery }, (req, res) => {
    const q = parseQuery(ArtistListQuery, req);
    const where: string[] = [];
    const args: unknown[] = [];
    if (!q.includeMerged) where.push('merged_into_id is null');
    if (q.q) {
      where.push(`name_key like ? escape '\\'`);
      args.push(`%${artistNameKey(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const total = sqlite.prepare(`select count(*) from artists ${where.length ? 'where ' + where.join(' and ') : ''}`).pluck().get(...args) as number;
    if (q.cursor) {
      const c = deps.cursors.decode(q.cursor, z.object({ s: z.string(), id: z.number().int() }));
      where.push('(sort_name > ? or (sort_name = ? and id > ?))');
      args.push(c.s, c.s, c.id);
    }
    const rows = sqlite
      .prepare(
        `select ${ARTIST_COLUMNS}, (select count(*) from artwork_artists aa where aa.artist_id = artists.id) as worksCount
           from artists ${where.length ? 'where ' + where.join(' and ') : ''} order by sort_name, id limit ?`,
      )
      .all(...args, q.limit + 1) as { id: number; sortName: string }[];
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    res.json({ items, total, nextCursor: rows.length > q.limit && last ? deps.cursors.encode({ s: last.sortName, id: last.id }) : null });
  });

  r.get('/:id', 'read', { summary: 'An artist with the number of works', tags, params: IdParams }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const a = withCount(id);
    res.setHeader('ETag', `"${a.version}"`).json(a);
  });

  r.post('/', 'catalogue.write', { summary: 'Create an artist record', tags, body: CreateArtistBody, status: 201 }, (req, res) => {
    const body = parseBody(CreateArtistBody, req);
    const a = createArtist(sqlite, body, currentUser(req), now());
    res.status(201).setHeader('Location', `/api/artists/${a.id}`).setHeader('ETag', `"${a.version}"`).json(withCount(a.id));
  });

  r.patch('/:id', 'catalogue.write', { summary: 'Edit an artist record', tags, params: IdParams, body: UpdateArtistBody, ifMatch: true }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const expected = requireIfMatch(req);
    const body = parseBody(UpdateArtistBody, req);
    updateArtist(sqlite, id, expected, body, currentUser(req), now());
    const ids = sqlite.prepare('select artwork_id from artwork_artists where artist_id = ?').pluck().all(id) as number[];
    if (ids.length && (body.name !== undefined || body.sortName !== undefined)) deps.events.emit('artworks.changed', ids);
    const a = withCount(id);
    res.setHeader('ETag', `"${a.version}"`).json(a);
  });

  r.post('/:id/merge', 'catalogue.write', { summary: 'Merge duplicate records into this one (all works move here)', tags, params: IdParams, body: MergeArtistsBody }, (req, res) => {
    const { id } = parse(IdParams, req.params);
    const body = parseBody(MergeArtistsBody, req);
    const result = mergeArtists(sqlite, id, body.duplicateIds, currentUser(req), now());
    if (result.artworkIds.length) deps.events.emit('artworks.changed', result.artworkIds);
    res.json({ ...withCount(id), mergedIds: result.mergedIds, movedArtworks: result.artworkIds.length });
  });

  return r.router;
}
