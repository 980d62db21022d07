import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../tests/helpers/test-app.js';
import { fixtureBytes, importAll, openNorrtalje, snapshot, uploadCsv, type Norrtalje } from './fixtures/collection.js';

let t: TestApp;
let curator: Client;
let place: Norrtalje;
beforeAll(async () => {
  ({ t, curator, place } = await openNorrtalje());
});
afterAll(() => t.close());

const work = async (inv: string) => {
  const found = await curator.get(`/api/artworks?q=${encodeURIComponent(inv)}&limit=1`);
  expect(found.status).toBe(200);
  const hit = found.body.items[0];
  expect(hit?.inventoryNumber).toBe(inv);
  return (await curator.get(`/api/artworks/${hit.id}`)).body;
};

describe('a Swedish Excel file (Windows-1252, semicolons, decimal commas, DD/MM/YYYY)', () => {
  let upload: any;
  let report: any;
  it('is recognised and mapped from its Swedish headers', async () => {
    const res = await uploadCsv(curator, fixtureBytes(), 'Konstregister 2024.csv');
    expect(res.status).toBe(201);
    upload = res.body;
    expect(upload).toMatchObject({ encoding: 'windows-1252', delimiter: ';', fileName: 'Konstregister 2024.csv', previousImports: [] });
    expect(upload.columns[1]).toBe('Titel');
    expect(upload.suggestedMapping).toEqual({
      'Inv.nr': 'inventoryNumber', Titel: 'title', Konstnär: 'artists', Teknik: 'technique', Objekttyp: 'objectType', 'Höjd (cm)': 'heightCm',
      'Bredd (cm)': 'widthCm', Datering: 'datingText', Förvärvsdatum: 'acquisitionDate', Förvärvssätt: 'acquisitionMethod', Inköpspris: 'acquisitionPrice',
      Försäkringsvärde: 'insuranceValue', Status: 'status', Statusnotering: 'statusNote', Placering: 'location', Rumskod: 'locationCode',
      Upphängning: 'mounting', Beskrivning: 'description', Signerad: 'signed',
    });
    expect(upload.sample[0].slice(0, 3)).toEqual(['SLL 1001', 'Vårljus över Årstaviken', 'Åsa Öberg']);
  });

  it('dry run reports what would happen and writes nothing', async () => {
    const before = snapshot(t.db.$client);
    const res = await curator.post(`/api/imports/${upload.id}/dry-run`, { mapping: upload.suggestedMapping, profileName: 'Norrtälje Excel' });
    expect(res.status).toBe(200);
    report = res.body;
    expect(report).toMatchObject({ rows: 8, new: 8, updated: 0, unchanged: 0, errorRows: 0, errorCount: 0, errors: [], fatal: false, artistsToCreate: 7, locationsToCreate: 1 });
    expect(snapshot(t.db.$client)).toBe(before);
    const profiles = await curator.get('/api/import-profiles');
    expect(profiles.body.items).toEqual([expect.objectContaining({ name: 'Norrtälje Excel', mapping: upload.suggestedMapping })]);
  });

  it('commit writes every row with åäö, numbers, dates, artists and places intact, audited as one import', async () => {
    const res = await curator.post(`/api/imports/${upload.id}/commit`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ new: 8, updated: 0, unchanged: 0, skippedRows: 0, artistsCreated: 7, locationsCreated: 2 });
    expect(res.body.import).toMatchObject({ state: 'committed', undoable: true });

    const w1 = await work('SLL 1001');
    expect(w1).toMatchObject({
      title: 'Vårljus över Årstaviken', technique: 'olja på duk', objectType: 'painting', heightCm: 81.5, widthCm: 100, datingText: '1987', yearFrom: 1987, yearTo: 1987,
      acquisitionDate: '1988-03-12', acquisitionMethod: 'purchase', acquisitionPrice: 1_250_000, insuranceValue: 4_500_000, status: 'in_place', mounting: 'wall',
      description: 'Ljus, vatten och båtar; en tidig vår', signed: 'Signerad nedre höger', locationId: place.waitingRoom, siteId: place.site,
    });
    expect(w1.artists.map((a: any) => a.name)).toEqual(['Åsa Öberg']);
    expect(w1.movements[0]).toMatchObject({ reason: 'import', toLocationId: place.waitingRoom, batchId: `import-${upload.id}` });

    const w2 = await work('SLL 1002');
    expect(w2).toMatchObject({ yearFrom: 1960, yearTo: 1960, acquisitionDate: '1961-06-01', acquisitionMethod: 'gift', status: 'in_storage', locationId: null, insuranceValue: 800_000 });
    expect(w2.artists).toEqual([expect.objectContaining({ id: place.gosta, name: 'Gösta Ängström' })]);

    const w3 = await work('SLL 1003');
    expect(w3).toMatchObject({ objectType: 'ceramics', widthCm: 120.75, yearFrom: 1994, yearTo: 1995, acquisitionDate: '1995-01-01', locationId: place.dayRoom });
    expect(w3.artists.map((a: any) => [a.name, a.role])).toEqual([['Märta Ståhlberg', 'artist'], ['Per Ödmark', 'designer']]);

    const w5 = await work('SLL 1005');
    expect(w5.location.pathText).toBe('Oplacerat (import) › Gamla vårdcentralen i Rimbo, rum 3');
    expect((await work('SLL 1006'))).toMatchObject({ status: 'on_loan', statusNote: 'Utlånad till Norrtälje konsthall 2025–2026', mounting: 'free_standing', objectType: 'sculpture' });
    expect((await work('SLL 1007'))).toMatchObject({ status: 'missing', statusNote: 'Saknades vid inventeringen 2023; senast sedd i väntrummet' });
    // The same artist on two rows is one authority record.
    const osa = t.db.$client.prepare("select count(*) from artists where name = 'Åsa Öberg'").pluck().get();
    expect(osa).toBe(1);
    const audit = t.db.$client.prepare("select after from audit_log where entity_type = 'import' and entity_id = ?").pluck().all(upload.id) as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({ fileName: 'Konstregister 2024.csv', fileHash: upload.fileHash, new: 8 });
  });

  it('the event stream of a finished import ends at once with its state', async () => {
    const res = await fetch(`${t.baseUrl}/api/imports/${upload.id}/events`, { headers: { cookie: curator.cookie } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const text = await res.text();
    expect(text).toMatch(/^event: end\ndata: \{.*"state":"committed"/);
  });

  it('the search finds the imported works at once (by title, artist and place)', async () => {
    for (const q of ['Årstaviken', 'Ståhlberg', 'Rimbo']) {
      const res = await curator.get(`/api/artworks?q=${encodeURIComponent(q)}`);
      expect(res.body.total, q).toBeGreaterThan(0);
    }
    const bySite = await curator.get(`/api/artworks?site=${place.site}`);
    expect(bySite.body.total).toBe(4);
  });

  it('importing the same file again changes nothing', async () => {
    const before = snapshot(t.db.$client).replace(/search_changes:.*/, '');
    const again = await uploadCsv(curator, fixtureBytes(), 'Konstregister 2024.csv');
    expect(again.body.previousImports).toEqual([expect.objectContaining({ id: upload.id })]);
    expect(again.body.suggestedProfile).toBe('Norrtälje Excel');
    const dry = await curator.post(`/api/imports/${again.body.id}/dry-run`, {});
    expect(dry.body).toMatchObject({ rows: 8, new: 0, updated: 0, unchanged: 8, errorCount: 0, artistsToCreate: 0, locationsToCreate: 0 });
    const res = await curator.post(`/api/imports/${again.body.id}/commit`, {});
    expect(res.body).toMatchObject({ new: 0, updated: 0, unchanged: 8 });
    const after = snapshot(t.db.$client).replace(/search_changes:.*/, '');
    // Only the import's own audit row is new.
    expect(after.replace(/audit_log:.*/, '')).toBe(before.replace(/audit_log:.*/, ''));
  });
});

describe('updates and undo', () => {
  const found = async (q: string) => {
    const res = await curator.get(`/api/artworks?q=${encodeURIComponent(q)}&limit=50`);
    expect(res.status).toBe(200);
    return (res.body.items as { inventoryNumber: string }[]).map((w) => w.inventoryNumber).sort();
  };
  const csv = (rows: string[]) => ['Inventarienummer,Titel,Objekttyp,Försäkringsvärde (kr),Placering,Konstnär', ...rows].join('\n');
  it('updates matched works by inventory number (any spacing), moves them, and undoes the whole import', async () => {
    const before1001 = await work('SLL 1001');
    const before1004 = await work('SLL 1004');
    const file = csv([
      `sll-1001,Vårljus över Årstaviken (ny titel),målning,50000,Norrtälje sjukhus › Hus A › Plan 2 › Korridor,Åsa Öberg`,
      `SLL1004,Människor i rörelse,grafik,4000,Norrtälje sjukhus › Hus A › Plan 2 › Korridor,Åsa Öberg; Helmer Osslund`,
      `SLL 1010,Helt ny,teckning,,NS-214,Helmer Osslund`,
      `SLL 1011,Också ny,teckning,,Förrådet i Rimbo,`,
    ]);
    const { upload, report, commit } = await importAll(curator, file);
    expect(report).toMatchObject({ new: 2, updated: 2, unchanged: 0, errorCount: 0, artistsToCreate: 1, locationsToCreate: 1 });
    expect(commit.status).toBe(200);
    const w1 = await work('SLL 1001');
    expect(w1).toMatchObject({ inventoryNumber: 'SLL 1001', title: 'Vårljus över Årstaviken (ny titel)', insuranceValue: 5_000_000, locationId: place.corridor });
    expect((await work('SLL 1004')).artists.map((a: any) => a.name)).toEqual(['Åsa Öberg', 'Helmer Osslund']);
    // The commit indexes its works once at the end (not per row): the running server's search sees every change.
    expect(await found('Helt ny')).toEqual(['SLL 1010']);
    expect(await found('Osslund')).toEqual(['SLL 1004', 'SLL 1010']);
    expect(await found('ny titel')).toEqual(['SLL 1001']);
    expect(await found('Korridor Vårljus')).toEqual(['SLL 1001']);

    const undo = await curator.post(`/api/imports/${upload.id}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ removed: 2, restored: 2, import: { state: 'undone', undoable: false } });
    const back = await work('SLL 1001');
    for (const f of ['title', 'insuranceValue', 'locationId', 'siteId', 'status', 'inventoryNumber'] as const) expect(back[f]).toEqual(before1001[f]);
    expect(back.movements.map((m: any) => m.id)).toEqual(before1001.movements.map((m: any) => m.id));
    expect((await work('SLL 1004')).artists).toEqual(before1004.artists);
    expect((await curator.get('/api/artworks?q=SLL%201010')).body.total).toBe(0);
    // …and no longer finds what the undo took away, by title, artist or place.
    expect(await found('Helt ny')).toEqual([]);
    expect(await found('Osslund')).toEqual([]);
    expect(await found('ny titel')).toEqual([]);
    expect(await found('Korridor Vårljus')).toEqual([]);
    expect(await found('Väntrum Vårljus Årstaviken')).toEqual(['SLL 1001']);
    expect(t.db.$client.prepare("select count(*) from artists where name = 'Helmer Osslund'").pluck().get()).toBe(0);
    // The place the import created goes too; the unplaced site stays (an earlier import created it and uses it).
    expect(t.db.$client.prepare("select count(*) from locations where name = 'Förrådet i Rimbo'").pluck().get()).toBe(0);
    expect(t.db.$client.prepare("select count(*) from locations where code = 'OPLACERAT'").pluck().get()).toBe(1);
    expect((await curator.post(`/api/imports/${upload.id}/undo`)).body.code).toBe('import.already_undone');
  });

  it('undo is refused once a work of the import has been edited since (409 naming it)', async () => {
    const { upload, commit } = await importAll(curator, csv(['SLL 1008,Övergång,målning,41000,,']));
    expect(commit.body).toMatchObject({ updated: 1 });
    const w = await work('SLL 1008');
    const edit = await curator.patch(`/api/artworks/${w.id}`, { technique: 'akryl och olja på duk' }, { 'if-match': `"${w.version}"` });
    expect(edit.status).toBe(200);
    expect((await curator.get(`/api/imports/${upload.id}`)).body.undoable).toBe(false);
    const res = await curator.post(`/api/imports/${upload.id}/undo`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'import.records_changed', changedCount: 1, artworks: [{ id: w.id, inventoryNumber: 'SLL 1008' }] });
    expect((await work('SLL 1008')).insuranceValue).toBe(4_100_000);
  });

  it('a change to the catalogue between dry run and commit is seen: the commit checks the file again', async () => {
    const upload = (await uploadCsv(curator, csv(['SLL 1040,Före ändringen,målning,,,']))).body;
    expect((await curator.post(`/api/imports/${upload.id}/dry-run`, {})).body).toMatchObject({ new: 1 });
    // Registered by hand meanwhile: the dry run's "new" would now be a second work with the same number.
    await curator.post('/api/artworks', { inventoryNumber: 'SLL 1040', title: 'Registrerad för hand', objectType: 'painting' });
    const res = await curator.post(`/api/imports/${upload.id}/commit`, {});
    expect(res.body).toMatchObject({ new: 0, updated: 1 });
    expect((await work('SLL 1040')).title).toBe('Före ändringen');
  });

  it('commit refuses a dry run with errors unless skipErrors, then writes only the valid rows', async () => {
    const file = csv(['SLL 1020,Giltig,målning,,,', 'SLL 1021,Ogiltig,oljemålning på duk,,,']);
    const upload = (await uploadCsv(curator, file)).body;
    const dry = await curator.post(`/api/imports/${upload.id}/dry-run`, {});
    expect(dry.body).toMatchObject({ new: 1, errorRows: 1, errors: [{ row: 3, column: 'Objekttyp', value: 'oljemålning på duk', message: expect.stringContaining('Unknown objekttyp') }] });
    const before = snapshot(t.db.$client);
    const refused = await curator.post(`/api/imports/${upload.id}/commit`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('import.has_errors');
    expect(snapshot(t.db.$client)).toBe(before);
    const res = await curator.post(`/api/imports/${upload.id}/commit`, { skipErrors: true });
    expect(res.body).toMatchObject({ new: 1, skippedRows: 1 });
    expect((await curator.get('/api/artworks?q=SLL%201021')).body.total).toBe(0);
    const errorsCsv = await curator.get(`/api/imports/${upload.id}/errors.csv`);
    expect(errorsCsv.text).toContain('3;Objekttyp;oljemålning på duk;');
  });

  it("recomputes the due date of a checked work whose interval the file changes; a new work's stays empty", async () => {
    const admin = await t.as('admin');
    const seen = await importAll(curator, 'Inventarienummer,Titel,Objekttyp,Placering\nSLL 1050,Kontrollerad,målning,NS-214');
    expect(seen.commit.status).toBe(200);
    const id = (await work('SLL 1050')).id;
    expect((await admin.post('/api/condition-checks', { artworkId: id, checkedAt: '2025-01-20', grade: 1 })).status).toBe(201);
    expect((await work('SLL 1050')).nextCheckDue).toBe('2028-01-20');
    const { commit } = await importAll(curator, 'Inventarienummer,Titel,Objekttyp,Placering,Kontrollintervall (månader)\nSLL 1050,Kontrollerad,målning,NS-214,12\nSLL 1051,Ny,målning,NS-214,12');
    expect(commit.body).toMatchObject({ new: 1, updated: 1 });
    expect((await work('SLL 1050')).nextCheckDue).toBe('2026-01-20');
    expect((await work('SLL 1051')).nextCheckDue).toBeNull();
  });
});

describe('who may import', () => {
  it('a viewer cannot upload; a site-limited curator cannot touch other sites or create places', async () => {
    const viewer = await t.as('viewer');
    expect((await uploadCsv(viewer, 'Inventarienummer,Titel\nSLL 1,X\n')).status).toBe(403);
    const limited = await t.as('curator', { siteIds: [place.site] });
    const upload = (await uploadCsv(limited, 'Inventarienummer,Titel,Objekttyp,Placering\nSLL 1030,I Norrtälje,målning,NS-214\nSLL 1031,Utan plats,målning,\nSLL 1032,Okänd plats,målning,Någonstans\n')).body;
    const dry = await limited.post(`/api/imports/${upload.id}/dry-run`, {});
    expect(dry.body).toMatchObject({ new: 1, errorRows: 2 });
    expect(dry.body.errors.map((e: any) => [e.row, e.column])).toEqual([[3, 'Placering'], [4, 'Placering']]);
  });
});
