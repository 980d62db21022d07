import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { busiest } from '../rounds/rounds.test-helpers.js';
import { LABEL_LAYOUTS } from './labels.schema.js';

// jsqr is CommonJS with an ES-style default in its types: at run time the function may sit on .default.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

let t: TestApp;
let viewer: Client;
let sqlite: import('better-sqlite3').Database;

beforeAll(async () => {
  t = await startTestApp({ works: 2000 });
  sqlite = t.db.$client;
  viewer = await t.as('viewer');
});
afterAll(() => t.close());

async function getPdf(c: Client, url: string) {
  const res = await fetch(t.baseUrl + url, { headers: { cookie: c.cookie } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { res, buf };
}

async function pdfText(buf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  const r = await parser.getText();
  await parser.destroy();
  return { text: r.text, pages: r.total };
}

/** Renders page 1 with poppler and decodes the QR code inside the given label rectangle (mm). */
async function decodeQr(buf: Buffer, rect: { x: number; y: number; w: number; h: number }, dpi = 150): Promise<string | null> {
  const dir = fs.mkdtempSync(path.join(t.dir, 'render-'));
  fs.writeFileSync(path.join(dir, 'l.pdf'), buf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'l.pdf'), path.join(dir, 'page')]);
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const { data, info } = await sharp(path.join(dir, 'page.png'))
    .extract({ left: px(rect.x), top: px(rect.y), width: px(rect.w), height: px(rect.h) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

const worksIn = (locationPath: string) =>
  sqlite
    .prepare(`select a.id, a.inventory_number as n from artworks a join locations l on l.id = a.location_id where l.path >= ? and l.path < ? and a.status <> 'deaccessioned'`)
    .all(locationPath, locationPath.slice(0, -1) + '0') as { id: number; n: string }[];

describe('QR label sheets', () => {
  it('prints a 3×8 sheet for a floor: every work once, and the QR code decodes to the short work URL', async () => {
    const floor = busiest(sqlite, 'floor', { min: 30 })[0]!;
    const works = worksIn(floor.path);
    const { res, buf } = await getPdf(viewer, `/api/labels.pdf?location=${floor.id}&layout=3x8`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Number(res.headers.get('x-label-count'))).toBe(works.length);
    const { text, pages } = await pdfText(buf);
    expect(pages).toBe(Math.ceil(works.length / 24));
    for (const w of works) expect(text).toContain(w.n);

    // The first label: 70 × 36 mm at the sheet's top left (4.5 mm top margin).
    const L = LABEL_LAYOUTS['3x8'];
    const url = await decodeQr(buf, { x: L.left, y: L.top, w: L.height, h: L.height });
    expect(url).toMatch(new RegExp(`^${t.baseUrl}/w/SLL\\d+$`));
    const number = decodeURIComponent(url!.split('/w/')[1]!);
    const work = sqlite.prepare(`select id from artworks where replace(inventory_number, ' ', '') = ?`).pluck().get(number) as number;
    expect(works.map((w) => w.id)).toContain(work);

    // That URL opens the record for staff and the guide for everyone else.
    const staff = await viewer.get(new URL(url!).pathname);
    expect(staff.status).toBe(302);
    expect(staff.headers.get('location')).toBe(`/works/${work}`);
    const visitor = await t.anonymous().get(new URL(url!).pathname);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get('location')).toBe(`/guide/w/${number}`);
  });

  it('2×7 (L7163) starting at position 13 fills the half-used sheet first, then a new one', async () => {
    const ids = (sqlite.prepare(`select id from artworks where status = 'in_place' order by id limit 5`).pluck().all() as number[]).join(',');
    const { res, buf } = await getPdf(viewer, `/api/labels.pdf?works=${ids}&layout=2x7&start=13`);
    expect(res.status).toBe(200);
    const { pages } = await pdfText(buf);
    expect(pages).toBe(2);
    // Position 13 is the left label of the last row: 15.15 mm + 6 × 38.1 mm down, 4.65 mm in.
    const L = LABEL_LAYOUTS['2x7'];
    const url = await decodeQr(buf, { x: L.left, y: L.top + 6 * L.pitchY, w: L.height, h: L.height });
    const first = sqlite.prepare('select inventory_number from artworks where id = ?').pluck().get(Number(ids.split(',')[0])) as string;
    expect(url).toBe(`${t.baseUrl}/w/${first.replace(/\s+/g, '')}`);
    // …and the first position is left empty.
    expect(await decodeQr(buf, { x: L.left, y: L.top, w: L.height, h: L.height })).toBeNull();
  });

  it.each([
    ['neither location nor works', '', 'location'],
    ['an unknown layout', 'location=1&layout=4x4', 'layout'],
    ['a start past the sheet', 'location=1&layout=2x7&start=15', 'start'],
    ['a start of 0', 'location=1&start=0', 'start'],
    ['a work id that is not a number', 'works=12,abc', 'works'],
    ['an unknown parameter', 'location=1&color=red', 'color'],
  ])('refuses %s with 400 naming the field', async (_n, query, field) => {
    const res = await viewer.get(`/api/labels.pdf?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: any) => e.path).join(' ')).toContain(field);
  });

  it('refuses unknown and deaccessioned works, unknown and empty places (422)', async () => {
    const deacc = sqlite.prepare(`select id from artworks where status = 'deaccessioned' limit 1`).pluck().get() as number;
    const ok = sqlite.prepare(`select id from artworks where status = 'in_place' limit 1`).pluck().get() as number;
    const bad = await viewer.get(`/api/labels.pdf?works=${ok},99999999,${deacc}`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(['works.1', 'works.2']);
    expect((await viewer.get('/api/labels.pdf?location=99999999')).body.code).toBe('labels.unknown_location');
    const curator = await t.as('curator');
    const floor = busiest(sqlite, 'floor')[0]!;
    const room = await curator.post('/api/locations', { kind: 'room', name: 'Nytt rum', parentId: floor.id });
    const empty = await viewer.get(`/api/labels.pdf?location=${room.body.id}`);
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('labels.empty');
  });

  it("a site-limited user prints only her sites' labels", async () => {
    const [home, other] = busiest(sqlite, 'site', { siteType: 'hospital', min: 5 });
    const local = await t.as('conservator', { siteIds: [home!.siteId] });
    expect((await getPdf(local, `/api/labels.pdf?location=${home!.id}`)).res.status).toBe(200);
    const denied = await local.get(`/api/labels.pdf?location=${other!.id}`);
    expect(denied.status).toBe(403);
    const otherWork = worksIn(other!.path)[0]!.id;
    expect((await local.get(`/api/labels.pdf?works=${otherWork}`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/labels.pdf?location=${home!.id}`)).status).toBe(401);
  });
});

describe('/w/:inventoryNumber', () => {
  it('matches the number however it is typed (case, spaces, dashes)', async () => {
    const w = sqlite.prepare(`select id, inventory_number as n from artworks where inventory_number like 'SLL %' limit 1`).get() as { id: number; n: string };
    for (const typed of [w.n, w.n.replace(' ', ''), w.n.toLowerCase().replace(' ', '-')]) {
      const res = await viewer.get(`/w/${encodeURIComponent(typed)}`);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/works/${w.id}`);
      expect(res.headers.get('cache-control')).toMatch(/no-store/);
    }
  });

  it('an unknown number is a friendly 404 page for staff that never echoes markup', async () => {
    const res = await viewer.get(`/w/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.text).toContain('Verket hittades inte');
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('&lt;script&gt;');
    expect((await viewer.get('/w/SLL9999999')).status).toBe(404);
  });

  it('visitors are sent to the guide alike for known and unknown numbers (no way to probe which exist)', async () => {
    const n = sqlite.prepare(`select inventory_number from artworks where inventory_number like 'SLL %' limit 1`).pluck().get() as string;
    const typed = n.replace(' ', '');
    const known = await t.anonymous().get(`/w/${typed}`);
    const unknown = await t.anonymous().get('/w/SLL9999999');
    expect([known.status, known.headers.get('location')]).toEqual([302, `/guide/w/${typed}`]);
    expect([unknown.status, unknown.headers.get('location')]).toEqual([302, '/guide/w/SLL9999999']);
    // The guide itself then shows the public page or its own 404.
    expect((await t.anonymous().get('/guide/w/SLL9999999')).status).toBe(404);
  });
});

describe('PUBLIC_URL', () => {
  it('puts the configured public origin in the QR codes instead of the request host', async () => {
    const app = await startTestApp({ works: 100, env: { PUBLIC_URL: 'https://konst.example.se/' } });
    try {
      const c = await app.as('viewer');
      const id = app.db.$client.prepare(`select id from artworks where status = 'in_place' limit 1`).pluck().get() as number;
      const res = await fetch(`${app.baseUrl}/api/labels.pdf?works=${id}`, { headers: { cookie: c.cookie } });
      const buf = Buffer.from(await res.arrayBuffer());
      const url = await decodeQr(buf, { x: 0, y: 4.5, w: 36, h: 36 });
      expect(url).toMatch(/^https:\/\/konst\.example\.se\/w\/SLL\d+$/);
    } finally {
      await app.close();
    }
  });
});
