// A large dry run stages its new works in scratch files and the commit copies them (import.stage.ts). It must only
// ever be faster: the same report, and the same catalogue, audit trail, movements, full-text index and undo record
// as the commit writing every row itself, with or without the helper thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { makeNorrtalje, startedHelper, uploadCsv } from './fixtures/collection.js';
import type { ImportHelper } from './import.parallel.js';
import { runCommit, runDryRun } from './import.service.js';
import { undoImport } from './import.undo.js';

const AT = '2026-03-02T09:00:00.000Z';
const TMP = os.tmpdir();
const HEADER = 'Inventarienummer,Objekttyp,Titel,Konstnär,Höjd (cm),Glasad,Placering,Status,Statusnotering';

/**
 * 1,800 rows: new works at known places and at none; with a known artist, new artists (two new ones on some rows,
 * named in a different order than they first appear); statuses and status notes; two rows updating works already
 * there; an inventory number on two rows; a row with an error; and, last (so that ids fall the same either way),
 * new works at places the commit creates.
 */
function file(): string {
  const rows = [HEADER];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (let i = 1; i <= 1800; i++) {
    // Rows 1001–1500 are plain new works: a chunk of kept plans the commit need not read at all.
    const plain = i > 1000 && i <= 1500;
    const inv = i === 900 ? 'STG 17' : i <= 2 ? `FÖRE ${i}` : `STG ${i}`;
    const artists = i % 7 === 0 ? `Ny Konstnär ${(i * 3) % 23}; Ny Konstnär ${(i % 19) + 23}` : i % 3 === 0 ? `Ny Konstnär ${(i % 19) + 23}` : 'Gösta Ängström';
    const height = i === 600 ? 'hög' : `${40 + (i % 50)},5`;
    const place = i > 1750 ? `Förrådet ${i % 4}` : i % 5 === 0 ? '' : i % 2 ? 'NS-214' : 'Norrtälje sjukhus › Hus A › Plan 2 › Väntrum';
    const status = plain ? '' : i % 11 === 0 ? 'i magasin' : i % 13 === 0 ? 'saknas' : '';
    const note = !plain && (i % 17 === 0 || status === 'saknas') ? `Anteckning ${i}` : '';
    rows.push([inv, 'målning', q(`Verk "${i}", olja`), q(artists), q(height), i % 4 ? 'nej' : 'ja', q(place), status, q(note)].join(','));
  }
  return rows.join('\r\n');
}

type Run = { report: unknown; result: { artworkIds: number[] } & Record<string, unknown>; db: Record<string, unknown[]>; afterUndo: string; staged: boolean };

/** Everything the import writes, in an order that does not depend on the order of writing. */
function contents(sqlite: import('better-sqlite3').Database): Record<string, unknown[]> {
  const all = (sql: string) => sqlite.prepare(sql).raw().all() as unknown[][];
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    artworks: all('select * from artworks order by id'),
    artists: all('select * from artists order by id'),
    links: all('select * from artwork_artists order by artwork_id, position'),
    locations: all('select * from locations order by id'),
    movements: sorted(all('select artwork_id, from_location_id, to_location_id, from_path_text, to_path_text, moved_at, reason, note, user_id, batch_id, round_id, created_at from movements')),
    audit: sorted(all("select at, user_id, action, entity_type, entity_id, before, after, batch_id from audit_log where entity_type not in ('user', 'import_profile')")),
    items: all('select * from import_items order by artwork_id'),
    created: all('select * from import_created order by entity_type, entity_id'),
    fts: all('select rowid, * from artworks_fts order by rowid'),
    changes: all("select entity, entity_id from search_changes where entity = 'artwork' order by entity_id"),
    textChanges: all('select artwork_id from search_text_changes order by artwork_id'),
  };
}

async function importWith(opts: { stage: boolean; helper: ImportHelper | null; tmpdir?: string }): Promise<Run> {
  const t: TestApp = await startTestApp({ now: () => new Date(AT) });
  try {
    const curator: Client = await t.as('curator');
    await makeNorrtalje(curator);
    const user = { id: curator.userId, email: 'c@example.org', name: 'Curator', role: 'curator' as const, siteIds: null, sessionHash: '', csrfToken: '' };
    const env = { sqlite: t.db.$client, uploadsDir: t.deps.config.uploadsDir, user, at: AT, inventoryPattern: '.*', helper: opts.helper, parallelFromBytes: 0, stageFromNew: opts.stage ? 1 : Infinity };
    // Two works already there, which the file updates.
    const first = (await uploadCsv(curator, `${HEADER}\r\nFÖRE 1,målning,Gammal titel,,,,,,\r\nFÖRE 2,skulptur,Annan titel,,,,,,`, 'före.csv')).body;
    runDryRun(env, first.id, {});
    runCommit(env, first.id, false);
    const before = JSON.stringify(contents(t.db.$client));
    const scratch = () => fs.readdirSync(TMP).filter((f) => f.startsWith(`konstkoll-import-${process.pid}-`)).length;
    const scratchBefore = scratch();
    const upload = (await uploadCsv(curator, file(), 'stor.csv')).body;
    if (opts.tmpdir) process.env.TMPDIR = opts.tmpdir;
    let report;
    try {
      report = runDryRun(env, upload.id, {});
    } finally {
      process.env.TMPDIR = TMP;
    }
    const staged = scratch() > scratchBefore;
    const result = runCommit(env, upload.id, true) as Run['result'];
    // The scratch files go with the commit.
    expect(scratch()).toBe(scratchBefore);
    const db = contents(t.db.$client);
    undoImport(t.db.$client, upload.id, user, '2026-03-02T10:00:00.000Z');
    const afterUndo = contents(t.db.$client);
    // Undo takes the new works away again, with their links, movements and index entries.
    expect(afterUndo.artworks).toEqual(JSON.parse(before).artworks.map((w: unknown[]) => expect.arrayContaining([w[1]])));
    expect(afterUndo.fts).toHaveLength(2);
    return { report, result: { ...result, artworkIds: [...result.artworkIds].sort((a, b) => a - b) }, db, afterUndo: JSON.stringify(afterUndo), staged };
  } finally {
    await t.close();
  }
}

describe('new works staged by the dry run and copied by the commit', () => {
  let plain: Run;
  let helper: ImportHelper;
  beforeAll(async () => {
    plain = await importWith({ stage: false, helper: null });
    helper = await startedHelper();
  }, 60_000);
  afterAll(() => helper.close());

  it('writes exactly what the commit writes row by row', async () => {
    expect(plain.staged).toBe(false);
    expect(plain.report).toMatchObject({ rows: 1800, new: 1795, updated: 2, errorRows: 3, artistsToCreate: 42, locationsToCreate: 4 });
    const staged = await importWith({ stage: true, helper: null });
    expect(staged.staged).toBe(true);
    expect(staged.report).toEqual(plain.report);
    expect(staged.result).toEqual(plain.result);
    for (const table of Object.keys(plain.db)) expect({ table, rows: staged.db[table] }).toEqual({ table, rows: plain.db[table] });
    expect(staged.afterUndo).toBe(plain.afterUndo);
  }, 60_000);

  it('leaves the works to the commit when it cannot stage them (no room for its scratch files)', async () => {
    const unstaged = await importWith({ stage: true, helper: null, tmpdir: path.join(TMP, 'no-such-directory', 'here') });
    expect(unstaged.staged).toBe(false);
    expect(unstaged.report).toEqual(plain.report);
    for (const table of Object.keys(plain.db)) expect({ table, rows: unstaged.db[table] }).toEqual({ table, rows: plain.db[table] });
  }, 60_000);

  it('writes the same when the helper thread stages half of them', async () => {
    const before = helper.handedOver;
    const shared = await importWith({ stage: true, helper });
    expect(shared.staged).toBe(true);
    expect(helper.handedOver).toBeGreaterThan(before);
    expect(shared.report).toEqual(plain.report);
    expect(shared.result).toEqual(plain.result);
    for (const table of Object.keys(plain.db)) expect({ table, rows: shared.db[table] }).toEqual({ table, rows: plain.db[table] });
  }, 60_000);
});
