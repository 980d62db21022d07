// Reading rounds: one round with its items (work summary, current result, full history), lists, and counts.
import type Database from 'better-sqlite3';
import { photosFor } from '../conditions/conditions.queries.js';
import { notFound } from '../http/errors.js';
import { resolveLocation } from '../locations/locations.queries.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import type { RoundOutcome } from './rounds.schema.js';

export type RoundRow = {
  id: number;
  name: string;
  siteId: number;
  locationIds: number[];
  status: 'open' | 'closed';
  dueDate: string;
  assigneeId: number | null;
  onlyDue: boolean;
  createdBy: number | null;
  closedAt: string | null;
  closedBy: number | null;
  summary: RoundSummary | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type RoundSummary = {
  total: number;
  expected: number;
  seenOk: number;
  needsAction: number;
  foundElsewhere: number;
  foundHere: number;
  missing: number;
  notAccessible: number;
  notVisited: number;
};

export type ResultRow = {
  id: number;
  idempotencyKey: string;
  itemId: number;
  outcome: RoundOutcome;
  recordedAt: string;
  receivedAt: string;
  userId: number | null;
  userName: string | null;
  locationId: number | null;
  locationPath: string | null;
  reason: string | null;
  note: string | null;
  check: Record<string, unknown> | null;
  conditionCheckId: number | null;
  movementId: number | null;
  /** Photos of the linked condition check (uploaded after the result, to POST /api/media with entityType condition_check). */
  photos: { mediaId: number; sha256: string; thumbnailUrl: string }[];
};

const ROUND_COLS = `r.id, r.name, r.site_id as siteId, r.location_ids as locationIds, r.status, r.due_date as dueDate, r.assignee_id as assigneeId,
  r.only_due as onlyDue, r.created_by as createdBy, r.closed_at as closedAt, r.closed_by as closedBy, r.summary, r.version,
  r.created_at as createdAt, r.updated_at as updatedAt`;

type RawRound = Omit<RoundRow, 'locationIds' | 'onlyDue' | 'summary'> & { locationIds: string; onlyDue: number; summary: string | null };
const toRound = (r: RawRound): RoundRow => ({ ...r, locationIds: JSON.parse(r.locationIds), onlyDue: !!r.onlyDue, summary: r.summary ? JSON.parse(r.summary) : null });

const RESULT_COLS = `x.id, x.idempotency_key as idempotencyKey, x.item_id as itemId, x.outcome, x.recorded_at as recordedAt, x.received_at as receivedAt,
  x.user_id as userId, u.name as userName, x.location_id as locationId, x.reason, x.note, x.check_input as checkInput,
  x.condition_check_id as conditionCheckId, x.movement_id as movementId`;

type RawResult = Omit<ResultRow, 'check' | 'locationPath' | 'photos'> & { checkInput: string | null };

export function findRound(sqlite: Database.Database, id: number): RoundRow | undefined {
  const raw = sqlite.prepare(`select ${ROUND_COLS} from rounds r where r.id = ?`).get(id) as RawRound | undefined;
  return raw && toRound(raw);
}

/** The round, or 404; a site-limited user reaching for another site's round gets 403. */
export function getRoundFor(sqlite: Database.Database, id: number, user: AuthUser): RoundRow {
  const round = findRound(sqlite, id);
  if (!round) throw notFound('round.not_found', `There is no round ${id}.`);
  assertSite(user, round.siteId);
  return round;
}

export function summarize(sqlite: Database.Database, roundId: number): RoundSummary {
  const rows = sqlite.prepare('select outcome, expected, count(*) as n from round_items where round_id = ? group by outcome, expected').all(roundId) as {
    outcome: string;
    expected: number;
    n: number;
  }[];
  const s: RoundSummary = { total: 0, expected: 0, seenOk: 0, needsAction: 0, foundElsewhere: 0, foundHere: 0, missing: 0, notAccessible: 0, notVisited: 0 };
  const key: Record<string, keyof RoundSummary> = {
    seen_ok: 'seenOk',
    needs_action: 'needsAction',
    found_elsewhere: 'foundElsewhere',
    found_here: 'foundHere',
    missing: 'missing',
    not_accessible: 'notAccessible',
    pending: 'notVisited',
  };
  for (const r of rows) {
    s.total += r.n;
    if (r.expected) s.expected += r.n;
    s[key[r.outcome]!] += r.n;
  }
  return s;
}

/** Location path texts, resolved once per location per call. */
function pathCache(sqlite: Database.Database) {
  const cache = new Map<number, { name: string; pathText: string; floorId: number | null } | null>();
  return (id: number | null) => {
    if (id == null) return null;
    if (!cache.has(id)) {
      const r = resolveLocation(sqlite, id);
      cache.set(id, r ? { name: r.path.at(-1)?.name ?? '', pathText: r.pathText, floorId: r.path.find((n) => n.kind === 'floor')?.id ?? null } : null);
    }
    return cache.get(id)!;
  };
}

export function resultsOfRound(sqlite: Database.Database, roundId: number, paths = pathCache(sqlite)): ResultRow[] {
  const raw = sqlite
    .prepare(`select ${RESULT_COLS} from round_results x left join users u on u.id = x.user_id where x.round_id = ? order by x.recorded_at, x.id`)
    .all(roundId) as RawResult[];
  const photos = photosFor(sqlite, 'condition_check', raw.flatMap((r) => (r.conditionCheckId ? [r.conditionCheckId] : [])));
  return raw.map(({ checkInput, ...r }) => ({
    ...r,
    locationPath: paths(r.locationId)?.pathText ?? null,
    check: checkInput ? JSON.parse(checkInput) : null,
    photos: photoViews(r.conditionCheckId ? photos.get(r.conditionCheckId) : undefined),
  }));
}

const photoViews = (list: { mediaId: number; sha256: string }[] | undefined) =>
  (list ?? []).map((p) => ({ mediaId: p.mediaId, sha256: p.sha256, thumbnailUrl: `/media/${p.sha256}/thumb.webp` }));

export function getResult(sqlite: Database.Database, id: number): ResultRow {
  const raw = sqlite.prepare(`select ${RESULT_COLS} from round_results x left join users u on u.id = x.user_id where x.id = ?`).get(id) as RawResult;
  const { checkInput, ...r } = raw;
  return {
    ...r,
    locationPath: r.locationId ? (resolveLocation(sqlite, r.locationId)?.pathText ?? null) : null,
    check: checkInput ? JSON.parse(checkInput) : null,
    photos: r.conditionCheckId ? photoViews(photosFor(sqlite, 'condition_check', [r.conditionCheckId]).get(r.conditionCheckId)) : [],
  };
}

export type RoundItemView = {
  id: number;
  seq: number;
  expected: boolean;
  outcome: RoundOutcome | 'pending';
  work: {
    id: number;
    inventoryNumber: string;
    title: string;
    artists: string[];
    status: string;
    thumbnailUrl: string | null;
    lastGrade: number | null;
    nextCheckDue: string | null;
    posX: number | null;
    posY: number | null;
    locationId: number | null;
  };
  /** floorId: the floor whose plan shows the room (the field app downloads those plans). */
  expectedLocation: { id: number; name: string; path: string; floorId: number | null } | null;
  current: ResultRow | null;
  history: ResultRow[];
};

export function roundItems(sqlite: Database.Database, roundId: number): RoundItemView[] {
  const paths = pathCache(sqlite);
  const rows = sqlite
    .prepare(
      `select i.id, i.seq, i.expected, i.outcome, i.current_result_id as currentResultId, i.expected_location_id as expectedLocationId,
              a.id as workId, a.inventory_number as inventoryNumber, a.title, a.status, a.last_grade as lastGrade, a.next_check_due as nextCheckDue,
              a.pos_x as posX, a.pos_y as posY, a.location_id as locationId, m.sha256,
              (select json_group_array(name) from (select ar.name from artwork_artists aa join artists ar on ar.id = aa.artist_id
                 where aa.artwork_id = a.id order by aa.position, ar.sort_name)) as artists
         from round_items i join artworks a on a.id = i.artwork_id
         left join media m on m.id = a.primary_media_id and m.state = 'ready'
        where i.round_id = ? order by i.seq, i.id`,
    )
    .all(roundId) as (Record<string, unknown> & { id: number; currentResultId: number | null; expectedLocationId: number | null; artists: string; sha256: string | null })[];
  const history = new Map<number, ResultRow[]>();
  for (const r of resultsOfRound(sqlite, roundId, paths)) {
    const list = history.get(r.itemId) ?? [];
    list.push(r);
    history.set(r.itemId, list);
  }
  return rows.map((r) => {
    const h = history.get(r.id) ?? [];
    const loc = paths(r.expectedLocationId);
    return {
      id: r.id,
      seq: r.seq as number,
      expected: !!r.expected,
      outcome: r.outcome as RoundItemView['outcome'],
      work: {
        id: r.workId as number,
        inventoryNumber: r.inventoryNumber as string,
        title: r.title as string,
        artists: JSON.parse(r.artists) as string[],
        status: r.status as string,
        thumbnailUrl: r.sha256 ? `/media/${r.sha256}/thumb.webp` : null,
        lastGrade: r.lastGrade as number | null,
        nextCheckDue: r.nextCheckDue as string | null,
        posX: r.posX as number | null,
        posY: r.posY as number | null,
        locationId: r.locationId as number | null,
      },
      expectedLocation: loc && r.expectedLocationId != null ? { id: r.expectedLocationId, name: loc.name, path: loc.pathText, floorId: loc.floorId } : null,
      current: h.find((x) => x.id === r.currentResultId) ?? null,
      history: h,
    };
  });
}

export function roundDetail(sqlite: Database.Database, round: RoundRow) {
  const names = sqlite.prepare('select name from users where id = ?').pluck();
  return {
    ...round,
    sitePath: resolveLocation(sqlite, round.siteId)?.pathText ?? null,
    locations: round.locationIds.map((id) => ({ id, path: resolveLocation(sqlite, id)?.pathText ?? null })),
    assigneeName: round.assigneeId ? ((names.get(round.assigneeId) as string | undefined) ?? null) : null,
    summary: round.summary ?? summarize(sqlite, round.id),
    items: roundItems(sqlite, round.id),
  };
}

export type ListFilter = { mine?: boolean; status?: 'open' | 'closed'; site?: number; limit: number; after?: { dueDate: string; id: number } };

/** Open rounds first by due date; keyset on (due_date, id). */
export function listRounds(sqlite: Database.Database, user: AuthUser, f: ListFilter) {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.mine) (where.push('r.assignee_id = ?'), args.push(user.id));
  if (f.status) (where.push('r.status = ?'), args.push(f.status));
  if (f.site) (where.push('r.site_id = ?'), args.push(f.site));
  if (user.siteIds) (where.push('r.site_id in (select value from json_each(?))'), args.push(JSON.stringify(user.siteIds)));
  const base = where.length ? `where ${where.join(' and ')}` : '';
  const total = sqlite.prepare(`select count(*) from rounds r ${base}`).pluck().get(...args) as number;
  const page = [...where];
  const pageArgs = [...args];
  if (f.after) (page.push('(r.due_date > ? or (r.due_date = ? and r.id > ?))'), pageArgs.push(f.after.dueDate, f.after.dueDate, f.after.id));
  const rows = sqlite
    .prepare(
      `select ${ROUND_COLS}, u.name as assigneeName,
              (select count(*) from round_items i where i.round_id = r.id) as itemCount,
              (select count(*) from round_items i where i.round_id = r.id and i.outcome <> 'pending') as visitedCount
         from rounds r left join users u on u.id = r.assignee_id
         ${page.length ? `where ${page.join(' and ')}` : ''} order by r.due_date, r.id limit ?`,
    )
    .all(...pageArgs, f.limit + 1) as (RawRound & { assigneeName: string | null; itemCount: number; visitedCount: number })[];
  const more = rows.length > f.limit;
  const items = rows.slice(0, f.limit).map((r) => ({ ...toRound(r), assigneeName: r.assigneeName, itemCount: r.itemCount, visitedCount: r.visitedCount, sitePath: resolveLocation(sqlite, r.siteId)?.pathText ?? null }));
  const last = items.at(-1);
  return { items, total, more, last: last ? { dueDate: last.dueDate, id: last.id } : null };
}
