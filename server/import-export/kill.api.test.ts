import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.js';
import { makeNorrtalje, snapshot } from './fixtures/collection.js';
import { dropScratch, scratchDir } from './import.stage.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const curator = await t.as('admin');
  await makeNorrtalje(curator);
});
afterAll(() => t.close());

it('a commit killed half-way (SIGKILL) leaves the database exactly as before the import', async () => {
  const rows = ['Inventarienummer;Titel;Konstnär;Objekttyp;Höjd (cm);Placering'];
  // Large enough that the dry run stages its new works (import.stage.ts) and the commit copies them for a while.
  for (let i = 0; i < 20000; i++) rows.push(`SLL ${70000 + i};Verk nummer ${i};Konstnär ${i % 400};målning;${40 + (i % 50)},5;${i % 3 ? 'NS-214' : 'Norrtälje sjukhus › Hus A › Plan 2 › Väntrum'}`);
  const file = path.join(t.dir, 'stor-katalog.csv');
  fs.writeFileSync(file, rows.join('\r\n'));
  const before = snapshot(t.db.$client);

  // node --import tsx (not the tsx wrapper): the signal must reach the process that holds the transaction.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, '--commit'], {
    env: { ...process.env, KONSTKOLL_DB: t.db.$client.name, KONSTKOLL_UPLOADS: t.deps.config.uploadsDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (c) => {
      stderr += c;
      // The commit has written some rows (inside its transaction) when it reports 20 %.
      const pct = [...stderr.matchAll(/commit (\d+) %/g)].map((m) => Number(m[1]));
      if (pct.some((p) => p >= 20 && p < 90)) resolve();
    });
    child.on('exit', () => reject(new Error(`import ended before it could be killed:\n${stdout}\n${stderr}`)));
  });
  child.kill('SIGKILL');
  expect(await killed).toBe('SIGKILL');
  expect(stdout).toContain('dry run');
  expect(stdout).not.toContain('committed');

  expect(snapshot(t.db.$client)).toBe(before);
  const imp = t.db.$client.prepare('select state, committed_at as committedAt from imports order by id desc limit 1').get();
  expect(imp).toEqual({ state: 'checked', committedAt: null });
  expect(t.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  // The dry run's scratch files (import.stage.ts) outlive the killed process; the next import removes them.
  const left = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`konstkoll-import-${child.pid}-`));
  expect(left()).toHaveLength(1);
  dropScratch(scratchDir());
  expect(left()).toHaveLength(0);
}, 120_000);
