// npm run bench [-- --scale 10] [--json file] [--only substring] [--module search] [--db seeded.sqlite]
// Builds a temporary database with the demo generator, starts the real app on 127.0.0.1 and
// runs every scripts/bench/*.bench.ts module, printing one table (and JSON if asked).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { migrateDatabase, openDatabase } from '../db/connection.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createUser } from '../server/users/users.service.js';
import { seedDemo } from './seed-demo.js';
import { measure, type BenchCase, type BenchFigure, type BenchModule, type BenchResult } from './bench/harness.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const scale = Number(arg('scale') ?? 1);
  const jsonOut = arg('json');
  const only = arg('only');
  const works = Math.round(60_000 * scale);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-'));
  const config = loadConfig({ KONSTKOLL_DB: path.join(dir, 'bench.sqlite'), KONSTKOLL_UPLOADS: path.join(dir, 'uploads'), KONSTKOLL_SEED: 'none', LOG_LEVEL: 'silent' });
  // --db reuses an already seeded database (copied, never modified) to skip the seeding minutes.
  const reuse = arg('db');
  if (reuse) fs.copyFileSync(reuse, config.dbFile);
  const db = openDatabase(config.dbFile);
  migrateDatabase(db);
  const t0 = performance.now();
  if (!reuse) seedDemo(db, { works });
  const seeded = db.$client.prepare('select count(*) from artworks').pluck().get() as number;
  console.log(`${reuse ? 'copied' : 'seeded'} ${seeded.toLocaleString('en')} works in ${Math.round(performance.now() - t0)} ms`);
  const app = createApp({ db, config, log: pino({ level: 'silent' }) });
  const deps = app.locals.deps;
  deps.events.emit('started');
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await createUser(db, { email: 'bench@konstkoll.local', name: 'Bench', role: 'admin', password: 'bench password 1' }, null, new Date());
  const login = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@konstkoll.local', password: 'bench password 1' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  let seed = 42;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const ctx = { db, deps, baseUrl, authHeaders: { cookie, 'x-csrf-token': csrf }, scale, works, random };

  const moduleDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'bench');
  const onlyModule = arg('module');
  const files = fs.readdirSync(moduleDir).filter((f) => f.endsWith('.bench.ts') && (!onlyModule || f.startsWith(`${onlyModule}.`))).sort();
  const results: (BenchResult & { note?: string })[] = [];
  if (!files.length) console.log('no benchmarks yet');
  for (const file of files) {
    const mod = (await import(path.join(moduleDir, file))) as { default: BenchModule };
    const cases = await mod.default(ctx);
    for (const c of cases) {
      if (only && !c.name.includes(only)) continue;
      if ('figure' in c) {
        const f = c as BenchFigure;
        results.push({ name: f.name, scale, runs: f.runs ?? 1, p50_ms: f.p50_ms ?? 0, p95_ms: f.p95_ms ?? 0, max_ms: f.max_ms ?? 0, note: f.figure });
      } else results.push(await measure(c as BenchCase, scale));
      const r = results.at(-1)!;
      console.log(`${r.name.padEnd(58)} ${String(r.runs).padStart(5)} ${r.p50_ms.toFixed(2).padStart(9)} ${r.p95_ms.toFixed(2).padStart(9)} ${r.max_ms.toFixed(2).padStart(9)}${r.note ? '  ' + r.note : ''}`);
    }
  }
  console.log(`\n${'operation'.padEnd(58)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)}   (scale ${scale}: ${works.toLocaleString('en')} works)`);
  for (const r of results)
    console.log(`${r.name.padEnd(58)} ${String(r.runs).padStart(5)} ${r.p50_ms.toFixed(2).padStart(9)} ${r.p95_ms.toFixed(2).padStart(9)} ${r.max_ms.toFixed(2).padStart(9)}${r.note ? '  ' + r.note : ''}`);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  server.closeAllConnections();
  server.close();
  deps.events.emit('stopping');
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
