import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeNorrtalje, snapshot, uploadCsv } from './fixtures/collection.js';

let t: TestApp;
let curator: Client;
beforeAll(async () => {
  t = await startTestApp();
  curator = await t.as('curator');
  await makeNorrtalje(curator);
  // One work already in the collection, so updates are in play too.
  const res = await curator.post('/api/artworks', { inventoryNumber: 'SLL 500', title: 'Befintlig', objectType: 'print' });
  expect(res.status).toBe(201);
});
afterAll(() => t.close());

const HEADER = 'Inventarienummer,Titel,Objekttyp,Höjd (cm),Status';

type Case = { name: string; csv: string; errors: { row: number; column: string | null; value?: string | null; message: RegExp }[]; fatal?: boolean };

const cases: Case[] = [
  {
    name: 'duplicate inventory numbers inside the file (any spelling)',
    csv: `${HEADER}\nSLL 600,Ett,målning,,\nSLL 601,Två,målning,,\nSLL600,Tre,målning,,\n`,
    errors: [
      { row: 2, column: 'Inventarienummer', value: 'SLL 600', message: /rows 2, 4/ },
      { row: 4, column: 'Inventarienummer', value: 'SLL600', message: /rows 2, 4/ },
    ],
  },
  {
    name: 'unknown status words',
    csv: `${HEADER}\nSLL 610,Ett,målning,,på vift\nSLL 611,Två,målning,,i magasin\n`,
    errors: [{ row: 2, column: 'Status', value: 'på vift', message: /Unknown status: "på vift" \(use one of: på plats, i magasin/ }],
  },
  {
    name: 'text in a number column',
    csv: `${HEADER}\nSLL 620,Ett,målning,ca 40,\nSLL 621,Två,målning,"40,5",\n`,
    errors: [{ row: 2, column: 'Höjd (cm)', value: 'ca 40', message: /Not a number: "ca 40"/ }],
  },
  {
    name: 'a row with more columns than the header',
    csv: `${HEADER}\nSLL 630,Ett,målning,12,\nSLL 631,Två, tre,målning,12,\n`,
    errors: [{ row: 3, column: 'column 6', value: '', message: /6 values but the header has 5 columns/ }],
  },
  {
    name: 'a quote left open at the end of the file',
    csv: `${HEADER}\nSLL 640,Ett,målning,12,\nSLL 641,"Två,målning,12,\nSLL 642,Tre,målning,12,\n`,
    errors: [{ row: 3, column: 'Titel', message: /quote opened in this cell is never closed/ }],
    fatal: true,
  },
  {
    name: 'a new work without a title (and one with a rule broken: a year 20 230)',
    csv: `Inventarienummer,Objekttyp,År från\nSLL 650,målning,1970\nSLL 500,grafik,20230\n`,
    errors: [
      { row: 2, column: null, message: /Titel is required for a new work: map a column to it/ },
      { row: 3, column: 'År från', value: '20230', message: /2100/ },
    ],
  },
];

describe('bad input is reported by row and column, and nothing is written', () => {
  it.each(cases)('$name', async ({ csv, errors, fatal }) => {
    const before = snapshot(t.db.$client);
    const upload = await uploadCsv(curator, csv);
    expect(upload.status).toBe(201);
    const dry = await curator.post(`/api/imports/${upload.body.id}/dry-run`, {});
    expect(dry.status).toBe(200);
    expect(dry.body.fatal).toBe(Boolean(fatal));
    expect(dry.body.errors).toEqual(errors.map((e) => expect.objectContaining({ row: e.row, column: e.column, ...(e.value !== undefined ? { value: e.value } : {}), message: expect.stringMatching(e.message) })));
    const commit = await curator.post(`/api/imports/${upload.body.id}/commit`, {});
    expect(commit.status).toBe(fatal ? 422 : 409);
    expect(commit.body.code).toBe(fatal ? 'import.unreadable' : 'import.has_errors');
    if (fatal) expect((await curator.post(`/api/imports/${upload.body.id}/commit`, { skipErrors: true })).status).toBe(422);
    expect(snapshot(t.db.$client)).toBe(before);
  });

  it('a file without an inventory-number column is refused at the dry run, naming the missing column', async () => {
    const upload = await uploadCsv(curator, 'Titel,Objekttyp\nUtan nummer,målning\n');
    const dry = await curator.post(`/api/imports/${upload.body.id}/dry-run`, {});
    expect(dry.status).toBe(422);
    expect(dry.body).toMatchObject({ code: 'import.mapping', errors: [{ path: 'mapping.inventoryNumber', message: expect.stringContaining('Inventarienummer') }] });
    const commit = await curator.post(`/api/imports/${upload.body.id}/commit`, {});
    expect(commit.body.code).toBe('import.dry_run_first');
  });

  it('a mapping naming a column the file does not have, or one field twice, is a 400/422 naming it', async () => {
    const upload = await uploadCsv(curator, 'Nr,Namn\nSLL 1,X\n');
    const twice = await curator.post(`/api/imports/${upload.body.id}/dry-run`, { mapping: { Nr: 'inventoryNumber', Namn: 'inventoryNumber' } });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: 'mapping.Namn', message: 'inventoryNumber is already mapped from column "Nr"' }]);
    const missing = await curator.post(`/api/imports/${upload.body.id}/dry-run`, { mapping: { Nr: 'inventoryNumber', Pris: 'acquisitionPrice' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: 'mapping.Pris', message: 'No such column in the file' }]);
    expect((await curator.post(`/api/imports/${upload.body.id}/dry-run`, { mapping: { Nr: 'price' } })).status).toBe(400);
  });

  it.each([
    ['a PNG named .csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(200, 7)]), /not text/],
    ['an Excel workbook named .csv', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 65)]), /Excel workbook/],
    ['UTF-16 text', Buffer.from('\ufeffInventarienummer,Titel\n', 'utf16le'), /UTF-16/],
    ['an empty file', Buffer.alloc(0), /empty/],
  ])('%s is refused with a 422 naming the file', async (_name, bytes, message) => {
    const before = snapshot(t.db.$client);
    const count = t.db.$client.prepare('select count(*) from imports').pluck().get();
    const res = await uploadCsv(curator, new Uint8Array(bytes));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail ?? '').toMatch(message);
    expect(res.body.errors[0]).toMatchObject({ path: 'file' });
    expect(t.db.$client.prepare('select count(*) from imports').pluck().get()).toBe(count);
    expect(snapshot(t.db.$client)).toBe(before);
    expect(fs.readdirSync(path.join(t.deps.config.uploadsDir, 'imports', 'tmp'))).toEqual([]);
  });

  it('a 200 MB upload is refused with 413 before it is read', async () => {
    const url = new URL(`${t.baseUrl}/api/imports`);
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'text/csv', 'content-length': 200 * 1024 * 1024, cookie: curator.cookie, 'x-csrf-token': curator.csrf } },
        (r) => {
          let body = '';
          r.on('data', (c) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write('Inventarienummer,Titel\n');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'import.too_large', errors: [{ path: 'file' }] });
  });

  it('a 200 MB file is refused on the command line too, before it is read', () => {
    const big = path.join(t.dir, 'big.csv');
    fs.writeFileSync(big, 'Inventarienummer,Titel\n');
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', big, '--commit'], {
      env: { ...process.env, KONSTKOLL_DB: t.db.$client.name, KONSTKOLL_UPLOADS: t.deps.config.uploadsDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/is 200 MB; an import takes at most 100 MB/);
  });
});
