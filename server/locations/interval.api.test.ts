// Setting a check interval on a location changes when the works below it are next due.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ works: 600 });
});
afterAll(() => t.close());

it('a floor given a 6-month interval brings the next check of its checked works forward', async () => {
  const sqlite = t.db.$client;
  const floor = sqlite
    .prepare(
      `select f.id, f.path from locations f where f.kind = 'floor' and exists (select 1 from artworks a join locations r on r.id = a.location_id
         where r.path like f.path || '%' and a.last_check_at is not null and a.status = 'in_place') limit 1`,
    )
    .get() as { id: number; path: string };
  const work = sqlite
    .prepare(`select a.id, a.last_check_at as last, a.next_check_due as due from artworks a join locations r on r.id = a.location_id where r.path like ? || '%' and a.last_check_at is not null and a.check_interval_months is null and a.status = 'in_place' limit 1`)
    .get(floor.path) as { id: number; last: string; due: string };
  const curator = await t.as('curator');
  const loc = await curator.get(`/api/locations/${floor.id}`);
  const res = await curator.patch(`/api/locations/${floor.id}`, { checkIntervalMonths: 6 }, { 'if-match': `"${loc.body.version}"` });
  expect(res.status).toBe(200);
  const after = await curator.get(`/api/artworks/${work.id}`);
  const expected = new Date(work.last);
  expected.setUTCMonth(expected.getUTCMonth() + 6);
  expect(String(after.body.nextCheckDue).slice(0, 10)).toBe(expected.toISOString().slice(0, 10));
  expect(after.body.nextCheckDue).not.toBe(work.due);
});
