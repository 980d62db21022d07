import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeWork } from '../locations/test-fixtures.js';

let t: TestApp;
let curator: Client;
beforeAll(async () => {
  t = await startTestApp();
  curator = await t.as('admin');
});
afterAll(() => t.close());

const artist = async (body: Record<string, unknown>) => {
  const res = await curator.post('/api/artists', body);
  expect(res.status).toBe(201);
  return res.body;
};

describe('artists', () => {
  it('creates a record with a derived sort name and finds it ignoring case and diacritics', async () => {
    const a = await artist({ name: 'Carl Fredrik Reuterswärd', birthYear: 1934, deathYear: 2016, wikidataId: 'Q1351447' });
    expect(a).toMatchObject({ sortName: 'Reuterswärd, Carl Fredrik', nameKey: 'carl fredrik reutersward', worksCount: 0, version: 1 });
    const found = await curator.get('/api/artists?q=REUTERSWARD');
    expect(found.body.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
  });

  it('pages through the list by sort name with an opaque cursor', async () => {
    for (const n of ['Anna Ancher', 'Bror Hjorth', 'Cecilia Edefalk', 'Dick Bengtsson', 'Eva Löfdahl']) await artist({ name: n });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { sortName: string }[]; nextCursor: string | null } } = await curator.get(`/api/artists?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((i) => i.sortName));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect((await curator.get('/api/artists?cursor=forged.cursor12345678')).status).toBe(400);
  });

  it('edits with If-Match and refuses death before birth', async () => {
    const a = await artist({ name: 'Lena Cronqvist', birthYear: 1938 });
    const bad = await curator.patch(`/api/artists/${a.id}`, { deathYear: 1900 }, { 'if-match': `"${a.version}"` });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('deathYear');
    const stale = await curator.patch(`/api/artists/${a.id}`, { nationality: 'SE' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const ok = await curator.patch(`/api/artists/${a.id}`, { nationality: 'SE' }, { 'if-match': `"${a.version}"` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ nationality: 'SE', version: 2 });
  });

  it('merges duplicates: every work moves to the kept record, a work listing both keeps one link, all in the audit log', async () => {
    const kept = await artist({ name: 'Siri Derkert', birthYear: 1888 });
    const dup1 = await artist({ name: 'Siri  Derkert', deathYear: 1973, kulturnavId: '0b6f7a2e-8d5c-4f3a-9a1b-2c3d4e5f6a7b' });
    const dup2 = await artist({ name: 'S. Derkert' });
    const w1 = await makeWork(curator, { artists: [{ artistId: dup1.id }] });
    const w2 = await makeWork(curator, { artists: [{ artistId: kept.id }, { artistId: dup2.id, role: 'collaborator' }] });
    const w3 = await makeWork(curator, { artists: [{ artistId: dup2.id }] });
    const res = await curator.post(`/api/artists/${kept.id}/merge`, { duplicateIds: [dup1.id, dup2.id] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: kept.id, worksCount: 3, birthYear: 1888, deathYear: 1973, kulturnavId: '0b6f7a2e-8d5c-4f3a-9a1b-2c3d4e5f6a7b', movedArtworks: 3 });
    for (const w of [w1, w2, w3]) {
      const d = (await curator.get(`/api/artworks/${w.id}`)).body;
      expect(d.artists.map((a: { id: number }) => a.id)).toEqual([kept.id]);
      expect(d.version).toBe(w.version + 1);
    }
    expect((await curator.get(`/api/artists/${dup1.id}`)).body.mergedIntoId).toBe(kept.id);
    expect((await curator.get('/api/artists?q=derkert')).body.items.map((a: { id: number }) => a.id)).toEqual([kept.id]);
    const audit = t.db.$client.prepare("select count(*) from audit_log where action in ('merge', 'artist_merge')").pluck().get();
    expect(audit).toBe(2 + 1 + 3);
    // a merged record cannot be used for new works
    const use = await curator.post('/api/artworks', { inventoryNumber: 'SLL 4242', title: 'X', objectType: 'print', artists: [{ artistId: dup1.id }] });
    expect(use.status).toBe(422);
    expect(use.body.errors[0].path).toBe('artists.0.artistId');
  });

  it('refuses to merge a record into itself or an unknown one, changing nothing', async () => {
    const a = await artist({ name: 'Ensam Konstnär' });
    const self = await curator.post(`/api/artists/${a.id}/merge`, { duplicateIds: [a.id] });
    expect(self.status).toBe(422);
    const unknown = await curator.post(`/api/artists/${a.id}/merge`, { duplicateIds: [999999] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('duplicateIds.0');
    expect((await curator.get(`/api/artists/${a.id}`)).body.version).toBe(1);
  });
});
