// The benchmark harness: each feature adds a module `scripts/bench/<feature>.bench.ts` whose
// default export returns cases; `npm run bench` runs them all on one seeded database.
import type { Db } from '../../db/connection.js';
import type { Deps } from '../../server/deps.js';

export type BenchContext = {
  db: Db;
  deps: Deps;
  /** Base URL of the real app listening on 127.0.0.1 (for HTTP-level cases). */
  baseUrl: string;
  /** Cookie + CSRF header of a signed-in admin, for HTTP cases that need a session. */
  authHeaders: Record<string, string>;
  /** 1 = 60,000 works; 10 = 600,000. */
  scale: number;
  works: number;
  /** Deterministic pseudo-random numbers for picking inputs. */
  random: () => number;
};

export type BenchCase = {
  name: string;
  /** One measured run; may be async. Return value is ignored. */
  run: (i: number) => unknown;
  /** How many measured runs (default 500). */
  runs?: number;
  /** Unmeasured runs first (default 20). */
  warmup?: number;
};

/** A module's default export. Cases may also be plain figures measured elsewhere. */
export type BenchModule = (ctx: BenchContext) => Promise<(BenchCase | BenchFigure)[]> | (BenchCase | BenchFigure)[];

/** A figure that is not a p50/p95 over repeated runs (e.g. requests/s of a load test). */
export type BenchFigure = { name: string; figure: string; p50_ms?: number; p95_ms?: number; max_ms?: number; runs?: number };

export type BenchResult = { name: string; scale: number; runs: number; p50_ms: number; p95_ms: number; max_ms: number; note?: string };

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

export async function measure(c: BenchCase, scale: number): Promise<BenchResult> {
  const runs = c.runs ?? 500;
  for (let i = 0; i < (c.warmup ?? 20); i++) await c.run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await c.run(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { name: c.name, scale, runs, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), max_ms: round(times.at(-1)!) };
}
