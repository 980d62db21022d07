// A few thousand random bodies at every catalogue write route: whatever arrives, the answer is never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeTree, makeWork, type Tree } from '../locations/test-fixtures.js';

let t: TestApp;
let admin: Client;
let tree: Tree;
let workIds: number[] = [];
let artistIds: number[] = [];
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  tree = await makeTree(admin);
  for (let i = 0; i < 6; i++) workIds.push((await makeWork(admin, { locationId: i % 2 ? tree.wardA : tree.storageRoom })).id);
  for (const name of ['A B', 'C D', 'E F']) artistIds.push((await admin.post('/api/artists', { name })).body.id);
});
afterAll(() => t.close());

let seed = 20251125;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const strings = ['', ' ', 'x', 'SLL 1', 'sll-1', '2024-02-30', '2024-01-01', '2024-01-01T10:00:00Z', '<script>alert(1)</script>', "'; drop table artworks; --", '\u0000', '\ud800', '💥'.repeat(50), 'A1', 'B-s1,d0', 'in_place', 'missing', 'deaccessioned', 'in_conservation', 'painting', 'room', 'site', 'hospital', 'studio', 'wall', 'true', 'NaN', '-1', '1e308', '__proto__', 'constructor'];
function value(depth = 0): unknown {
  const r = rnd();
  if (r < 0.12) return pick([0, 1, -1, 0.5, 2 ** 31, 2 ** 53, -0, 1e308, 3.14, pick(workIds), pick(artistIds), tree.wardA, tree.studioRoom, tree.hospital, tree.floor]);
  if (r < 0.3) return pick(strings);
  if (r < 0.36) return 'x'.repeat(Math.floor(rnd() * 5000));
  if (r < 0.44) return pick([true, false, null]);
  if (r < 0.5 || depth > 3) return undefined;
  if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < Math.floor(rnd() * 4); i++) o[pick([...strings, 'artistId', 'role', 'ids', 'query', 'op', 'field', 'value'])] = value(depth + 1);
  return o;
}

const FIELDS: Record<string, string[]> = {
  artwork: ['inventoryNumber', 'title', 'objectType', 'heightCm', 'widthCm', 'depthCm', 'weightKg', 'yearFrom', 'yearTo', 'acquisitionDate', 'acquisitionPrice', 'artists', 'locationId', 'posX', 'posY', 'status', 'statusNote', 'fireClass', 'glazed', 'projectId', 'mounting'],
  status: ['status', 'note', 'deaccessionDate', 'deaccessionRef', 'deaccessionReason'],
  artist: ['name', 'sortName', 'birthYear', 'deathYear', 'wikidataId', 'kulturnavId', 'ulanId'],
  merge: ['duplicateIds'],
  location: ['kind', 'name', 'parentId', 'siteType', 'lat', 'lon', 'envTags', 'checkIntervalMonths', 'active', 'planArea', 'code'],
  movement: ['artworkIds', 'toLocationId', 'movedAt', 'reason', 'note', 'posX', 'posY', 'foundAgain'],
  batch: ['selection', 'change'],
};

/** Mostly plausible objects with the route's own field names (to get past the schema), sometimes pure junk. */
function body(kind: string): unknown {
  if (rnd() < 0.15) return value();
  const o: Record<string, unknown> = {};
  for (const f of FIELDS[kind]!) if (rnd() < 0.5) o[f] = value();
  if (kind === 'batch' && rnd() < 0.7) {
    o.selection = rnd() < 0.5 ? { ids: [pick(workIds), pick(workIds)] } : { query: { status: pick(['in_place', 'bogus', '']), q: pick(strings) } };
    o.change = pick([{ op: 'flag', flag: 'glazed', value: value() }, { op: 'set', field: pick(['technique', 'fireClass', 'projectId', 'objectType']), value: value() }, { op: 'status', status: pick(['missing', 'in_storage', 'deaccessioned']), note: value() }, { op: 'move', toLocationId: value(), reason: value() }]);
  }
  if (kind === 'movement' && rnd() < 0.5) o.artworkIds = [pick(workIds)];
  return o;
}

const version = (table: string, id: number) => t.db.$client.prepare(`select version from ${table} where id = ?`).pluck().get(id) as number | undefined;

describe('fuzzing the catalogue write routes', () => {
  it('answers every random body with a status below 500', async () => {
    const routes: { method: string; url: () => string; kind: string; ifMatch?: (url: string) => number | undefined }[] = [
      { method: 'POST', url: () => '/api/artworks', kind: 'artwork' },
      { method: 'PATCH', url: () => `/api/artworks/${pick(workIds)}`, kind: 'artwork', ifMatch: (u) => version('artworks', Number(u.split('/')[3])) },
      { method: 'POST', url: () => `/api/artworks/${pick(workIds)}/status`, kind: 'status', ifMatch: (u) => version('artworks', Number(u.split('/')[3])) },
      { method: 'POST', url: () => '/api/artists', kind: 'artist' },
      { method: 'PATCH', url: () => `/api/artists/${pick(artistIds)}`, kind: 'artist', ifMatch: (u) => version('artists', Number(u.split('/')[3])) },
      { method: 'POST', url: () => `/api/artists/${pick(artistIds)}/merge`, kind: 'merge' },
      { method: 'POST', url: () => '/api/locations', kind: 'location' },
      { method: 'PATCH', url: () => `/api/locations/${pick([tree.wardA, tree.floor, tree.building, tree.hospital, tree.storageRoom])}`, kind: 'location', ifMatch: (u) => version('locations', Number(u.split('/')[3])) },
      { method: 'POST', url: () => '/api/movements', kind: 'movement' },
      { method: 'POST', url: () => '/api/batches/preview', kind: 'batch' },
      { method: 'POST', url: () => '/api/batches', kind: 'batch' },
      { method: 'POST', url: () => `/api/batches/${pick(['00000000-0000-0000-0000-000000000000', 'nope', '%00'])}/undo`, kind: 'merge' },
    ];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const N = 200;
    for (const route of routes) {
      const t0 = performance.now();
      for (let i = 0; i < N; i++) {
        const url = route.url();
        const b = body(route.kind);
        const headers: Record<string, string> = {};
        if (route.ifMatch && rnd() < 0.8) headers['if-match'] = rnd() < 0.7 ? `"${route.ifMatch(url) ?? 1}"` : pick(['"x"', 'W/"1"', '*', '"99999999999"', 'garbage', '""', '"-1"', '"0"']);
        const payload = b === undefined ? undefined : rnd() < 0.03 ? JSON.stringify(b).slice(0, -1) : JSON.stringify(b);
        const res = await admin.request(route.method, url, payload, { 'content-type': 'application/json', ...headers });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${route.method} ${url} ${payload?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 200)}`);
        else if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      if (process.env.FUZZ_TIMING) console.log(route.method, route.url(), Math.round(performance.now() - t0));
    }
    expect(failures).toEqual([]);
    // the fuzz reached past validation too, not only 400s
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([400, 422]));
  }, 120_000);
});
