// Operations benchmark (issue 17): backups while the server answers searches, and restore + verify.
//   1. The server's own (nightly) backup, run back to back in the server's process for 10 s while
//      autocannon (4 connections, in a worker thread) sends searches: backup time, search latency.
//   2. `npm run backup` (a separate process, as an operator runs it) back to back, the same way.
//   3. Restore of the last backup into an empty data directory, then verify (integrity, foreign keys,
//      FTS index against its table, media hashes).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { backup, latestBackup, pruneBackups, restore } from '../../server/ops/backup.js';
import { verifyDataDir } from '../../server/ops/verify.js';
import type { BenchContext, BenchFigure, BenchModule } from './harness.js';

const SECONDS = 10;

function searchRequests(ctx: BenchContext) {
  const words = ['sommar', 'komp', 'ljus', 'karolinska', 'blå', 'lito', 'olja', 'st', 'hav', 'porträtt', 'akvarell', 'skulptur', 'utsikt'];
  return words.flatMap((w) => [
    { method: 'GET' as const, path: `/api/artworks?q=${encodeURIComponent(w)}`, headers: ctx.authHeaders },
    { method: 'GET' as const, path: `/api/artworks?q=${encodeURIComponent(w)}&facets=status,type,site,grade,decade`, headers: ctx.authHeaders },
    { method: 'GET' as const, path: `/api/suggest?q=${encodeURIComponent(w.slice(0, 3))}`, headers: ctx.authHeaders },
  ]);
}

/** Searches for SECONDS while `busy` runs again and again; returns the latencies and how the busy runs went. */
async function searchesDuring(ctx: BenchContext, busy: () => Promise<number>) {
  let stop = false;
  const runs: number[] = [];
  const loop = (async () => {
    while (!stop) runs.push(await busy());
  })();
  const result = await autocannon({ url: ctx.baseUrl, connections: 4, duration: SECONDS, workers: 1, requests: searchRequests(ctx) });
  stop = true;
  await loop;
  const l = result.latency as unknown as Record<string, number>;
  const errors = result.errors + result.timeouts + result.non2xx;
  return { runs, l, errors, rps: Math.round(result.requests.average), total: result.requests.total };
}

const mean = (a: number[]) => Math.round(a.reduce((s, x) => s + x, 0) / Math.max(1, a.length));

const module: BenchModule = async (ctx) => {
  const figures: BenchFigure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-backup-'));
  const uploads = ctx.deps.config.uploadsDir;
  fs.mkdirSync(uploads, { recursive: true });
  try {
    /** One row: what ran meanwhile (`doing`), then the searches' figures; the p95 column is autocannon's p97.5. */
    const row = (name: string, doing: string, r: Awaited<ReturnType<typeof searchesDuring>>): BenchFigure => ({
      name,
      figure: `${doing}searches ${r.rps} req/s, p97.5 ${r.l.p97_5} ms, p99 ${r.l.p99} ms, ${r.errors} errors`,
      runs: r.total,
      p50_ms: r.l.p50,
      p95_ms: r.l.p97_5,
      max_ms: r.l.max,
    });
    // Searches alone first, for comparison.
    const alone = await searchesDuring(ctx, async () => (await new Promise((r) => setTimeout(r, 50)), 0));
    figures.push(row('ops: searches alone (4 conn, 10 s; p95 column: p97.5)', '', alone));

    const inServer = await searchesDuring(ctx, async () => {
      const t0 = performance.now();
      await backup(ctx.db, uploads, dir);
      pruneBackups(dir, 1);
      return performance.now() - t0;
    });
    const mb = (fs.statSync(ctx.deps.config.dbFile).size / 1e6).toFixed(0);
    figures.push(row("ops: searches during the server's own backups", `${inServer.runs.length} backups of ${mb} MB back to back, ${mean(inServer.runs)} ms each; `, inServer));

    const cli = await searchesDuring(ctx, async () => {
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const env = { ...process.env, KONSTKOLL_DB: ctx.deps.config.dbFile, KONSTKOLL_UPLOADS: uploads, BACKUP_KEEP: '1', LOG_LEVEL: 'silent' };
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', dir], { env, stdio: 'ignore' });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run backup exited with ${code}`))));
      });
      return performance.now() - t0;
    });
    figures.push(row('ops: searches during `npm run backup` (own process)', `${cli.runs.length} backups back to back, ${mean(cli.runs)} ms each with the process start; `, cli));

    // Restore the newest backup into an empty data directory and verify it.
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-restore-'));
    try {
      const t0 = performance.now();
      restore(latestBackup(dir)!.folder, path.join(target, 'konstkoll.sqlite'), path.join(target, 'uploads'));
      const restoreMs = performance.now() - t0;
      const db = openDatabase(path.join(target, 'konstkoll.sqlite'));
      const report = verifyDataDir(db.$client, path.join(target, 'uploads'));
      db.$client.close();
      const total = performance.now() - t0;
      figures.push({
        name: 'ops: restore + verify',
        figure: `restore ${Math.round(restoreMs)} ms, verify ${report.ms} ms (${report.ok ? 'all checks passed' : `PROBLEMS FOUND: ${report.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`).join('; ')}`}), ${Math.round(total)} ms in all`,
        runs: 1,
        p50_ms: Math.round(total),
        p95_ms: Math.round(total),
        max_ms: Math.round(total),
      });
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};
export default module;
