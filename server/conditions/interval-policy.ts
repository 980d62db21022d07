// How often a work must be checked, and when its next check is due.
//
// The policy, in months (nearest rule wins, top to bottom):
//   1. artworks.check_interval_months — a per-work override, taken as it is.
//   2. locations.check_interval_months on the work's location or the nearest ancestor that
//      has one (it holds for the whole subtree).
//   3. By environment, from the env tags of the location and every ancestor (plus the site
//      type and the work's mounting):
//        psychiatry, emergency, children, public area (also every metro station), outdoor
//        (also outdoor mounting)  → 12  (wear, vandalism, weather, fragile users)
//        storage (tag or storage site)                                   → 60  (packed, climate-stable)
//        office and everything else                                      → 36
//   Works fixed in the building (fixed_in_building or mounting 'integrated') follow the
//   building's own cycle: at most 24 months, whatever rule 2 or 3 says (rule 1 still wins,
//   because a per-work override is a conservator's explicit decision).
import type Database from 'better-sqlite3';
import { stmt } from '../../db/statements.js';

export const INTERVAL_POLICY = {
  highRiskMonths: 12,
  defaultMonths: 36,
  storageMonths: 60,
  fixedMaxMonths: 24,
} as const;

export const HIGH_RISK_TAGS = ['psychiatry', 'emergency', 'children', 'public_area', 'outdoor'] as const;

/** One location of the chain from the work's own location up to its site. */
export type LocationPolicy = { checkIntervalMonths: number | null; envTags: readonly string[]; siteType: string | null };

export type IntervalInput = {
  workIntervalMonths: number | null;
  mounting: string | null;
  fixedInBuilding: boolean;
  /** The work's location first, then its parent … up to the site. Empty when the work has no location. */
  chain: readonly LocationPolicy[];
};

export function effectiveIntervalMonths(input: IntervalInput): number {
  if (input.workIntervalMonths != null) return input.workIntervalMonths;
  const fixed = input.fixedInBuilding || input.mounting === 'integrated';
  const cap = (months: number) => (fixed ? Math.min(months, INTERVAL_POLICY.fixedMaxMonths) : months);
  const override = input.chain.find((l) => l.checkIntervalMonths != null);
  if (override) return cap(override.checkIntervalMonths!);
  const tags = new Set(input.chain.flatMap((l) => l.envTags));
  const siteTypes = new Set(input.chain.map((l) => l.siteType));
  if (input.mounting === 'outdoor') tags.add('outdoor');
  if (siteTypes.has('psychiatry')) tags.add('psychiatry');
  if (siteTypes.has('station')) tags.add('public_area');
  if (HIGH_RISK_TAGS.some((t) => tags.has(t))) return cap(INTERVAL_POLICY.highRiskMonths);
  if (tags.has('storage') || siteTypes.has('storage')) return cap(INTERVAL_POLICY.storageMonths);
  return cap(INTERVAL_POLICY.defaultMonths);
}

/** 'YYYY-MM-DD' plus whole months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The date the next check is due; null for a work never checked (it is listed apart, as "never checked"). */
export function computeNextDue(lastCheckAt: string | null, intervalMonths: number): string | null {
  return lastCheckAt ? addMonths(lastCheckAt.slice(0, 10), intervalMonths) : null;
}

type LocationRow = { id: number; path: string; checkIntervalMonths: number | null; envTags: string; siteType: string | null };
type WorkRow = { id: number; locationId: number | null; mounting: string | null; fixedInBuilding: number; checkIntervalMonths: number | null; lastCheckAt: string | null; nextCheckDue: string | null };

/** Resolves location chains from one read of the locations table (cheap: a few thousand rows). */
export function locationResolver(sqlite: Database.Database) {
  const rows = stmt(sqlite, 'select id, path, check_interval_months as checkIntervalMonths, env_tags as envTags, site_type as siteType from locations').all() as LocationRow[];
  const byId = new Map(rows.map((r) => [r.id, { path: r.path, policy: { checkIntervalMonths: r.checkIntervalMonths, envTags: parseTags(r.envTags), siteType: r.siteType } }]));
  const chains = new Map<number, LocationPolicy[]>();
  return (locationId: number | null): LocationPolicy[] => {
    if (locationId == null) return [];
    let chain = chains.get(locationId);
    if (!chain) {
      const node = byId.get(locationId);
      chain = node ? pathIds(node.path).reverse().flatMap((id) => (byId.has(id) ? [byId.get(id)!.policy] : [])) : [];
      chains.set(locationId, chain);
    }
    return chain;
  };
}

const FEW_WORKS = 50;

/** Resolves chains one location at a time (each cached for the call): for a handful of works. */
function chainResolver(sqlite: Database.Database) {
  const chains = new Map<number, LocationPolicy[]>();
  return (locationId: number | null): LocationPolicy[] => {
    if (locationId == null) return [];
    let chain = chains.get(locationId);
    if (!chain) chains.set(locationId, (chain = locationChain(sqlite, locationId)));
    return chain;
  };
}

/** The chain of one location (its own row first), for single-work recomputation. */
export function locationChain(sqlite: Database.Database, locationId: number | null): LocationPolicy[] {
  if (locationId == null) return [];
  const path = stmt(sqlite, 'select path from locations where id = ?', 'pluck').get(locationId) as string | undefined;
  if (!path) return [];
  const ids = pathIds(path);
  const rows = stmt(sqlite, `select id, check_interval_months as checkIntervalMonths, env_tags as envTags, site_type as siteType from locations where id in (select value from json_each(?))`)
    .all(JSON.stringify(ids)) as Omit<LocationRow, 'path'>[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .reverse()
    .flatMap((id) => (byId.has(id) ? [{ checkIntervalMonths: byId.get(id)!.checkIntervalMonths, envTags: parseTags(byId.get(id)!.envTags), siteType: byId.get(id)!.siteType }] : []));
}

/**
 * Recomputes next_check_due for the works below a location (or given works, or all), after a
 * location's interval or env tags changed or works moved. Runs in the caller's transaction if
 * there is one; returns how many works changed. A recheck scheduled since the last check (a
 * round that could not reach the work) is kept when it comes sooner.
 */
export function recomputeDue(sqlite: Database.Database, scope: { locationPath?: string; artworkIds?: readonly number[] } = {}): number {
  // A few works (a check, a move) read only their own chains; reading every location costs ~10 ms.
  const resolve = scope.artworkIds && scope.artworkIds.length <= FEW_WORKS ? chainResolver(sqlite) : locationResolver(sqlite);
  const cols = `a.id, a.location_id as locationId, a.mounting, a.fixed_in_building as fixedInBuilding, a.check_interval_months as checkIntervalMonths,
    a.last_check_at as lastCheckAt, a.next_check_due as nextCheckDue`;
  let works: WorkRow[];
  if (scope.artworkIds) works = stmt(sqlite, `select ${cols} from artworks a where a.id in (select value from json_each(?))`).all(JSON.stringify(scope.artworkIds)) as WorkRow[];
  else if (scope.locationPath)
    works = stmt(sqlite, `select ${cols} from artworks a join locations l on l.id = a.location_id where l.path >= ? and l.path < ?`)
      .all(scope.locationPath, scope.locationPath + '\uffff') as WorkRow[];
  else works = stmt(sqlite, `select ${cols} from artworks a`).all() as WorkRow[];
  const rechecks = scheduledRechecks(sqlite, scope.artworkIds ?? (scope.locationPath ? works.map((w) => w.id) : null));
  const update = stmt(sqlite, 'update artworks set next_check_due = ? where id = ?');
  let changed = 0;
  sqlite.transaction(() => {
    for (const w of works) {
      const months = effectiveIntervalMonths({ workIntervalMonths: w.checkIntervalMonths, mounting: w.mounting, fixedInBuilding: !!w.fixedInBuilding, chain: resolve(w.locationId) });
      const due = withRecheck(computeNextDue(w.lastCheckAt, months), w.lastCheckAt, rechecks.get(w.id));
      if (due !== w.nextCheckDue) {
        update.run(due, w.id);
        changed++;
      }
    }
  })();
  return changed;
}

type Recheck = { at: string; due: string };

/** The latest recheck scheduled per work (audit action 'schedule_recheck', written when a round is closed). */
export function scheduledRechecks(sqlite: Database.Database, ids: readonly number[] | null): Map<number, Recheck> {
  const sql = `select entity_id as id, max(at) as at, json_extract(after, '$.nextCheckDue') as due from audit_log
    where entity_type = 'artwork' and action = 'schedule_recheck' ${ids ? 'and entity_id in (select value from json_each(?))' : ''} group by entity_id`;
  const rows = (ids ? stmt(sqlite, sql).all(JSON.stringify(ids)) : stmt(sqlite, sql).all()) as { id: number; at: string; due: string | null }[];
  return new Map(rows.filter((r) => r.due).map((r) => [r.id, { at: r.at, due: r.due! }]));
}

/** A recheck scheduled after the last check still stands if it is sooner than the policy's date. */
export function withRecheck(due: string | null, lastCheckAt: string | null, recheck: Recheck | undefined): string | null {
  if (!recheck || (lastCheckAt && recheck.at <= lastCheckAt)) return due;
  return due == null || recheck.due < due ? recheck.due : due;
}

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

function parseTags(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const stockholmDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today's date where the collection is ('YYYY-MM-DD'): "overdue" turns at midnight in Stockholm, not UTC. */
export const localDate = (now: Date) => stockholmDay.format(now);

/** 'YYYY-MM-DD' plus days. */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
