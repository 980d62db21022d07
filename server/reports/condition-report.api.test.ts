import fs from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { recordCheck } from '../conditions/conditions.service.js';
import { insertArtwork, insertCollection } from '../conditions/fixtures/collection.js';
import { insertImage } from './fixtures/images.js';

let t: TestApp;
let c: ReturnType<typeof insertCollection>;
let viewer: Client;
let conservator: Client;
let workId: number;
let bare: number;

beforeAll(async () => {
  t = await startTestApp();
  const sqlite = t.db.$client;
  c = insertCollection(sqlite);
  workId = insertArtwork(sqlite, { inv: 'SLL 4711', title: 'Sommarljus över Mälaren', locationId: c.psych.id, acquisitionDate: '1998-04-02' });
  sqlite
    .prepare('update artworks set technique = ?, height_cm = 92, width_cm = 130, dating_text = ?, acquisition_method = ? where id = ?')
    .run('olja på duk', '1997', 'purchase', workId);
  const artistId = Number(sqlite.prepare("insert into artists (name, sort_name, name_key, created_at, updated_at) values ('Märta Åkesson', 'Åkesson, Märta', 'marta akesson', '2020-01-01', '2020-01-01')").run().lastInsertRowid);
  sqlite.prepare('insert into artwork_artists (artwork_id, artist_id, role, position) values (?, ?, ?, 0)').run(workId, artistId, 'artist');
  await insertImage(sqlite, t.deps.config.uploadsDir, { entityType: 'artwork', entityId: workId, role: 'primary', color: '#2f6f8f', label: 'SLL 4711' });
  const now = new Date();
  const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  recordCheck(sqlite, { artworkId: workId, checkedAt: day(900), grade: 1, note: 'Inventering' }, { userId: null, now });
  recordCheck(sqlite, { artworkId: workId, checkedAt: day(400), grade: 2, damageTypes: ['dust'], priority: 'routine', note: 'Dammig ram' }, { userId: null, now });
  const latest = recordCheck(
    sqlite,
    { artworkId: workId, checkedAt: day(5), grade: 3, damageTypes: ['tear', 'loose_fixing'], damageLocation: 'Nedre högra hörnet', recommendedAction: 'Laga revan och byt upphängning', priority: 'urgent', note: 'Revan ca 4 cm', estimatedCost: 600000 },
    { userId: null, now },
  );
  for (const [i, color] of ['#8f2f2f', '#6f6f2f'].entries()) await insertImage(sqlite, t.deps.config.uploadsDir, { entityType: 'condition_check', entityId: latest, role: 'condition', color, label: `Skada ${i + 1}` });
  conservator = await t.as('conservator');
  const tr = await conservator.post('/api/treatments', { artworkId: workId, checkId: latest, description: 'Revlagning med japanpapper, ny upphängning', costEstimate: 600000 });
  expect(tr.status).toBe(201);
  const old = await conservator.post('/api/treatments', { artworkId: workId, description: 'Rengöring av ram', performer: 'contractor', contractorName: 'Ateljé Ytan AB', costEstimate: 150000 });
  for (const to of ['approved', 'in_progress']) expect((await conservator.post(`/api/treatments/${old.body.id}/transition`, { to })).status).toBe(200);
  expect((await conservator.post(`/api/treatments/${old.body.id}/transition`, { to: 'done', workDone: 'Ramen rengjord', costActual: 120000 })).status).toBe(200);
  bare = insertArtwork(sqlite, { inv: 'SLL 4712', title: 'Utan historik', locationId: c.office.id });
  viewer = await t.as('viewer');
});
afterAll(() => t.close());

const pdfText = async (buf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  const { text, total } = await parser.getText();
  await parser.destroy();
  return { text, pages: total };
};
const fetchPdf = async (client: Client, id: number) => {
  const res = await fetch(`${t.baseUrl}/api/artworks/${id}/report.pdf`, { headers: { cookie: client.cookie } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
};

describe('the condition report PDF', () => {
  it('holds the record, the latest check, the history and the treatments, and renders in under a second', async () => {
    await fetchPdf(viewer, workId); // warm up fonts and sharp
    const start = performance.now();
    const res = await fetchPdf(viewer, workId);
    const ms = performance.now() - start;
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toBe('inline; filename="tillstandsrapport-SLL4711.pdf"');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(ms).toBeLessThan(1000);
    if (process.env.KK_REPORT_OUT) fs.writeFileSync(process.env.KK_REPORT_OUT, res.body);
    const { text } = await pdfText(res.body);
    for (const s of ['SLL 4711', 'Sommarljus över Mälaren', 'Märta Åkesson', 'Skick: 3 · Dåligt', 'Senaste kontroll', 'Kontrollhistorik', 'Behandlingar', 'reva, lös infästning', 'Brådskande', 'Laga revan och byt upphängning', 'Ateljé Ytan AB', '1 200 kr', 'Testsjukhuset › Hus A › Plan 2', 'Sida 1 av'])
      expect(text).toContain(s);
    expect(text).toMatch(/Kontrollintervall\s+12 månader/);
    // Three checks in the history table.
    expect(text.match(/\d · (Gott|Godtagbart|Dåligt)/g)!.length).toBeGreaterThanOrEqual(4);
  });

  it('a work with no checks, treatments or image still gets a clear report', async () => {
    const res = await fetchPdf(viewer, bare);
    expect(res.status).toBe(200);
    const { text, pages } = await pdfText(res.body);
    expect(pages).toBe(1);
    expect(text).toContain('Skick: ej bedömt');
    expect(text).toContain('Verket har inte kontrollerats ännu.');
    expect(text).toContain('Ingen bild');
    expect(text).toContain('Sida 1 av 1');
  });

  it('a long history runs over pages, with page numbers on each', async () => {
    const sqlite = t.db.$client;
    const id = insertArtwork(sqlite, { inv: 'SLL 4713', locationId: c.office.id, acquisitionDate: '1980-01-01' });
    for (let i = 60; i > 0; i--) recordCheck(sqlite, { artworkId: id, checkedAt: new Date(Date.now() - i * 40 * 86_400_000).toISOString(), grade: (i % 4) + 1, note: `Kontroll nummer ${61 - i}` }, { userId: null, now: new Date() });
    const res = await fetchPdf(viewer, id);
    const { text, pages } = await pdfText(res.body);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Sida ${pages} av ${pages}`);
    expect(text).toContain('Kontroll nummer 1');
    expect(text).toContain('Kontroll nummer 60');
  });

  it('is refused for other sites, unknown works and signed-out callers', async () => {
    const limited = await t.as('viewer', { siteIds: [c.station.id] });
    expect((await fetchPdf(limited, workId)).status).toBe(403);
    expect((await fetchPdf(viewer, 999999)).status).toBe(404);
    expect((await fetchPdf(t.anonymous(), workId)).status).toBe(401);
  });
});

describe('the timeline', () => {
  it('lists checks, treatment steps, movements and status changes newest first', async () => {
    const res = await viewer.get(`/api/artworks/${workId}/timeline`);
    expect(res.status).toBe(200);
    const items = res.body.items as { type: string; at: string; step?: string; grade?: number; to?: string; via?: string }[];
    const ats = items.map((i) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(items.filter((i) => i.type === 'check').map((i) => i.grade)).toEqual([3, 2, 1]);
    expect(items.filter((i) => i.type === 'treatment').map((i) => i.step).sort()).toEqual(['approved', 'done', 'in_progress', 'proposed', 'proposed']);
    // The contractor's treatment took the work to the studio and back: two movements, two status changes.
    expect(items.filter((i) => i.type === 'movement')).toHaveLength(2);
    expect(items.filter((i) => i.type === 'status').map((i) => [i.to, i.via])).toEqual([
      ['in_place', 'movement'],
      ['in_conservation', 'movement'],
    ]);
    expect(items.at(-1)).toMatchObject({ type: 'acquisition', at: '1998-04-02', method: 'purchase' });
  });

  it('can be narrowed to some types, and refuses unknown ones', async () => {
    const res = await viewer.get(`/api/artworks/${workId}/timeline?types=check,movement`);
    expect(new Set(res.body.items.map((i: { type: string }) => i.type))).toEqual(new Set(['check', 'movement']));
    const bad = await viewer.get(`/api/artworks/${workId}/timeline?types=check,gossip`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/^types/);
  });

  it('is refused for other sites and unknown works', async () => {
    const limited = await t.as('viewer', { siteIds: [c.station.id] });
    expect((await limited.get(`/api/artworks/${workId}/timeline`)).status).toBe(403);
    expect((await viewer.get('/api/artworks/999999/timeline')).status).toBe(404);
  });
});
