// A large dry run is shared with a helper thread, which also builds new works' rows ahead of the commit. It must only
// ever be faster: the same report, the same plans kept, the same works written, whether the helper takes half the
// rows, none (still starting, or gone), or fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeNorrtalje, snapshot, startedHelper, uploadCsv } from './fixtures/collection.js';
import type { ImportHelper } from './import.parallel.js';
import { runCommit, runDryRun } from './import.service.js';

const AT = '2026-03-02T09:00:00.000Z';
const HEADER = 'Inventarienummer;Objekttyp;Titel;Konstnär;Höjd (cm);Placering;Placeringskod;Status';

/** 2,400 rows (five batches): new works, errors, new artists and places, and one inventory number in two batches. */
function bigFile(): string {
  const rows = [HEADER];
  for (let i = 1; i <= 2400; i++) {
    const inv = i === 2300 ? 'PAR 7' : `PAR ${i}`; // row 2301 repeats row 8's number, four batches later
    const height = i % 97 === 0 ? 'hög' : `${40 + (i % 50)},5`; // text in a number column
    const artist = i % 3 === 0 ? `Ny Konstnär ${i % 40}` : 'Gösta Ängström';
    const place = i % 5 === 0 ? `Förrådet ${i % 7}` : 'Norrtälje sjukhus › Hus A › Plan 2 › Dagrum';
    const status = i % 11 === 0 ? 'i magasin' : '';
    rows.push([inv, 'målning', `Verk nummer ${i}`, artist, height, place, i % 5 === 0 ? '' : 'NS-214', status].join(';'));
  }
  return rows.join('\r\n');
}

type Run = { report: unknown; result: unknown; db: string; handedOver: number; inCommit: number };

/** A fresh collection, the file uploaded, its dry run (with or without the helper) and its commit. */
async function importWith(helper: ImportHelper | null): Promise<Run> {
  const t: TestApp = await startTestApp({ now: () => new Date(AT) });
  try {
    const curator: Client = await t.as('curator');
    await makeNorrtalje(curator);
    const upload = (await uploadCsv(curator, bigFile(), 'stor.csv')).body;
    const user = { id: curator.userId, email: 'c@example.org', name: 'Curator', role: 'curator' as const, siteIds: null, sessionHash: '', csrfToken: '' };
    const env = { sqlite: t.db.$client, uploadsDir: t.deps.config.uploadsDir, user, at: AT, inventoryPattern: '.*', helper, parallelFromBytes: 0 };
    const report = runDryRun(env, upload.id, {});
    const afterDryRun = helper?.handedOver ?? 0;
    const result = runCommit(env, upload.id, true);
    // Everything the import wrote (the test users' own audit rows carry random e-mail addresses).
    const db = snapshot(t.db.$client).replace(/^audit_log:(.*)$/m, (_, rows: string) => JSON.stringify((JSON.parse(rows) as unknown[][]).filter((r) => r[4] !== 'user')));
    return { report, result, db, handedOver: helper?.handedOver ?? 0, inCommit: (helper?.handedOver ?? 0) - afterDryRun };
  } finally {
    await t.close();
  }
}

describe('a dry run shared with the helper thread', () => {
  let alone: Run;
  let helper: ImportHelper;
  beforeAll(async () => {
    alone = await importWith(null);
    helper = await startedHelper();
  }, 60_000);
  afterAll(() => helper.close());

  it('reports, keeps and writes exactly what a dry run on one thread does', async () => {
    expect(alone.report).toMatchObject({ rows: 2400, errorRows: 26, artistsToCreate: 40, locationsToCreate: 7 });
    // Both rows with PAR 7 are errors, reported on each row with the other's row number.
    expect((alone.report as { errors: { row: number; message: string }[] }).errors.filter((e) => e.message.includes('rows 8, 2301'))).toHaveLength(2);
    const shared = await importWith(helper);
    // It checked batches of the dry run, and read chunks of kept plans ahead of the commit.
    expect(shared.handedOver - shared.inCommit).toBeGreaterThan(0);
    expect(shared.inCommit).toBeGreaterThan(0);
    expect(shared.report).toEqual(alone.report);
    expect(shared.result).toEqual(alone.result);
    expect(shared.db).toBe(alone.db);
  }, 60_000);

  it('falls back to one thread when the helper is gone', async () => {
    await helper.close();
    const before = helper.handedOver;
    const gone = await importWith(helper);
    expect(gone.handedOver).toBe(before);
    expect(gone.report).toEqual(alone.report);
    expect(gone.db).toBe(alone.db);
  }, 60_000);
});
