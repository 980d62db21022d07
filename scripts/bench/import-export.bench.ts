// Import/export benchmark (issue 14), all over HTTP against the seeded collection:
//   export of every work to CSV (target < 5 s), the same file imported back (dry run + commit: all unchanged),
//   and a first import of as many NEW works (dry run + commit, target < 10 s), then its undo (which restores the
//   bench database for the modules after this one). Peak RSS of the whole process (server, worker thread, the
//   search's in-memory columns) is sampled every 50 ms during each step (target < 300 MB).
import type { BenchFigure, BenchModule } from './harness.js';

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    reset: () => (peak = process.memoryUsage().rss),
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024),
    stop: () => clearInterval(timer),
  };
}

const module: BenchModule = async (ctx) => {
  const h = ctx.authHeaders;
  const rss = rssSampler();
  const figures: BenchFigure[] = [];
  const figure = (name: string, ms: number, note: string) => figures.push({ name, figure: `${note}; peak RSS ${rss.peakMb()} MB`, p50_ms: ms, p95_ms: ms, max_ms: ms, runs: 1 });
  const json = async (res: Response) => {
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${res.url} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  };

  // 1. Export every work as CSV, streamed (the body is read as it arrives and not kept).
  rss.reset();
  let t0 = performance.now();
  const res = await fetch(`${ctx.baseUrl}/api/exports?format=csv`, { headers: h });
  const parts: Uint8Array[] = [];
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) parts.push(chunk);
  const exportMs = performance.now() - t0;
  const csv = Buffer.concat(parts);
  parts.length = 0;
  figure(`import-export: export ${ctx.works.toLocaleString('en')} works to CSV (HTTP)`, exportMs, `${(csv.length / 1024 / 1024).toFixed(1)} MB`);

  /** Upload → dry run → commit, polling progress meanwhile; returns the timings. */
  const runImport = async (bytes: Buffer, name: string) => {
    rss.reset();
    const start = performance.now();
    const up = await json(await fetch(`${ctx.baseUrl}/api/imports?fileName=${name}`, { method: 'POST', headers: { ...h, 'content-type': 'text/csv' }, body: new Uint8Array(bytes) }));
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
  const same = await runImport(csv, 'bench-export.csv');
  figure(
    `import-export: re-import of the export, dry run + commit (${ctx.works.toLocaleString('en')} rows)`,
    same.dryMs + same.commitMs,
    `${same.result.unchanged} unchanged, ${same.result.new} new, ${same.result.updated} updated; upload ${Math.round(same.uploadMs)} ms, dry run ${Math.round(same.dryMs)} ms, commit ${Math.round(same.commitMs)} ms`,
  );

  // 3. The same catalogue as new works (other inventory numbers): a first import into the collection.
  const fresh = Buffer.from(csv.toString('utf8').replace(/^SLL /gm, 'BEN '), 'utf8');
  const neu = await runImport(fresh, 'bench-new.csv');
  figure(
    `import-export: import of ${ctx.works.toLocaleString('en')} NEW works, dry run + commit`,
    neu.dryMs + neu.commitMs,
    `${neu.result.new} new; dry run ${Math.round(neu.dryMs)} ms, commit ${Math.round(neu.commitMs)} ms; progress seen in ${neu.seen} of ${neu.polls} polls`,
  );

  // 4. Undo of that import (also restores the bench database for the modules that follow).
  rss.reset();
  t0 = performance.now();
  const undo = await json(await fetch(`${ctx.baseUrl}/api/imports/${neu.id}/undo`, { method: 'POST', headers: h }));
  figure(`import-export: undo of the ${ctx.works.toLocaleString('en')}-work import`, performance.now() - t0, `${undo.removed} works removed`);
  rss.stop();
  return figures;
};

export default module;
