// The collection reports on the demo collection: each renders, the PDF read back holds the works and
// sums, the CSV parsed back matches the records, thumbnails are embedded, and site limits hold.
import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { derivativePath } from '../media/media.store.js';
import { jpeg } from '../media/fixtures/images.js';
import { eventually, upload } from '../media/fixtures/upload-helpers.js';

const NOW = new Date('2026-11-01T10:00:00Z');
let t: TestApp;
let curator: Client;
/** A hospital of the demo and one of its buildings. */
let site: { id: number; name: string; works: number };
let building: { id: number; name: string };
let imaged: { id: number; inventoryNumber: string };

const sql = <T = number>(q: string, ...p: unknown[]) => t.db.$client.prepare(q).pluck().get(...p) as T;
const rows = <T>(q: string, ...p: unknown[]) => t.db.$client.prepare(q).all(...p) as T[];

async function download(c: Client, url: string) {
  const started = performance.now();
  const res = await fetch(t.baseUrl + url, { headers: { cookie: c.cookie } });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', buf, ms: performance.now() - started, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(buf.toString()) : null };
}
async function pdfText(buf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  const r = await parser.getText();
  await parser.destroy();
  // pdf.js may split a line into runs; collapse whitespace so phrases can be found.
  return { text: r.text.replace(/\s+/g, ' '), pages: r.total };
}
const csv = (buf: Buffer) => {
  expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(buf.subarray(3), { columns: true }) as Record<string, string>[];
};

beforeAll(async () => {
  t = await startTestApp({ works: 1500, now: () => NOW });
  curator = await t.as('curator');
  site = t.db.$client
    .prepare("select s.id, s.name, count(*) as works from artworks a join locations s on s.id = a.site_id where a.status <> 'deaccessioned' and s.site_type = 'hospital' group by s.id order by works desc limit 1")
    .get() as typeof site;
  building = t.db.$client.prepare("select id, name from locations where parent_id = ? and kind = 'building' and exists (select 1 from artworks a join locations l on l.id = a.location_id where l.path like locations.path || '%' and a.status <> 'deaccessioned') order by id limit 1").get(site.id) as typeof building;
  imaged = t.db.$client.prepare("select a.id, a.inventory_number as inventoryNumber from artworks a join locations l on l.id = a.location_id where l.path like (select path from locations where id = ?) || '%' and a.status = 'in_place' order by a.id limit 1").get(building.id) as typeof imaged;
  const res = await upload(curator, { entityType: 'artwork', entityId: imaged.id, role: 'primary' }, { name: 'verk.jpg', data: await jpeg(640, 480, '#3a6ea5'), type: 'image/jpeg' });
  expect(res.status).toBe(201);
  const sha = sql<string>('select m.sha256 from media m join media_links l on l.media_id = m.id where l.entity_id = ? and l.entity_type = ?', imaged.id, 'artwork');
  expect(await eventually(() => fs.existsSync(derivativePath(t.deps.config.uploadsDir, sha, 'thumb')))).toBe(true);
}, 120_000);
afterAll(() => t?.close());

describe('inventory list', () => {
  it('lists every work of a hospital in the PDF, grouped by building › floor › room, with thumbnails, within 5 s', async () => {
    const r = await download(curator, `/api/reports/inventory.pdf?location=${site.id}`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.disposition).toMatch(/^inline; filename="inventarielista-.*\.pdf"$/);
    expect(r.ms).toBeLessThan(5000);
    console.info(`inventory.pdf for ${site.name} (${site.works} works): ${Math.round(r.ms)} ms, ${r.buf.length} bytes (loaded machine)`);
    const { text, pages } = await pdfText(r.buf);
    expect(text).toContain(`Inventarielista ${site.name}`);
    expect(text).toContain(`${site.works} verk`);
    expect(pages).toBeGreaterThan(Math.floor(site.works / 20));
    const expected = rows<{ inventoryNumber: string; building: string; floor: string; room: string }>(
      `select a.inventory_number as inventoryNumber, b.name as building, f.name as floor, r.name as room from artworks a
         join locations r on r.id = a.location_id join locations f on f.id = r.parent_id join locations b on b.id = f.parent_id
        where a.site_id = ? and a.status <> 'deaccessioned'`,
      site.id,
    );
    expect(expected.length).toBe(site.works);
    for (const w of expected) expect(text, w.inventoryNumber).toContain(w.inventoryNumber);
    const first = expected[0]!;
    expect(text).toContain(`${first.building} › ${first.floor} › ${first.room}`);
    // One embedded image: the thumbnail of the work with a picture.
    expect(r.buf.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBe(1);
  });

  it('gives the same works as CSV, in building › floor › room order', async () => {
    const r = await download(curator, `/api/reports/inventory.csv?location=${building.id}`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/csv; charset=utf-8');
    const list = csv(r.buf);
    const expected = rows<{ inventoryNumber: string }>(
      `select a.inventory_number as inventoryNumber from artworks a join locations l on l.id = a.location_id
        where l.path like (select path from locations where id = ?) || '%' and a.status <> 'deaccessioned'`,
      building.id,
    );
    expect(list.map((x) => x.inventarienummer).sort()).toEqual(expected.map((x) => x.inventoryNumber).sort());
    expect(new Set(list.map((x) => x.byggnad))).toEqual(new Set([building.name]));
    const keys = list.map((x) => [x.plan, x.rum]);
    const coll = new Intl.Collator('sv', { numeric: true });
    const sorted = [...keys].sort((a, b) => coll.compare(a[0]!, b[0]!) || coll.compare(a[1]!, b[1]!));
    expect(keys).toEqual(sorted);
    const row = list.find((x) => x.inventarienummer === imaged.inventoryNumber)!;
    expect(row.status).toBe('På plats');
  });
});

describe('insurance values and condition by site', () => {
  it('sums insurance values per site (öre in the CSV, kronor in the PDF)', async () => {
    const list = csv((await download(curator, '/api/reports/insurance.csv')).buf);
    const total = sql("select sum(insurance_value) from artworks where status <> 'deaccessioned'");
    expect(list.reduce((s, x) => s + Number(x['försäkringsvärde_öre']), 0)).toBe(total);
    const mine = list.find((x) => Number(x.plats_id) === site.id)!;
    expect(Number(mine.verk)).toBe(site.works);
    expect(mine['försäkringsvärde_sek']).toBe((Number(mine['försäkringsvärde_öre']) / 100).toFixed(2));
    const { text } = await pdfText((await download(curator, '/api/reports/insurance.pdf')).buf);
    const kr = `${new Intl.NumberFormat('sv-SE').format(Math.round(total / 100)).replace(/\s/g, ' ')} kr`;
    expect(text).toContain('Försäkringsvärden per plats');
    expect(text).toContain(`Totalt ${sql("select count(*) from artworks where status <> 'deaccessioned'").toLocaleString('sv-SE').replace(/\s/g, ' ')}`);
    expect(text).toContain(kr);
    expect(text).toContain(site.name);
  });

  it('summarises condition per site: grades, never checked, overdue, checked in 12 months', async () => {
    const list = csv((await download(curator, '/api/reports/condition.csv')).buf);
    const mine = list.find((x) => Number(x.plats_id) === site.id)!;
    const checkable = "status in ('in_place','in_storage','on_loan') and site_id = ?";
    expect(Number(mine.skick_3)).toBe(sql(`select count(*) from artworks where ${checkable} and last_grade = 3`, site.id));
    expect(Number(mine.aldrig_kontrollerade)).toBe(sql(`select count(*) from artworks where ${checkable} and last_check_at is null`, site.id));
    expect(Number(mine['försenade'])).toBe(sql(`select count(*) from artworks where ${checkable} and next_check_due < '2026-11-01'`, site.id));
    expect(Number(mine['kontrollerade_12_mån'])).toBe(sql(`select count(*) from artworks where ${checkable} and last_check_at >= '2025-11-01'`, site.id));
    const { text } = await pdfText((await download(curator, '/api/reports/condition.pdf')).buf);
    expect(text).toContain('Skick per plats');
    expect(text).toContain(site.name);
  });
});

describe('works of an artist', () => {
  it('lists every work of the artist in the PDF and the CSV', async () => {
    const artist = t.db.$client.prepare('select ar.id, ar.name from artists ar join artwork_artists x on x.artist_id = ar.id group by ar.id order by count(*) desc limit 1').get() as { id: number; name: string };
    const works = rows<{ inventoryNumber: string; title: string }>('select a.inventory_number as inventoryNumber, a.title from artworks a join artwork_artists x on x.artwork_id = a.id where x.artist_id = ?', artist.id);
    const list = csv((await download(curator, `/api/reports/artist/${artist.id}.csv`)).buf);
    expect(list.map((x) => x.inventarienummer).sort()).toEqual(works.map((w) => w.inventoryNumber).sort());
    const r = await download(curator, `/api/reports/artist/${artist.id}.pdf`);
    expect(r.status).toBe(200);
    const { text } = await pdfText(r.buf);
    expect(text).toContain(`Verk av ${artist.name}`);
    for (const w of works) expect(text).toContain(w.inventoryNumber);
  });
});

describe('access and bad input', () => {
  it('keeps a site-limited user to their own sites', async () => {
    const other = sql<number>("select site_id from artworks where site_id <> ? and status <> 'deaccessioned' group by site_id order by count(*) desc limit 1", site.id);
    const limited = await t.as('viewer', { siteIds: [site.id] });
    expect((await download(limited, `/api/reports/inventory.pdf?location=${other}`)).status).toBe(403);
    expect((await download(limited, `/api/reports/inventory.csv?location=${building.id}`)).status).toBe(200);
    expect(csv((await download(limited, '/api/reports/insurance.csv')).buf).map((x) => Number(x.plats_id))).toEqual([site.id]);
    expect(csv((await download(limited, '/api/reports/condition.csv')).buf).map((x) => Number(x.plats_id))).toEqual([site.id]);
    expect((await download(limited, `/api/reports/condition.pdf?site=${other}`)).status).toBe(403);
    const artist = sql<number>('select x.artist_id from artwork_artists x join artworks a on a.id = x.artwork_id where a.site_id = ? group by x.artist_id order by count(*) desc limit 1', other);
    for (const w of csv((await download(limited, `/api/reports/artist/${artist}.csv`)).buf)) expect((w.placering ?? '').startsWith(site.name) || !w.placering).toBe(true);
    expect((await download(t.anonymous(), '/api/reports/insurance.csv')).status).toBe(401);
  });

  it.each([
    ['/api/reports/inventory.pdf', 400, 'location'],
    ['/api/reports/inventory.csv?location=abc', 400, 'location'],
    ['/api/reports/inventory.pdf?location=1&format=x', 400, 'format'],
    ['/api/reports/insurance.pdf?site=abc', 400, 'site'],
    ['/api/reports/condition.csv?site=999999', 400, 'site'],
    ['/api/reports/inventory.pdf?location=999999', 404, null],
    ['/api/reports/artist/999999.pdf', 404, null],
    ['/api/reports/artist/abc.csv', 400, 'id'],
  ])('%s answers %i naming the field', async (url, status, field) => {
    const r = await download(curator, url);
    expect(r.status).toBe(status);
    expect(r.type).toContain('application/problem+json');
    if (field) expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});
