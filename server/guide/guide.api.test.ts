import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.js';
import { REPORTS_PER_HOUR } from './guide.routes.js';

let t: TestApp;
let offsetMs = 0;
type Work = { id: number; inventoryNumber: string; siteId: number; title: string };
let publicWork: Work;
let closedWork: Work;
let hiddenWork: Work;

beforeAll(async () => {
  t = await startTestApp({ works: 1500, now: () => new Date(Date.now() + offsetMs) });
  const sqlite = t.db.$client;
  const pick = (where: string) => sqlite.prepare(`select id, inventory_number as inventoryNumber, site_id as siteId, title from artworks where ${where} limit 1`).get() as Work;
  publicWork = pick(`is_public = 1 and status = 'in_place' and location_id in (select id from locations where closed_unit = 0 and kind = 'room' and path not in (select path from locations where closed_unit = 1))`);
  sqlite.prepare("update artworks set internal_note = 'SECRET-NOTE-123', insurance_value = 987654321 where id = ?").run(publicWork.id);
  // A public work placed in a closed (psychiatric) unit: the guide must not reveal its room.
  const closedRoom = sqlite.prepare("select r.id, r.name, r.site_id as siteId from locations r where r.kind = 'room' and r.closed_unit = 1 limit 1").get() as { id: number; name: string; siteId: number };
  closedWork = pick(`is_public = 0 and status = 'in_place' and id != ${publicWork.id}`);
  sqlite.prepare("update artworks set is_public = 1, location_id = ?, site_id = ? where id = ?").run(closedRoom.id, closedRoom.siteId, closedWork.id);
  closedWork = { ...closedWork, siteId: closedRoom.siteId };
  (closedWork as Work & { room: string }).room = closedRoom.name;
  hiddenWork = pick(`is_public = 0 and status = 'in_place' and id != ${closedWork.id}`);
});
afterAll(() => t.close());

const get = (url: string) => fetch(t.baseUrl + url, { redirect: 'manual' });

async function reportForm(work: Work) {
  const page = await (await get(`/guide/w/${encodeURIComponent(work.inventoryNumber)}/report`)).text();
  return /name="token" value="([^"]+)"/.exec(page)![1]!;
}

async function postReport(work: Work, fields: Record<string, string>, photo?: { bytes: Uint8Array<ArrayBuffer> | Buffer; name: string; type: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (photo) form.set('photo', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  return fetch(`${t.baseUrl}/guide/w/${encodeURIComponent(work.inventoryNumber)}/report`, { method: 'POST', body: form, redirect: 'manual' });
}

describe('public guide pages', () => {
  it('lists the sites with public works without signing in, as plain HTML without scripts or cookies', async () => {
    const res = await get('/guide');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = await res.text();
    expect(body).not.toMatch(/<script/i);
    expect(body).toContain(`href="/guide/${publicWork.siteId}?lang=sv"`);
  });

  it('shows a public work with its public fields only', async () => {
    const res = await get(`/guide/w/${encodeURIComponent(publicWork.inventoryNumber)}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(publicWork.title.replace(/&/g, '&amp;'));
    expect(body).not.toContain('SECRET-NOTE-123');
    expect(body).not.toMatch(/987\s?654\s?321|9876543/);
    expect(body).toContain('Rapportera skada eller problem');
  });

  it('speaks English when asked', async () => {
    const body = await (await fetch(`${t.baseUrl}/guide`, { headers: { 'accept-language': 'en-GB,en' } })).text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('Places with art');
  });

  it('never names the room of a work in a closed unit', async () => {
    const res = await get(`/guide/w/${encodeURIComponent(closedWork.inventoryNumber)}`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).not.toContain(`· ${(closedWork as Work & { room: string }).room}<`);
  });

  it('answers a guessed URL of a non-public work with 404, the same as an unknown one', async () => {
    const hidden = await get(`/guide/w/${encodeURIComponent(hiddenWork.inventoryNumber)}`);
    const unknown = await get('/guide/w/XYZ999999');
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await hidden.text()).toBe(await unknown.text());
  });

  it('counts page views per site and day, and stores no address of the visitor', async () => {
    const before = (t.db.$client.prepare('select coalesce(sum(views), 0) from guide_views where site_id = ?').pluck().get(publicWork.siteId) as number) ?? 0;
    await get(`/guide/w/${encodeURIComponent(publicWork.inventoryNumber)}`);
    await get(`/guide/${publicWork.siteId}`);
    const after = t.db.$client.prepare('select sum(views) from guide_views where site_id = ?').pluck().get(publicWork.siteId) as number;
    expect(after - before).toBe(2);
    const columns = t.db.$client.prepare("select name from pragma_table_info('guide_views')").pluck().all();
    expect(columns).toEqual(['site_id', 'day', 'views']);
    const everything = JSON.stringify([
      t.db.$client.prepare('select * from guide_views').all(),
      t.db.$client.prepare('select * from damage_reports').all(),
      t.db.$client.prepare("select * from audit_log where entity_type = 'damage_report'").all(),
    ]);
    expect(everything).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
  });
});

describe('damage reports from anyone', () => {
  it('stores a report with a photo for the conservators, who turn it into a condition check', async () => {
    const token = await reportForm(publicWork);
    offsetMs += 5000;
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    const res = await postReport(publicWork, { token, kind: 'damage', description: 'Repa i glaset <script>alert(1)</script>', contact: 'anna@example.se' }, { bytes: photo, name: 'foto.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('reported=1');

    const conservator = await t.as('conservator');
    const queue = await conservator.get('/api/damage-reports');
    const report = queue.body.items.find((r: { artworkId: number }) => r.artworkId === publicWork.id);
    expect(report).toMatchObject({ kind: 'damage', status: 'new', contact: 'anna@example.se' });
    expect(report.description).toBe('Repa i glaset <script>alert(1)</script>');
    expect(report.photo.thumb).toMatch(/^\/media\/[0-9a-f]{64}\/thumb\.webp$/);

    const converted = await conservator.post(`/api/damage-reports/${report.id}/convert`, { grade: 3, damageTypes: ['scratch'], priority: 'soon' }, { 'if-match': `"${report.version}"` });
    expect(converted.status).toBe(200);
    expect(converted.body.status).toBe('converted');
    const check = await conservator.get(`/api/condition-checks/${converted.body.checkId}`);
    expect(check.body).toMatchObject({ artworkId: publicWork.id, grade: 3 });
    const again = await conservator.post(`/api/damage-reports/${report.id}/dismiss`, { note: 'dubbel' }, { 'if-match': `"${converted.body.version}"` });
    expect(again.status).toBe(409);
  });

  it('a conservator limited to another site cannot see or handle the report', async () => {
    const token = await reportForm(publicWork);
    offsetMs += 5000;
    await postReport(publicWork, { token, kind: 'dirty', description: 'Fläckar på duken' });
    const other = t.db.$client.prepare("select id from locations where kind = 'site' and id != ? limit 1").pluck().get(publicWork.siteId) as number;
    const local = await t.as('conservator', { siteIds: [other] });
    const queue = await local.get('/api/damage-reports');
    expect(queue.body.items.filter((r: { artworkId: number }) => r.artworkId === publicWork.id)).toEqual([]);
    const all = await (await t.as('conservator')).get('/api/damage-reports');
    const id = all.body.items.find((r: { artworkId: number }) => r.artworkId === publicWork.id).id;
    expect((await local.get(`/api/damage-reports/${id}`)).status).toBe(403);
  });

  it('shows what was typed back as text, never as markup, when the form has errors', async () => {
    const token = await reportForm(publicWork);
    const res = await postReport(publicWork, { token, kind: 'not-a-kind', description: '<img src=x onerror=alert(1)>' });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('<img src=x');
  });

  it('thanks but stores nothing from a bot that fills the hidden field or posts at once', async () => {
    const count = () => t.db.$client.prepare('select count(*) from damage_reports').pluck().get() as number;
    const before = count();
    const token = await reportForm(publicWork);
    const instant = await postReport(publicWork, { token, kind: 'other', description: 'spam spam spam' });
    expect(instant.status).toBe(303);
    offsetMs += 5000;
    const honeypot = await postReport(publicWork, { token, kind: 'other', description: 'spam spam', website: 'http://spam.example' });
    expect(honeypot.status).toBe(303);
    const forged = await postReport(publicWork, { token: '123.abc', kind: 'other', description: 'spam spam' });
    expect(forged.status).toBe(303);
    expect(count()).toBe(before);
  });

  it('refuses a photo that is not an image, with a 4xx and nothing stored', async () => {
    const count = () => t.db.$client.prepare('select count(*) from damage_reports').pluck().get() as number;
    const before = count();
    const token = await reportForm(publicWork);
    offsetMs += 3600_000 + 5000; // a fresh rate-limit window
    const res = await postReport(publicWork, { token, kind: 'damage', description: 'Se bilden' }, { bytes: new TextEncoder().encode('MZ this is an exe'), name: 'bild.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(415);
    expect(count()).toBe(before);
  });

  it('limits reports from one source to a few per hour with 429', async () => {
    const token = await reportForm(publicWork);
    offsetMs += 3600_000 + 5000; // a fresh hour
    let last = 0;
    for (let i = 0; i <= REPORTS_PER_HOUR; i++) last = (await postReport(publicWork, { token: await reportForm(publicWork), kind: 'other', description: `nummer ${i}` })).status;
    expect(token).toBeTruthy();
    expect(last).toBe(429);
  });

  it('reports the monthly reach per site against a baseline year', async () => {
    const viewer = await t.as('viewer');
    const res = await viewer.get(`/api/guide/reach?site=${publicWork.siteId}&baselineYear=2025`);
    expect(res.status).toBe(200);
    expect(res.body.baselineYear).toBe(2025);
    expect(res.body.totals.recent).toBeGreaterThanOrEqual(2);
    expect(res.body.months[0]).toMatchObject({ siteId: publicWork.siteId });
  });
});
