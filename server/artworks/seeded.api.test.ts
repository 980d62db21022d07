// The catalogue over the demo collection: detail views, history and places agree with each other for seeded works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';

let t: TestApp;
let viewer: Client;
beforeAll(async () => {
  t = await startTestApp({ works: 500 });
  viewer = await t.as('viewer');
});
afterAll(() => t.close());

describe('seeded works', () => {
  it('every sampled detail view is consistent: path ends at the location, site is the path root, the latest move led here', async () => {
    const ids = t.db.$client.prepare("select id from artworks where location_id is not null and status != 'deaccessioned' order by id limit 60").pluck().all() as number[];
    expect(ids.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const id of ids) {
      const res = await viewer.get(`/api/artworks/${id}`);
      expect(res.status).toBe(200);
      const d = res.body;
      if (d.location.path.at(-1).id !== d.locationId) problems.push(`${id}: path does not end at the location`);
      if (d.location.path[0].id !== d.siteId || d.site.id !== d.siteId) problems.push(`${id}: site is not the root of the path`);
      if (d.movements.length && d.movements[0].toLocationId !== d.locationId) problems.push(`${id}: latest movement went elsewhere`);
      const today = new Date().toISOString().slice(0, 10);
      const at = (await viewer.get(`/api/artworks/${id}/location-at?date=${today}`)).body;
      if (d.movements.length && at.location?.id !== d.locationId) problems.push(`${id}: location-at today is not the current location`);
    }
    expect(problems).toEqual([]);
  });

  it('counts per site add up to the works placed there', async () => {
    const sites = (await viewer.get('/api/locations')).body.items as { id: number; worksCount: number }[];
    const total = sites.reduce((n, s) => n + s.worksCount, 0);
    const placed = t.db.$client.prepare("select count(*) from artworks a join locations l on l.id = a.location_id where a.status != 'deaccessioned'").pluck().get();
    expect(total).toBe(placed);
  });

  it('a viewer can read but not write', async () => {
    const id = t.db.$client.prepare('select id from artworks limit 1').pluck().get() as number;
    const res = await viewer.patch(`/api/artworks/${id}`, { title: 'x' }, { 'if-match': '"1"' });
    expect(res.status).toBe(403);
  });
});
