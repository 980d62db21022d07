// Import/export benchmark (issue 14), all over HTTP against the seeded collection:
//   export of every work to CSV (target < 5 s), the same file imported back (dry run + commit: all unchanged),
//   and a first import of as many NEW works (dry run + commit, target < 10 s), then its undo (which restores the
//   bench database for the modules after this one). Peak RSS of the whole process (server, worker thread, the
//   search's in-memory columns) is sampled every 50 ms during each step (target < 300 MB).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { undoImport } from '../../server/import-export/import.undo.js';
import type { AuthUser } from '../../server/users/auth.js';
import type { BenchFigure, BenchModule } from './harness.js';

/** Peak RSS of the process and its rise over the level when the step began (the database's page cache and
 *  memory map and the search's columns are already in the base). */
function rssSampler() {
  // RSS from /proc when there is one: split into anonymous memory (heaps, SQLite's page cache) and mapped file pages
  // (the database's memory map), which tells a leak from pages of the file being read.
  const read = (): { rss: number; anon: number; file: number } => {
    try {
      const st = fs.readFileSync('/proc/self/status', 'utf8');
      const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(st)?.[1] ?? 0) * 1024;
      return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile') + kb('RssShmem') };
    } catch {
      return { rss: process.memoryUsage().rss, anon: 0, file: 0 };
    }
  };
  let base = read();
  let peak = base;
  const sample = () => {
    const now = read();
    if (now.rss > peak.rss) peak = now;
  };
  const timer = setInterval(sample, 50);
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  return {
    reset: () => (base = peak = read()),
    note: () => {
      sample();
      const split = peak.anon ? ` (anonymous +${mb(peak.anon - base.anon)} MB, file pages +${mb(peak.file - base.file)} MB)` : '';
      return `peak RSS ${mb(peak.rss)} MB (+${mb(peak.rss - base.rss)} MB over ${mb(base.rss)} MB at the start)${split}`;
    },
    stop: () => clearInterval(timer),
  };
}

const module: BenchModule = async (ctx) => {
  const h = ctx.authHeaders;
  const rss = rssSampler();
  const figures: BenchFigure[] = [];
  const figure = (name: string, ms: number, note: string) => figures.push({ name, figure: `${note}; ${rss.note()}`, p50_ms: Math.round(ms), p95_ms: Math.round(ms), max_ms: Math.round(ms), runs: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-import-'));
  const exportFile = path.join(dir, 'export.csv');
  const newFile = path.join(dir, 'new.csv');
  const json = async (res: Response) => {
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${res.url} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  };

  // 1. Export every work as CSV, streamed to a file as it arrives.
  rss.reset();
  let t0 = performance.now();
  const res = await fetch(`${ctx.baseUrl}/api/exports?format=csv`, { headers: h });
  await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), fs.createWriteStream(exportFile));
  const exportMs = performance.now() - t0;
  figure(`import-export: export ${ctx.works.toLocaleString('en')} works to CSV (HTTP)`, exportMs, `${(fs.statSync(exportFile).size / 1024 / 1024).toFixed(1)} MB`);

  // The same catalogue under other inventory numbers: a first import of as many new works.
  const out = fs.createWriteStream(newFile);
  for await (const line of readline.createInterface({ input: fs.createReadStream(exportFile), crlfDelay: Infinity })) out.write(`${line.replace(/^SLL /, 'BEN ')}\r\n`);
  await new Promise((r) => out.end(r));

  /** Upload → dry run → commit, polling progress meanwhile; returns the timings. */
  const runImport = async (file: string, name: string) => {
    rss.reset();
    const start = performance.now();
    const body = Readable.toWeb(fs.createReadStream(file)) as unknown as BodyInit;
    const up = await json(await fetch(`${ctx.baseUrl}/api/imports?fileName=${name}`, { method: 'POST', headers: { ...h, 'content-type': 'text/csv' }, body, duplex: 'half' } as RequestInit));
    const uploaded = performance.now();
    const dry = await json(await fetch(`${ctx.baseUrl}/api/imports/${up.id}/dry-run`, { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: '{}' }));
    const checked = performance.now();
    let polls = 0;
    let seen = 0;
    const committing = fetch(`${ctx.baseUrl}/api/imports/${up.id}/commit`, { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: '{}' });
    const poll = setInterval(async () => {
      const s = (await (await fetch(`${ctx.baseUrl}/api/imports/${up.id}`, { headers: h })).json()) as { progress: { done: number } | null };
      polls++;
      if (s.progress && s.progress.done > 0) seen++;
    }, 250);
    const result = await json(await committing);
    clearInterval(poll);
    const end = performance.now();
    return { id: up.id as number, dry, result, uploadMs: uploaded - start, dryMs: checked - uploaded, commitMs: end - checked, totalMs: end - start, polls, seen };
  };

  // 2. The export imported back: every row unchanged, nothing written.
  const same = await runImport(exportFile, 'bench-export.csv');
  figure(
    `import-export: re-import of the export, dry run + commit (${ctx.works.toLocaleString('en')} rows)`,
    same.dryMs + same.commitMs,
    `${same.result.unchanged} unchanged, ${same.result.new} new, ${same.result.updated} updated; upload ${Math.round(same.uploadMs)} ms, dry run ${Math.round(same.dryMs)} ms, commit ${Math.round(same.commitMs)} ms`,
  );

  // 3. The same catalogue as new works: a first import into the collection.
  const neu = await runImport(newFile, 'bench-new.csv');
  figure(
    `import-export: import of ${ctx.works.toLocaleString('en')} NEW works, dry run + commit`,
    neu.dryMs + neu.commitMs,
    `${neu.result.new} new; dry run ${Math.round(neu.dryMs)} ms, commit ${Math.round(neu.commitMs)} ms; progress seen in ${neu.seen} of ${neu.polls} polls`,
  );

  // 4. Undo of that import (also restores the bench database for the modules that follow). Called in-process:
  // it takes longer than an HTTP client waits for response headers.
  rss.reset();
  t0 = performance.now();
  const admin = ctx.db.$client.prepare("select id, email, name, role from users where role = 'admin' order by id limit 1").get() as Omit<AuthUser, 'siteIds' | 'sessionHash' | 'csrfToken'>;
  const undo = undoImport(ctx.db.$client, neu.id, { ...admin, siteIds: null, sessionHash: '', csrfToken: '' }, new Date().toISOString());
  ctx.deps.events.emit('artworks.changed', undo.artworkIds);
  figure(`import-export: undo of the ${ctx.works.toLocaleString('en')}-work import (in-process)`, performance.now() - t0, `${undo.removed} works removed`);
  rss.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
};

export default module;
