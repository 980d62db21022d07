// Bad input never reaches the database: each case is a 4xx problem+json naming the field, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeTree, makeWork, type Tree } from '../locations/test-fixtures.js';

let t: TestApp;
let curator: Client;
let tree: Tree;
beforeAll(async () => {
  t = await startTestApp();
  curator = await t.as('curator');
  tree = await makeTree(curator);
});
afterAll(() => t.close());

const snapshot = () =>
  ['artworks', 'artwork_artists', 'movements', 'audit_log', 'artists', 'locations'].map((tb) => t.db.$client.prepare(`select count(*) from ${tb}`).pluck().get());
const valid = { inventoryNumber: 'SLL 424242', title: 'Giltig', objectType: 'painting' };

describe('POST /api/artworks refuses bad input, naming the field, changing nothing', () => {
  it.each([
    ['an unknown field', { ...valid, colour: 'blue' }, 400, 'colour'],
    ['a number for a text', { ...valid, title: 123 }, 400, 'title'],
    ['an empty title', { ...valid, title: '   ' }, 400, 'title'],
    ['a missing required field', { inventoryNumber: 'SLL 1', title: 'x' }, 400, 'objectType'],
    ['an unknown object type', { ...valid, objectType: 'banana' }, 400, 'objectType'],
    ['a negative height', { ...valid, heightCm: -5 }, 400, 'heightCm'],
    ['an absurd width (10 km)', { ...valid, widthCm: 1_000_000 }, 400, 'widthCm'],
    ['a string for a number', { ...valid, heightCm: '90' }, 400, 'heightCm'],
    ['NaN-ish weight', { ...valid, weightKg: -1 }, 400, 'weightKg'],
    ['years reversed', { ...valid, yearFrom: 1990, yearTo: 1980 }, 400, 'yearTo'],
    ['a year far in the future', { ...valid, yearFrom: 20230 }, 400, 'yearFrom'],
    ['an impossible date', { ...valid, acquisitionDate: '2024-02-30' }, 400, 'acquisitionDate'],
    ['öre with decimals', { ...valid, acquisitionPrice: 12.5 }, 400, 'acquisitionPrice'],
    ['negative money', { ...valid, insuranceValue: -100 }, 400, 'insuranceValue'],
    ['a made-up fire class', { ...valid, fireClass: 'Q7' }, 400, 'fireClass'],
    ['an inventory number of punctuation', { ...valid, inventoryNumber: '--- ...' }, 400, 'inventoryNumber'],
    ['a boolean as a string', { ...valid, glazed: 'yes' }, 400, 'glazed'],
    ['an artist listed twice', { ...valid, artists: [{ artistId: 1 }, { artistId: 1 }] }, 400, 'artists'],
    ['an unknown artist', { ...valid, artists: [{ artistId: 999999 }] }, 422, 'artists.0.artistId'],
    ['an unknown location', { ...valid, locationId: 999999 }, 422, 'locationId'],
    ['an unknown project', { ...valid, projectId: 999999 }, 422, 'projectId'],
    ['a spot without a location', { ...valid, posX: 0.5, posY: 0.5 }, 400, 'posX'],
    ['a missing work without a note', { ...valid, status: 'missing' }, 422, 'statusNote'],
    ['an array body', [valid], 400, '(body)'],
  ])('%s', async (_name, body, status, path) => {
    const before = snapshot();
    const res = await curator.post('/api/artworks', body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(snapshot()).toEqual(before);
  });
});

describe('the HTTP envelope', () => {
  it('answers 413 to a 10 MB JSON body', async () => {
    const before = snapshot();
    const res = await curator.post('/api/artworks', JSON.stringify({ ...valid, description: 'x'.repeat(10 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('http.body_too_large');
    expect(snapshot()).toEqual(before);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await curator.post('/api/artworks', 'inventoryNumber=SLL 1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const text = await curator.post('/api/movements', JSON.stringify({ artworkIds: [1] }), { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('answers 400 to bytes that are not UTF-8, and 415 to another charset', async () => {
    const before = snapshot();
    const latin1 = Buffer.concat([Buffer.from('{"inventoryNumber":"SLL 9191","title":"Fr'), Buffer.from([0xe5, 0x6e]), Buffer.from('","objectType":"print"}')]);
    const res = await curator.post('/api/artworks', new Uint8Array(latin1), { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'http.invalid_utf8', errors: [{ path: '(body)' }] });
    const declared = await curator.post('/api/artworks', new Uint8Array(latin1), { 'content-type': 'application/json; charset=iso-8859-1' });
    expect(declared.status).toBe(415);
    expect(snapshot()).toEqual(before);
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await curator.post('/api/artworks', '{"title": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('http.malformed_json');
  });

  it('checks a PATCH against the stored record: year to before the stored year from', async () => {
    const w = await makeWork(curator, { yearFrom: 1950 });
    const before = snapshot();
    const res = await curator.patch(`/api/artworks/${w.id}`, { yearTo: 1940 }, { 'if-match': `"${w.version}"` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('yearTo');
    expect(snapshot()).toEqual(before);
  });

  it('refuses status, location or version in a PATCH (they change only through their own routes)', async () => {
    const w = await makeWork(curator, { locationId: tree.wardA });
    for (const field of ['status', 'locationId', 'siteId', 'version', 'lastGrade']) {
      const res = await curator.patch(`/api/artworks/${w.id}`, { [field]: 1 }, { 'if-match': `"${w.version}"` });
      expect(res.status, field).toBe(400);
      expect(res.body.errors[0].path).toBe(field);
    }
  });

  it.each([
    ['/api/locations', { kind: 'room', name: 'x', parentId: 'abc' }, 'parentId'],
    ['/api/locations', { kind: 'site', name: 'x', siteType: 'hospital', lat: 95 }, 'lat'],
    ['/api/artists', { name: 'X', birthYear: 1950, deathYear: 1900 }, 'deathYear'],
    ['/api/artists', { name: 'X', wikidataId: 'https://evil' }, 'wikidataId'],
    ['/api/movements', { artworkIds: [], toLocationId: 1, reason: 'x' }, 'artworkIds'],
    ['/api/movements', { artworkIds: [1], toLocationId: 1 }, 'reason'],
    ['/api/movements', { artworkIds: [1], toLocationId: 1, reason: 'x', movedAt: 'yesterday' }, 'movedAt'],
  ])('POST %s refuses %j naming %s', async (url, body, path) => {
    const before = snapshot();
    const res = await curator.post(url, body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(snapshot()).toEqual(before);
  });
});
