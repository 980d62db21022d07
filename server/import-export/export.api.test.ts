import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../tests/helpers/test-app.js';
import { fixtureBytes, importAll, openNorrtalje, snapshot, uploadCsv, type Norrtalje } from './fixtures/collection.js';

let t: TestApp;
let curator: Client;
let place: Norrtalje;
let otherSite: number;
beforeAll(async () => {
  ({ t, curator, place } = await openNorrtalje());
  const { commit } = await importAll(curator, fixtureBytes());
  expect(commit.status).toBe(200);
  // Awkward values a round trip must carry: quotes, delimiters, line breaks, a formula-looking title, roles, money in öre.
  const site = await curator.post('/api/locations', { kind: 'site', name: 'Södertälje sjukhus', siteType: 'hospital', lat: 59.19, lon: 17.63 });
  otherSite = site.body.id;
  const b = await curator.post('/api/locations', { kind: 'building', name: 'Hus 2', parentId: otherSite });
  const f = await curator.post('/api/locations', { kind: 'floor', name: 'Plan 0', parentId: b.body.id });
  const room = await curator.post('/api/locations', { kind: 'room', name: 'Entré, "Norra"', parentId: f.body.id, code: 'S-001' });
  const artist = await curator.post('/api/artists', { name: 'Zoë Ørsted-Ålund' });
  const w = await curator.post('/api/artworks', {
    inventoryNumber: 'SLL 2001', title: '=SUMMA(A1) "Citat"; med\nradbrytning', objectType: 'textile', heightCm: 12.25, widthCm: 0.5, depthCm: 0, weightKg: 3.333,
    acquisitionPrice: 123_456, insuranceValue: 99, isPublic: true, publicTextSv: 'Ett verk <för> alla & envar', publicTextEn: "Everyone's", locationId: room.body.id,
    artists: [{ artistId: artist.body.id, role: 'designer' }, { artistId: place.gosta, role: 'after' }], fireClass: 'B-s1,d0', checkIntervalMonths: 18, glazed: true,
  });
  expect(w.status).toBe(201);
});
afterAll(() => t.close());

describe('CSV export', () => {
  it('has exactly the import columns, and export → import changes nothing (round trip)', async () => {
    for (const delimiter of ['comma', 'semicolon']) {
      const res = await curator.get(`/api/exports?format=csv&delimiter=${delimiter}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?konstkoll-\d{4}-\d\d-\d\d\.csv"?/);
      expect(res.headers.get('x-total-count')).toBe('9');
      const sep = delimiter === 'comma' ? ',' : ';';
      expect(res.text.split('\r\n')[0]).toBe(
        [
          'Inventarienummer', 'Titel', 'Konstnär', 'Objekttyp', 'Teknik', 'Material', 'Höjd (cm)', 'Bredd (cm)', 'Djup (cm)', 'Vikt (kg)', 'Datering', 'År från', 'År till', 'Signerad',
          'Påskrift', 'Beskrivning', 'Förvärvssätt', 'Förvärvsdatum', 'Inköpspris (kr)', 'Förvärvad från', 'Diarienummer', 'Försäkringsvärde (kr)', 'Upphovsrätt', 'Status',
          'Statusnotering', 'Avregistreringsdatum', 'Avregistreringsbeslut', 'Avregistreringsskäl', 'Placering', 'Placeringskod', 'Upphängning', 'Fast i byggnad',
          'Stöldskyddad infästning', 'Inglasad', 'Rengörbar', 'Lämplig för psykiatrisk vård', 'Brandklass', 'Oklart ägande', 'Förvärvsuppgifter saknas', 'Mått okända', 'Publik',
          'Publik text (sv)', 'Publik text (en)', 'Intern anteckning', 'Kontrollintervall (månader)',
        ].join(sep),
      );
      // A formula is kept as text for Excel; the import reads it back without the apostrophe.
      expect(res.text).toContain(`"'=SUMMA(A1) ""Citat""; med\nradbrytning"`);
      if (delimiter === 'semicolon') expect(res.text).toContain(';12,25;0,5;0;3,333;');

      // The bytes as a browser saves them: UTF-8 with a BOM (Excel's cue), which fetch's text() hides.
      const raw = new Uint8Array(await (await fetch(`${t.baseUrl}/api/exports?format=csv&delimiter=${delimiter}`, { headers: { cookie: curator.cookie } })).arrayBuffer());
      expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const before = snapshot(t.db.$client).replace(/audit_log:.*/, '');
      const upload = await uploadCsv(curator, raw, `export-${delimiter}.csv`);
      expect(upload.body.delimiter).toBe(sep);
      const dry = await curator.post(`/api/imports/${upload.body.id}/dry-run`, {});
      expect(dry.body).toMatchObject({ rows: 9, new: 0, updated: 0, unchanged: 9, errorCount: 0, artistsToCreate: 0, locationsToCreate: 0 });
      const commit = await curator.post(`/api/imports/${upload.body.id}/commit`, {});
      expect(commit.body).toMatchObject({ new: 0, updated: 0, unchanged: 9 });
      expect(snapshot(t.db.$client).replace(/audit_log:.*/, '')).toBe(before);
    }
  });

  it('exports the current search only, in its order', async () => {
    const res = await curator.get(`/api/exports?format=csv&site=${place.site}&sort=-inventory`);
    const numbers = res.text.split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
    expect(numbers).toEqual(['SLL 1008', 'SLL 1004', 'SLL 1003', 'SLL 1001']);
    expect((await curator.get('/api/exports?format=csv&status=nonsense')).status).toBe(400);
    expect((await curator.get('/api/exports?format=pdf')).body.errors[0].path).toBe('format');
  });

  it('a site-limited user exports only their sites, a viewer may export', async () => {
    const limited = await t.as('viewer', { siteIds: [otherSite] });
    const res = await limited.get('/api/exports?format=json');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(1);
    expect(res.body.items.map((w: any) => w.inventoryNumber)).toEqual(['SLL 2001']);
    const geo = await limited.get('/api/exports?format=geojson');
    expect(geo.body.features.map((f: any) => f.properties.id)).toEqual([otherSite]);
  });
});

describe('JSON, GeoJSON and LIDO', () => {
  it('JSON carries the records with artists, place and image link', async () => {
    const res = await curator.get('/api/exports?format=json&q=SLL%202001');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body.items[0]).toMatchObject({
      inventoryNumber: 'SLL 2001', heightCm: 12.25, acquisitionPrice: 123_456, glazed: true, location: 'Södertälje sjukhus › Hus 2 › Plan 0 › Entré, "Norra"', locationCode: 'S-001',
      siteName: 'Södertälje sjukhus', primaryImage: null,
      artists: [{ name: 'Zoë Ørsted-Ålund', role: 'designer' }, { name: 'Gösta Ängström', role: 'after', birthYear: 1921, deathYear: 1999 }],
    });
  });

  it('GeoJSON gives the sites with their work counts as [lon, lat] points', async () => {
    const res = await curator.get('/api/exports?format=geojson');
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(res.body).toMatchObject({ type: 'FeatureCollection', worksWithoutSite: 3, worksAtSitesWithoutCoordinates: 1 });
    expect(res.body.features).toEqual([
      { type: 'Feature', id: place.site, geometry: { type: 'Point', coordinates: [18.6915, 59.7578] }, properties: { id: place.site, name: 'Norrtälje sjukhus', siteType: 'hospital', municipality: null, count: 4, byStatus: { in_place: 4 } } },
      { type: 'Feature', id: otherSite, geometry: { type: 'Point', coordinates: [17.63, 59.19] }, properties: expect.objectContaining({ count: 1 }) },
    ]);
  });

  it('LIDO 1.1 holds public works only, escaped, with the LIDO structure; all=1 needs catalogue.write', async () => {
    const res = await curator.get('/api/exports?format=lido');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = res.text;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<lido:lidoWrap xmlns:lido="http://www.lido-schema.org"')).toBe(true);
    expect(xml.match(/<lido:lido>/g)).toHaveLength(1);
    expect(xml).toContain('<lido:workID lido:type="inventory number">SLL 2001</lido:workID>');
    expect(xml).toContain('<lido:appellationValue lido:pref="preferred" xml:lang="sv">=SUMMA(A1) &quot;Citat&quot;; med\nradbrytning</lido:appellationValue>');
    expect(xml).toContain('<lido:descriptiveNoteValue xml:lang="sv">Ett verk &lt;för&gt; alla &amp; envar</lido:descriptiveNoteValue>');
    expect(xml).toContain('<lido:roleActor><lido:term xml:lang="en">designer</lido:term></lido:roleActor>');
    expect(xml).toContain('<lido:measurementType>height</lido:measurementType><lido:measurementUnit>cm</lido:measurementUnit><lido:measurementValue>12.25</lido:measurementValue>');
    // The public record never names the room, only the site.
    expect(xml).not.toContain('Entré');
    expect(xml).toContain('<lido:repositoryLocation><lido:namePlaceSet><lido:appellationValue>Södertälje sjukhus</lido:appellationValue>');
    expect(wellFormed(xml)).toBe(true);
    for (const order of [['lidoRecID', 'category', 'descriptiveMetadata', 'administrativeMetadata'], ['objectClassificationWrap', 'objectIdentificationWrap', 'eventWrap'], ['titleWrap', 'repositoryWrap', 'objectDescriptionWrap', 'objectMeasurementsWrap']])
      expect(order.map((e) => xml.indexOf(`<lido:${e}`))).toEqual(order.map((e) => xml.indexOf(`<lido:${e}`)).sort((a, b) => a - b));

    const all = await curator.get('/api/exports?format=lido&all=1');
    expect(all.text.match(/<lido:lido>/g)).toHaveLength(9);
    expect(wellFormed(all.text)).toBe(true);
    const viewer = await t.as('viewer');
    const refused = await viewer.get('/api/exports?format=lido&all=1');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('export.lido_all');
  });
});

/** Tags balance and every entity is one of XML's five (no XML parser in the project). */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  const text = xml.replace(/<[^>]*>/g, '');
  return stack.length === 0 && !/&(?!(amp|lt|gt|quot|apos);)/.test(text) && !/[<>]/.test(text);
}
