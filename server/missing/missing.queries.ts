// Reading the missing-works follow-up: the works registered as missing, the steps of their current
// episode, the next step due, and where each was last seen.
import type Database from 'better-sqlite3';
import { addDays } from '../conditions/interval-policy.js';
import { STEP_DAYS, type LastSeen, type MissingItem, type MissingStep, type StepKind } from './missing.schema.js';

export type MissingScope = { siteId?: number; siteIds: number[] | null; today: string; policeWeeks: number };

type WorkRow = { id: number; siteId: number | null; since: string };
type StepRow = { id: number; artworkId: number; step: StepKind; date: string; note: string | null; reference: string | null; movementId: number | null; userName: string | null; createdAt: string };
export type Followed = WorkRow & { steps: MissingStep[]; nextStep: MissingItem['nextStep'] };

const SEEN_OUTCOMES = `('seen_ok','needs_action','found_elsewhere','found_here')`;
const PLAN = ['search_site', 'ask_unit', 'police_report'] as const;

function statements(sqlite: Database.Database) {
  return {
    works: sqlite.prepare(
      `select a.id, a.site_id as siteId, coalesce(a.status_changed_at, a.updated_at) as since from artworks a
        where a.status = 'missing' and (:site is null or a.site_id = :site) and (:sites is null or a.site_id in (select value from json_each(:sites)))`,
    ),
    steps: sqlite.prepare(
      `select s.id, s.artwork_id as artworkId, s.step, s.date, s.note, s.reference, s.movement_id as movementId, u.name as userName, s.created_at as createdAt
         from missing_steps s join artworks a on a.id = s.artwork_id left join users u on u.id = s.user_id
        where a.status = 'missing' and s.missing_since = coalesce(a.status_changed_at, a.updated_at)
          and (:site is null or a.site_id = :site) and (:sites is null or a.site_id in (select value from json_each(:sites)))
        order by s.date, s.id`,
    ),
    details: sqlite.prepare(
      `select a.id, a.inventory_number as inventoryNumber, a.title, a.status_note as statusNote, a.site_id as siteId, s.name as siteName,
          coalesce((select group_concat(ar.name, ', ' order by aa.position, aa.artist_id) from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = a.id), '') as artists,
          nullif(trim(coalesce(l0.name || ' › ', '') || coalesce(l1.name || ' › ', '') || coalesce(l2.name || ' › ', '') || coalesce(l3.name, ''), ' ›'), '') as locationText
         from artworks a left join locations s on s.id = a.site_id
         left join locations l3 on l3.id = a.location_id left join locations l2 on l2.id = l3.parent_id
         left join locations l1 on l1.id = l2.parent_id left join locations l0 on l0.id = l1.parent_id
        where a.id in (select value from json_each(?))`,
    ),
    lastRound: sqlite.prepare(
      `select r.id as roundId, r.name as roundName, rr.recorded_at as at, coalesce(rr.location_id, ri.expected_location_id) as locationId
         from round_items ri join round_results rr on rr.item_id = ri.id join rounds r on r.id = ri.round_id
        where ri.artwork_id = ? and rr.outcome in ${SEEN_OUTCOMES} order by rr.recorded_at desc, rr.id desc limit 1`,
    ),
    lastCheck: sqlite.prepare('select checked_at as at from condition_checks where artwork_id = ? order by checked_at desc limit 1'),
    lastMove: sqlite.prepare('select moved_at as at, to_path_text as place from movements where artwork_id = ? order by moved_at desc, id desc limit 1'),
    placeAt: sqlite.prepare('select to_path_text from movements where artwork_id = ? and moved_at <= ? order by moved_at desc, id desc limit 1').pluck(),
    path: sqlite.prepare('select path from locations where id = ?').pluck(),
    names: sqlite.prepare('select id, name from locations where id in (select value from json_each(?))'),
  };
}
const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
const stmts = (sqlite: Database.Database) => {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = statements(sqlite)));
  return s;
};

/** The next planned step not yet taken: search the site, ask the unit, then report to the police. */
export function nextStep(since: string, done: ReadonlySet<string>, today: string, policeWeeks: number): MissingItem['nextStep'] {
  const day = since.slice(0, 10);
  for (const step of PLAN) {
    if (done.has(step)) continue;
    const due = addDays(day, step === 'police_report' ? policeWeeks * 7 : STEP_DAYS[step]);
    return { step, due, overdue: due < today };
  }
  return null;
}

/** Every missing work in scope with its current episode's steps and next step, longest missing first. */
export function followedWorks(sqlite: Database.Database, scope: MissingScope): Followed[] {
  const s = stmts(sqlite);
  const params = { site: scope.siteId ?? null, sites: scope.siteIds ? JSON.stringify(scope.siteIds) : null };
  const steps = new Map<number, MissingStep[]>();
  for (const { artworkId, ...st } of s.steps.all(params) as StepRow[]) {
    let list = steps.get(artworkId);
    if (!list) steps.set(artworkId, (list = []));
    list.push(st);
  }
  const works = (s.works.all(params) as WorkRow[]).map((w) => {
    const list = steps.get(w.id) ?? [];
    return { ...w, steps: list, nextStep: nextStep(w.since, new Set(list.map((x) => x.step)), scope.today, scope.policeWeeks) };
  });
  return works.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.id - b.id));
}

export function missingCounts(works: readonly Followed[]) {
  return {
    total: works.length,
    overdue: works.filter((w) => w.nextStep?.overdue).length,
    policeReportDue: works.filter((w) => w.nextStep?.step === 'police_report' && w.nextStep.overdue).length,
  };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);

/** The page's items with their record details and where each was last seen. */
export function missingItems(sqlite: Database.Database, page: readonly Followed[], today: string): MissingItem[] {
  const s = stmts(sqlite);
  type Detail = { id: number; inventoryNumber: string; title: string; statusNote: string | null; siteId: number | null; siteName: string | null; artists: string; locationText: string | null };
  const details = new Map((s.details.all(JSON.stringify(page.map((w) => w.id))) as Detail[]).map((d) => [d.id, d]));
  return page.map((w) => {
    const d = details.get(w.id)!;
    return {
      artworkId: w.id,
      inventoryNumber: d.inventoryNumber,
      title: d.title,
      artists: d.artists,
      siteId: d.siteId,
      siteName: d.siteName,
      locationText: d.locationText,
      missingSince: w.since,
      daysMissing: Math.max(0, daysBetween(w.since, today)),
      statusNote: d.statusNote,
      lastSeen: lastSeen(sqlite, w.id),
      steps: w.steps,
      nextStep: w.nextStep,
    };
  });
}

/** The latest sighting: a round that saw it, a condition check, or the move that put it where it was. */
export function lastSeen(sqlite: Database.Database, artworkId: number): LastSeen | null {
  const s = stmts(sqlite);
  const round = s.lastRound.get(artworkId) as { roundId: number; roundName: string; at: string; locationId: number | null } | undefined;
  const check = s.lastCheck.get(artworkId) as { at: string } | undefined;
  const move = s.lastMove.get(artworkId) as { at: string; place: string | null } | undefined;
  const candidates: LastSeen[] = [];
  if (round) candidates.push({ kind: 'round', at: round.at, place: round.locationId ? pathText(sqlite, round.locationId) : null, roundId: round.roundId, roundName: round.roundName });
  if (check) candidates.push({ kind: 'check', at: check.at, place: (s.placeAt.get(artworkId, check.at) as string | undefined) ?? null, roundId: null, roundName: null });
  if (move) candidates.push({ kind: 'movement', at: move.at, place: move.place, roundId: null, roundName: null });
  // Latest wins; on the same moment a round says more than a check, and a check more than a move.
  return candidates.reduce<LastSeen | null>((best, c) => (!best || c.at > best.at ? c : best), null);
}

function pathText(sqlite: Database.Database, locationId: number): string | null {
  const s = stmts(sqlite);
  const path = s.path.get(locationId) as string | undefined;
  if (!path) return null;
  const ids = path.split('/').filter(Boolean).map(Number);
  const names = new Map((s.names.all(JSON.stringify(ids)) as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  return ids.map((id) => names.get(id) ?? '?').join(' › ');
}

/** All steps of a work, every episode, oldest first (the history). */
export function stepHistory(sqlite: Database.Database, artworkId: number): (MissingStep & { missingSince: string })[] {
  return sqlite
    .prepare(
      `select s.id, s.missing_since as missingSince, s.step, s.date, s.note, s.reference, s.movement_id as movementId, u.name as userName, s.created_at as createdAt
         from missing_steps s left join users u on u.id = s.user_id where s.artwork_id = ? order by s.missing_since, s.date, s.id`,
    )
    .all(artworkId) as (MissingStep & { missingSince: string })[];
}
