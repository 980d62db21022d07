// Shared set-up of the field-app browser tests: a round of exactly N works for the browser's user,
// with real pictures and floor plans, and helpers to reach into the app's shadow DOM.
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { drawDemoPlan } from '../../server/map/floorplan-render.js';
import type { Client, TestApp } from '../helpers/test-app.js';

/**
 * Locations of one site whose expected works add up to exactly `n`: whole floors (largest first)
 * while they fit, then rooms of the other floors for the rest (subset sum over room counts).
 */
export function roomsForExactly(app: TestApp, n: number): { siteId: number; roomIds: number[] } {
  const sqlite = app.db.$client;
  const rows = sqlite
    .prepare(
      `select l.site_id as siteId, l.parent_id as floorId, l.id, count(*) as n from artworks a join locations l on l.id = a.location_id
        join locations f on f.id = l.parent_id and f.kind = 'floor' and f.active = 1
        where a.status in ('in_place', 'in_storage') and l.kind = 'room' and l.active = 1
          and not exists (select 1 from artworks x where x.location_id = f.id and x.status in ('in_place', 'in_storage'))
        group by l.id order by l.site_id, l.id`,
    )
    .all() as { siteId: number; floorId: number; id: number; n: number }[];
  const bySite = new Map<number, typeof rows>();
  for (const r of rows) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r]);
  for (const [siteId, rooms] of [...bySite].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    const floors = new Map<number, number>();
    for (const r of rooms) floors.set(r.floorId, (floors.get(r.floorId) ?? 0) + r.n);
    const chosen: number[] = [];
    let total = 0;
    for (const [floorId, count] of [...floors].sort((a, b) => b[1] - a[1] || a[0] - b[0]))
      if (total + count <= n - 5) (chosen.push(floorId), (total += count));
    const rest = rooms.filter((r) => !chosen.includes(r.floorId)).sort((a, b) => b.n - a.n || a.id - b.id);
    const need = n - total;
    // reach[s] = the room that first reached sum s and the sum before it (walk back to list the rooms).
    const reach = new Map<number, { room: number; prev: number }>([[0, { room: -1, prev: -1 }]]);
    rest.forEach((room, i) => {
      for (const s of [...reach.keys()].sort((a, b) => b - a)) if (s + room.n <= need && !reach.has(s + room.n)) reach.set(s + room.n, { room: i, prev: s });
    });
    if (!reach.has(need)) continue;
    const roomIds: number[] = [...chosen];
    for (let s = need; s > 0; s = reach.get(s)!.prev) roomIds.push(rest[reach.get(s)!.room]!.id);
    if (roomIds.length <= 200) return { siteId, roomIds };
  }
  throw new Error(`no site has locations adding up to ${n} works`);
}
const sum = (l: { n: number }[]) => l.reduce((a, r) => a + r.n, 0);

/** The signed-in browser user's id (rounds are planned for them). */
export const browserUserId = (page: Page) => page.evaluate(async () => (await (await fetch('/api/session')).json()).user.id as number);

/** Plans a round of exactly `n` works assigned to the browser's user; draws the floor plans and gives some works a picture. */
export async function planRound(app: TestApp, planner: Client, assigneeId: number, n: number, opts: { pictures?: number; name?: string } = {}) {
  const { roomIds } = roomsForExactly(app, n);
  const res = await planner.post('/api/rounds', { locationIds: roomIds, dueDate: '2026-12-31', name: opts.name ?? `Runda ${n} verk`, assigneeId });
  if (res.status !== 201) throw new Error(`planning failed: ${res.status} ${JSON.stringify(res.body)}`);
  const sqlite = app.db.$client;
  const floors = sqlite
    .prepare(
      `select distinct f.id, f.name, b.name as buildingName, s.name as siteName from locations r join locations f on f.id = r.parent_id and f.kind = 'floor'
         join locations b on b.id = f.parent_id join locations s on s.id = f.site_id where r.id in (select value from json_each(?)) and f.floor_plan_media_id is null`,
    )
    .all(JSON.stringify(roomIds)) as { id: number; name: string; buildingName: string; siteName: string }[];
  for (const f of floors) await drawDemoPlan(app.deps, f);
  for (const item of res.body.items.slice(0, opts.pictures ?? 0)) {
    const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 40 + ((item.id * 37) % 200), g: 90, b: 140 } } }).png().toBuffer();
    const form = new FormData();
    form.set('entityType', 'artwork');
    form.set('entityId', String(item.work.id));
    form.set('role', 'primary');
    form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'verk.png');
    const up = await planner.post('/api/media', form);
    if (up.status !== 201) throw new Error(`picture upload failed: ${up.status} ${JSON.stringify(up.body)}`);
  }
  await waitForMedia(app);
  return (await planner.get(`/api/rounds/${res.body.id}`)).body as {
    id: number;
    items: { id: number; work: { id: number; inventoryNumber: string; thumbnailUrl: string | null }; expectedLocation: { id: number } }[];
  };
}

async function waitForMedia(app: TestApp) {
  const pending = app.db.$client.prepare("select count(*) from media where state = 'pending'").pluck();
  const until = Date.now() + 60_000;
  while ((pending.get() as number) > 0) {
    if (Date.now() > until) throw new Error('media derivatives not ready after 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The round page and its rows (Playwright's CSS locators pierce the open shadow roots). */
export const rows = (page: Page) => page.locator('kk-round-page kk-work-row');
/** Works still to check, in the order shown (the next one first). */
export const todoRows = (page: Page) => page.locator('kk-round-page kk-work-row[data-outcome=pending]');

/** Waits until the service worker controls the page (its cache then holds the app shell). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}
