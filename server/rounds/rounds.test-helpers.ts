// Small helpers shared by the rounds API tests: finding places in the seeded collection and building results.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export const key = () => crypto.randomUUID();
/** An ISO timestamp `minutesAgo` before now (phones record taps in the past). */
export const ago = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

/** Locations (of a kind) ranked by how many expected works (in place / in storage) their subtree holds. */
export function busiest(sqlite: Database.Database, kind: 'site' | 'building' | 'floor' | 'room', opts: { siteType?: string; min?: number } = {}) {
  const locs = sqlite.prepare('select l.id, l.site_id as siteId, l.path, l.kind, s.site_type as siteType from locations l left join locations s on s.id = l.site_id').all() as {
    id: number; siteId: number; path: string; kind: string; siteType: string | null;
  }[];
  const byId = new Map(locs.map((l) => [l.id, l]));
  const counts = new Map<number, number>();
  const paths = sqlite.prepare(`select l.path from artworks a join locations l on l.id = a.location_id where a.status in ('in_place', 'in_storage')`).pluck().all() as string[];
  for (const p of paths) for (const part of p.split('/')) if (part) counts.set(Number(part), (counts.get(Number(part)) ?? 0) + 1);
  return [...counts]
    .map(([id, n]) => ({ ...byId.get(id)!, n }))
    .filter((l) => l.kind === kind && (!opts.siteType || l.siteType === opts.siteType) && l.n >= (opts.min ?? 1))
    .sort((a, b) => b.n - a.n || a.id - b.id)
    .map(({ id, siteId, path, n }) => ({ id, siteId, path, n }));
}

export const countRows = (sqlite: Database.Database, sql: string, ...args: unknown[]) => sqlite.prepare(sql).pluck().get(...args) as number;
