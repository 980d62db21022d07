// Deterministic demo collection: real places of Stockholm County (db/reference), generated
// artists, artworks and their histories. One transaction, raw prepared statements.
//   npx tsx scripts/seed-demo.ts [--works N] [--db path] [--seed N]
import path from 'node:path';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection.js';
import { suspendSearchIndexing } from '../server/search/bulk-index.js';
import { Rng, Weighted } from './demo/random.js';
import { NAME_POOLS, nameKey, sortNameOf } from './demo/names.js';
import { buildTree, effectiveInterval, loadSites, stationName, type LocNode } from './demo/places.js';
import { STATION_ART } from './demo/station-art.js';
import { seedDemoProjects } from './demo/projects.js';
import {
  ACQUISITION_SOURCES, CHECK_NOTES, CONTRACTORS, DAMAGE_LOCATIONS, DEACCESSION_REASONS, DIMENSIONS, LOAN_NOTES,
  MOVE_REASONS, OBJECT_TYPE_WEIGHTS, TECHNIQUES, TREATMENT_MATERIALS, damageProfile, makeTitle, publicTexts,
  type ObjectTypeCode,
} from './demo/vocabulary.js';

export interface SeedOptions {
  works?: number;
  seed?: number;
  now?: Date;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface SeedSummary {
  counts: {
    locations: number;
    sites: number;
    rooms: number;
    artists: number;
    artworks: number;
    artworkArtists: number;
    movements: number;
    conditionChecks: number;
    conservationTreatments: number;
  };
  seed: number;
  ms: number;
}

export const DEFAULT_NOW = new Date('2026-11-01T00:00:00Z');
export const DEFAULT_WORKS = 60_000;

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const MONTH = YEAR / 12;

type Status = 'in_place' | 'in_storage' | 'on_loan' | 'in_conservation' | 'missing' | 'deaccessioned';
type Grade = 1 | 2 | 3 | 4;

interface Artist {
  id: number;
  name: string;
  nationality: string | null;
  birth: number | null;
  death: number | null;
  activeFrom: number;
  activeTo: number;
  bus: boolean;
}

interface Move {
  from: LocNode | null;
  to: LocNode | null;
  at: number;
  reason: string;
}

interface Check {
  at: number;
  grade: Grade;
  damages: string[];
  damageLocation: string | null;
  action: string | null;
  priority: 'none' | 'routine' | 'soon' | 'urgent';
  note: string | null;
  cost: number | null;
  resolvedAt: number | null;
}

interface Treatment {
  checkIndex: number;
  status: 'proposed' | 'approved' | 'in_progress' | 'done' | 'rejected';
  performer: 'in_house' | 'contractor';
  contractor: string | null;
  description: string;
  workDone: string | null;
  materials: string | null;
  costEstimate: number;
  costActual: number | null;
  priority: string;
  proposedAt: number;
  approvedAt: number | null;
  startedAt: number | null;
  doneAt: number | null;
  offSite: boolean;
  treatmentLocation: LocNode | null;
  returnLocation: LocNode | null;
  rejectedAt: number | null;
  rejectionReason: string | null;
}

interface Work {
  sortKey: number;
  title: string;
  type: ObjectTypeCode;
  technique: string | null;
  h: number | null;
  w: number | null;
  d: number | null;
  kg: number | null;
  datingText: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  signed: string | null;
  artists: { artist: Artist; role: string }[];
  acqMethod: string;
  acqDate: string | null;
  acqPrice: number | null;
  acqSource: string | null;
  acqRef: string | null;
  insurance: number | null;
  status: Status;
  statusNote: string | null;
  statusChangedAt: number | null;
  deaccDate: string | null;
  deaccRef: string | null;
  deaccReason: string | null;
  location: LocNode | null;
  posX: number | null;
  posY: number | null;
  mounting: string;
  fixed: boolean;
  antiTheft: boolean;
  glazed: boolean;
  cleanable: boolean;
  psychSafe: boolean;
  fireClass: string | null;
  ownershipUnclear: boolean;
  acqMissing: boolean;
  dimsUnknown: boolean;
  isPublic: boolean;
  publicSv: string | null;
  publicEn: string | null;
  internalNote: string | null;
  interval: number;
  moves: Move[];
  checks: Check[];
  treatments: Treatment[];
  createdAt: number;
  updatedAt: number;
}

// Date#toISOString for a few hundred thousand timestamps is a visible share of the seed's
// time; the day part is cached and the time of day formatted by hand (same output).
const dayCache = new Map<number, string>();
const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));
function isoDay(ms: number): string {
  const day = Math.floor(Math.trunc(ms) / DAY);
  let d = dayCache.get(day);
  if (d === undefined) {
    d = new Date(day * DAY).toISOString().slice(0, 10);
    dayCache.set(day, d);
  }
  return d;
}
function iso(ms: number): string {
  const t = Math.trunc(ms);
  let r = t - Math.floor(t / DAY) * DAY;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const sec = Math.floor(r / 1000);
  const milli = r - sec * 1000;
  return `${isoDay(t)}T${p2(h)}:${p2(m)}:${p2(sec)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}
/** 'YYYY-MM-DD' plus whole months, clamped to the month's last day (as the conditions service does). */
export function addMonthsToDate(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const b = (v: boolean) => (v ? 1 : 0);

/** Value of money in year y relative to 2020 (a rough consumer-price curve). */
function priceLevel(y: number): number {
  const pts: [number, number][] = [[1950, 0.06], [1960, 0.08], [1970, 0.13], [1980, 0.3], [1990, 0.6], [2000, 0.75], [2010, 0.86], [2020, 1], [2026, 1.2]];
  if (y <= 1950) return 0.06;
  for (let i = 1; i < pts.length; i++) {
    const [y1, v1] = pts[i] as [number, number];
    const [y0, v0] = pts[i - 1] as [number, number];
    if (y <= y1) return v0 + ((v1 - v0) * (y - y0)) / (y1 - y0);
  }
  return 1.2;
}

/** Value in kronor (2020) by object type, [min, max], drawn log-uniformly. */
const VALUE_KR: Record<ObjectTypeCode, [number, number]> = {
  print: [2_000, 14_000], drawing: [3_000, 25_000], photograph: [5_000, 35_000], painting: [8_000, 120_000],
  textile: [15_000, 180_000], sculpture: [20_000, 450_000], relief: [20_000, 300_000], ceramics: [5_000, 60_000],
  glass: [5_000, 70_000], mosaic: [80_000, 900_000], installation: [50_000, 1_500_000], digital: [20_000, 150_000], other: [3_000, 30_000],
};

export function seedDemo(db: Db, opts: SeedOptions = {}): SeedSummary {
  const t0 = performance.now();
  const nWorks = Math.max(0, Math.floor(opts.works ?? DEFAULT_WORKS));
  const seed = opts.seed ?? 20261101;
  const now = (opts.now ?? DEFAULT_NOW).getTime();
  const nowYear = new Date(now).getUTCFullYear();
  const progress = opts.onProgress ?? (() => {});
  const sqlite = db.$client;
  const root = new Rng(seed);
  const createdBase = iso(now - 10 * YEAR);

  if ((sqlite.prepare('select count(*) from artworks').pluck().get() as number) > 0) throw new Error('seedDemo: the database already has artworks');
  const nextId = (table: string) => ((sqlite.prepare(`select coalesce(max(id), 0) from ${table}`).pluck().get() as number) + 1);

  // ---------------------------------------------------------------- locations
  progress('locations', 0, 1);
  const tree = buildTree(root.fork(1), loadSites(), nextId('locations'));
  const indoorRooms = tree.rooms.filter((r) => !r.envTags.includes('outdoor'));
  const outdoorRooms = tree.rooms.filter((r) => r.envTags.includes('outdoor'));
  const pickIndoor = new Weighted(indoorRooms.map((r) => [r, r.weight] as const));
  const pickOutdoor = new Weighted(outdoorRooms.map((r) => [r, r.weight] as const));
  const pickStorage = new Weighted(tree.storageRooms.map((r) => [r, r.weight] as const));
  const studioRooms = tree.studioRooms;

  // ---------------------------------------------------------------- artists
  const ar = root.fork(2);
  const artists: Artist[] = [];
  let artistId = nextId('artists');
  const seen = new Set<string>();
  const realByName = new Map<string, Artist>();
  for (const works of Object.values(STATION_ART)) {
    for (const w of works) {
      for (const name of w.artists) {
        if (realByName.has(name)) continue;
        const a: Artist = { id: artistId++, name, nationality: null, birth: null, death: null, activeFrom: 1950, activeTo: nowYear, bus: false };
        realByName.set(name, a);
        artists.push(a);
        seen.add(nameKey(name));
      }
    }
  }
  const nArtists = Math.max(300, Math.round((nWorks * 8000) / 60000));
  const poolW = new Weighted(NAME_POOLS.map((p) => [p, p.weight] as const));
  const birthDecadeW = new Weighted<number>([[1860, 1], [1870, 2], [1880, 3], [1890, 4], [1900, 6], [1910, 8], [1920, 10], [1930, 12], [1940, 13], [1950, 13], [1960, 11], [1970, 9], [1980, 6], [1990, 2]]);
  const generated: Artist[] = [];
  while (artists.length < nArtists) {
    const pool = poolW.draw(ar);
    let name = '';
    for (let tries = 0; tries < 8; tries++) {
      const female = ar.chance(0.5);
      let first = ar.pick(female ? pool.female : pool.male);
      if (pool.nationality === 'SE' && ar.chance(0.06)) first = `${first}-${ar.pick(female ? pool.female : pool.male)}`;
      let last = ar.pick(pool.surnames);
      if (pool.nationality === 'SE' && ar.chance(0.05)) last = `${ar.pick(pool.surnames)} ${last}`;
      name = `${first} ${last}`;
      if (!seen.has(nameKey(name))) break;
    }
    seen.add(nameKey(name));
    const decade = birthDecadeW.draw(ar);
    const birth = decade === 1990 ? ar.int(1990, 1995) : ar.int(decade, decade + 9);
    const age = nowYear - birth;
    const pDead = age > 100 ? 1 : age > 85 ? 0.85 : age > 75 ? 0.45 : age > 65 ? 0.2 : 0.04;
    let death: number | null = null;
    if (ar.chance(pDead)) {
      const lo = Math.max(birth + 45, 1905);
      const hi = Math.min(birth + 98, nowYear - 1);
      death = lo <= hi ? ar.int(lo, hi) : ar.int(Math.min(birth + 30, nowYear - 1), nowYear - 1);
    }
    const activeFrom = Math.max(1900, birth + 20);
    const activeTo = Math.min(death ?? nowYear, nowYear);
    const a: Artist = { id: artistId++, name, nationality: pool.nationality, birth, death, activeFrom: Math.min(activeFrom, activeTo), activeTo, bus: ar.chance(0.35) };
    artists.push(a);
    generated.push(a);
  }
  // A few duplicate records, as real registers have (spelled without diacritics or with an initial).
  for (let i = 0; i < Math.max(3, Math.round(nArtists / 400)); i++) {
    const orig = ar.pick(generated);
    const parts = orig.name.split(' ');
    const variant = ar.chance(0.5) && /[^\x00-\x7f]/.test(orig.name)
      ? orig.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      : `${(parts[0] ?? 'X').charAt(0)}. ${parts.slice(1).join(' ')}`;
    const a: Artist = { ...orig, id: artistId++, name: variant, birth: ar.chance(0.5) ? orig.birth : null, death: null, bus: false };
    artists.push(a);
    generated.push(a);
  }
  // Popularity: a few artists with many works, a long tail with one or two.
  const popularity = generated.map((a, i) => [a, 1 / Math.pow(1 + ((i * 7919) % generated.length), 0.5)] as const);
  const pickArtist = new Weighted(popularity);
  progress('artists', artists.length, artists.length);

  // ---------------------------------------------------------------- artworks (drafts)
  const wr = root.fork(3);
  const typeW = new Weighted(OBJECT_TYPE_WEIGHTS);
  const statusW = new Weighted<Status>([['in_place', 80.5], ['in_storage', 11], ['on_loan', 0.8], ['in_conservation', 0.5], ['missing', 1.5], ['deaccessioned', 5.7]]);
  const extraMovesW = new Weighted<number>([[0, 60], [1, 25], [2, 10], [3, 5]]);
  const nChecksW = new Weighted<number>([[0, 10], [1, 16], [2, 28], [3, 25], [4, 14], [5, 7]]);
  const works: Work[] = [];

  const dims = (type: ObjectTypeCode) => {
    const [h0, h1, w0, w1, d0, d1] = DIMENSIONS[type];
    const r1 = (v: number) => Math.round(v * 10) / 10;
    const h = r1(wr.float(h0, h1));
    const w = r1(wr.float(w0, w1));
    const d = d1 > 0 ? r1(wr.float(Math.max(d0, 0.5), d1)) : null;
    const kg = ['sculpture', 'relief', 'ceramics', 'glass', 'mosaic', 'installation'].includes(type) ? Math.round(((h * w * (d ?? 5)) / 1000) * wr.float(0.2, 1.5) * 10) / 10 : null;
    return { h, w, d, kg };
  };

  const placeInRoom = (room: LocNode | null): { x: number | null; y: number | null } => {
    const a = room?.planArea;
    if (!a) return { x: null, y: null };
    const r4 = (v: number) => Math.round(v * 10000) / 10000;
    return { x: r4(a.x + a.w * wr.float(0.12, 0.88)), y: r4(a.y + a.h * wr.float(0.12, 0.88)) };
  };

  const makeChecks = (work: Work, fromMs: number, toMs: number, forceBad: boolean, outdoor: boolean) => {
    let n = nChecksW.draw(wr);
    if (forceBad && n === 0) n = 1;
    const span = toMs - fromMs;
    if (span < 20 * DAY) return;
    const I = work.interval * MONTH;
    const dates: number[] = [];
    let t = forceBad ? toMs - wr.float(0, Math.min(span, 80 * DAY)) : toMs - wr.float(0, Math.min(span, I * 1.35));
    for (let k = 0; k < n && t >= fromMs; k++) {
      dates.unshift(t);
      t -= I * wr.float(0.55, 1.1);
    }
    const envBad = outdoor || (work.location?.envTags ?? []).some((x) => x === 'psychiatry' || x === 'public_area');
    let g: Grade;
    if (forceBad) g = wr.chance(0.6) ? 3 : 4;
    else {
      const r = wr.next();
      g = envBad ? (r < 0.45 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4) : r < 0.56 ? 1 : r < 0.89 ? 2 : r < 0.985 ? 3 : 4;
    }
    const grades: Grade[] = new Array(dates.length);
    for (let i = dates.length - 1; i >= 0; i--) {
      grades[i] = g;
      if (wr.chance(0.35) && g > 1) g = (g - 1) as Grade;
    }
    const profile = damageProfile(work.type, outdoor);
    work.checks = dates.map((at, i) => {
      const grade = grades[i] as Grade;
      const hour = Math.floor(at / DAY) * DAY + wr.int(7 * 60, 15 * 60) * 60_000;
      return makeCheck(Math.min(hour, toMs), grade, profile, work);
    });

    // A treated damage: an earlier poor check, a finished treatment, better checks after it.
    if (!forceBad && work.checks.length >= 2 && wr.chance(0.0075)) {
      const k = wr.int(0, work.checks.length - 2);
      const bad = wr.chance(0.7) ? 3 : 4;
      const c = makeCheck((work.checks[k] as Check).at, bad, profile, work);
      work.checks[k] = c;
      for (let i = 0; i < k; i++) if ((work.checks[i] as Check).grade > bad) work.checks[i] = makeCheck((work.checks[i] as Check).at, bad, profile, work);
      for (let i = k + 1; i < work.checks.length; i++) {
        const old = work.checks[i] as Check;
        if (old.grade > 2) work.checks[i] = makeCheck(old.at, wr.chance(0.7) ? 1 : 2, profile, work);
      }
      const next = (work.checks[k + 1] as Check).at;
      const gap = next - c.at;
      const proposedAt = c.at + gap * wr.float(0.02, 0.1);
      const approvedAt = proposedAt + gap * wr.float(0.02, 0.1);
      const startedAt = approvedAt + gap * wr.float(0.05, 0.3);
      const doneAt = startedAt + gap * wr.float(0.05, 0.3);
      c.resolvedAt = proposedAt;
      work.treatments.push(makeTreatment(k, c, 'done', proposedAt, approvedAt, startedAt, doneAt));
    }
  };

  const makeCheck = (at: number, grade: Grade, profile: ReturnType<typeof damageProfile>, work: Work): Check => {
    let damages: string[] = [];
    let priority: Check['priority'] = 'none';
    let action: string | null = null;
    let cost: number | null = null;
    const heavy = work.fixed || work.type === 'sculpture' || work.type === 'installation' ? 3 : 1;
    if (grade === 2) {
      if (wr.chance(0.5)) damages = [wr.pick(profile.damages)];
      if (damages.length && wr.chance(0.4)) {
        priority = 'routine';
        action = wr.pick(profile.actions);
        if (wr.chance(0.3)) cost = wr.int(5, 30) * 10_000;
      }
    } else if (grade === 3) {
      damages = pickDistinct(profile.damages, wr.int(1, 2));
      priority = wr.chance(0.6) ? 'soon' : 'routine';
      action = wr.pick(profile.actions);
      cost = wr.int(15, 200) * 10_000 * heavy;
    } else if (grade === 4) {
      damages = pickDistinct(profile.damages, wr.int(1, 3));
      priority = wr.chance(0.6) ? 'urgent' : 'soon';
      action = wr.pick(profile.actions);
      cost = wr.int(50, 800) * 10_000 * heavy;
    } else if (wr.chance(0.05)) damages = ['dust'];
    return {
      at,
      grade,
      damages,
      damageLocation: damages.length && work.type !== 'digital' ? wr.pick(DAMAGE_LOCATIONS) : null,
      action,
      priority,
      note: wr.chance(0.08) ? wr.pick(CHECK_NOTES) : null,
      cost,
      resolvedAt: null,
    };
  };

  const pickDistinct = (items: readonly string[], n: number): string[] => {
    const out = new Set<string>();
    while (out.size < Math.min(n, items.length)) out.add(wr.pick(items));
    return [...out];
  };

  const makeTreatment = (checkIndex: number, c: Check, status: Treatment['status'], proposedAt: number, approvedAt: number | null, startedAt: number | null, doneAt: number | null): Treatment => {
    const contractor = wr.chance(0.35);
    const estimate = c.cost ?? wr.int(20, 300) * 10_000;
    return {
      checkIndex,
      status,
      performer: contractor ? 'contractor' : 'in_house',
      contractor: contractor ? wr.pick(CONTRACTORS) : null,
      description: c.action ?? 'Konservering',
      workDone: status === 'done' ? `${c.action ?? 'Åtgärd'} utförd. Verket kontrollerat efter behandling.` : null,
      materials: status === 'done' || status === 'in_progress' ? wr.pick(TREATMENT_MATERIALS) : null,
      costEstimate: estimate,
      costActual: status === 'done' ? Math.round((estimate * wr.float(0.7, 1.4)) / 10_000) * 10_000 : null,
      priority: c.priority === 'none' ? 'routine' : c.priority,
      proposedAt,
      approvedAt,
      startedAt,
      doneAt,
      offSite: false,
      treatmentLocation: null,
      returnLocation: null,
      rejectedAt: null,
      rejectionReason: null,
    };
  };

  const lastKnownRoom = (moves: Move[]): LocNode | null => {
    for (let i = moves.length - 1; i >= 0; i--) {
      const m = moves[i] as Move;
      if (m.to) return m.to;
    }
    return null;
  };

  /** Common part: status, location, moves, checks, treatments, public text. */
  const finish = (work: Work, home: LocNode, placementMs: number, integrated: boolean, outdoor: boolean, status: Status) => {
    const moves: Move[] = [];
    const extra = integrated ? (wr.chance(0.1) ? 1 : 0) : extraMovesW.draw(wr);
    // The rooms the work has hung in, ending in its current one.
    const chain: LocNode[] = [];
    if (status === 'in_storage' && wr.chance(0.15)) {
      chain.push(pickStorage.draw(wr));
    } else {
      for (let i = 0; i < extra; i++) chain.push(integrated ? home : wr.chance(0.4) ? pickStorage.draw(wr) : pickIndoor.draw(wr));
      chain.push(home);
    }
    // Terminal step by status.
    let terminal: LocNode | null | undefined; // undefined: none
    if (status === 'in_storage' && !(chain[chain.length - 1] as LocNode).envTags.includes('storage')) terminal = pickStorage.draw(wr);
    else if (status === 'in_conservation') terminal = wr.pick(studioRooms);
    else if (status === 'on_loan' || status === 'deaccessioned') terminal = null;

    const steps = chain.length + (terminal === undefined ? 0 : 1);
    // Dates: first placement, then the rest spread up to now (conservation is recent).
    const latestAllowed = now - DAY;
    const times: number[] = [placementMs];
    for (let i = 1; i < steps; i++) times.push(wr.float(placementMs + DAY, latestAllowed));
    times.sort((x, y) => x - y);
    if (status === 'in_conservation') times[times.length - 1] = Math.max(times[times.length - 2] ?? placementMs, now - wr.float(10, 300) * DAY);
    const roundTime = (t: number) => Math.floor(t / DAY) * DAY + wr.int(8 * 60, 16 * 60) * 60_000;

    let prev: LocNode | null = null;
    for (let i = 0; i < steps; i++) {
      const to: LocNode | null = i < chain.length ? (chain[i] as LocNode) : (terminal ?? null);
      const at = Math.min(roundTime(times[i] as number), latestAllowed);
      let reason: string;
      if (i === 0) reason = to?.envTags.includes('storage') ? 'Inleverans till magasin' : 'Första placering';
      else if (to === null) reason = status === 'on_loan' ? 'Utlån' : 'Avregistrering';
      else if (to.siteId === studioRooms[0]?.siteId) reason = 'Till konservering';
      else if (prev && prev.siteId === studioRooms[0]?.siteId) reason = 'Åter från konservering';
      else if (to.envTags.includes('storage')) reason = 'Till magasin';
      else reason = wr.pick(MOVE_REASONS);
      if (i > 0 && prev === to) continue; // never a move to where it already is
      moves.push({ from: prev, to, at, reason });
      prev = to;
    }
    work.moves = moves;
    const last = moves[moves.length - 1] as Move;
    work.status = status;
    work.location = last.to;
    const room = lastKnownRoom(moves);
    const roomTags = room?.envTags ?? [];
    const pos = placeInRoom(work.location);
    work.posX = pos.x;
    work.posY = pos.y;
    work.interval = effectiveInterval(tree.chainOf(work.location), work.mounting, work.fixed);
    work.statusChangedAt = last.at;
    if (status === 'missing') {
      work.statusChangedAt = Math.max(last.at, now - wr.float(20, 1000) * DAY);
      work.statusNote = `Ej återfunnen vid inventering ${new Date(work.statusChangedAt).getUTCFullYear()}`;
    } else if (status === 'on_loan') {
      work.statusNote = `${wr.pick(LOAN_NOTES)} t.o.m. ${isoDay(now + wr.float(60, 700) * DAY)}`;
    } else if (status === 'deaccessioned') {
      work.deaccDate = isoDay(last.at);
      work.deaccRef = `RS ${new Date(last.at).getUTCFullYear()}-${String(wr.int(100, 9999)).padStart(4, '0')}`;
      work.deaccReason = integrated ? 'Byggnaden riven' : wr.pick(DEACCESSION_REASONS);
    }

    // Psychiatry and public rooms ask for safe fixing.
    const psych = roomTags.includes('psychiatry');
    work.antiTheft = work.fixed || psych || roomTags.includes('public_area') ? wr.chance(0.75) : wr.chance(0.15);
    work.psychSafe = psych ? wr.chance(0.9) : wr.chance(0.08);

    // Condition checks: within the last ~8 years, after placement, before it left the collection.
    const checkFrom = Math.max(placementMs + 7 * DAY, now - 8 * YEAR);
    let checkTo = now - DAY;
    if (status === 'deaccessioned' || status === 'on_loan') checkTo = last.at - DAY;
    if (status === 'in_conservation') checkTo = last.at - wr.float(5, 40) * DAY;
    makeChecks(work, checkFrom, checkTo, status === 'in_conservation', outdoor);

    const latest = work.checks[work.checks.length - 1];
    if (status === 'in_conservation' && latest) {
      const proposedAt = latest.at + wr.float(1, 3) * DAY;
      const approvedAt = Math.min(proposedAt + wr.float(1, 4) * DAY, last.at);
      const inProgress = wr.chance(0.7);
      latest.resolvedAt = proposedAt;
      work.treatments.push(makeTreatment(work.checks.length - 1, latest, inProgress ? 'in_progress' : 'approved', proposedAt, approvedAt, inProgress ? last.at + wr.float(1, 10) * DAY : null, null));
      const tr = work.treatments[work.treatments.length - 1] as Treatment;
      if (tr.startedAt !== null && tr.startedAt > now - DAY) tr.startedAt = now - DAY;
      tr.offSite = true;
      tr.treatmentLocation = last.to;
      tr.returnLocation = moves.length >= 2 ? (moves[moves.length - 2] as Move).to : null;
    } else if (latest && latest.grade >= 3 && (status === 'in_place' || status === 'in_storage') && wr.chance(0.025)) {
      const r = wr.next();
      const st: Treatment['status'] = r < 0.5 ? 'proposed' : r < 0.8 ? 'approved' : 'rejected';
      const proposedAt = Math.min(latest.at + wr.float(1, 30) * DAY, now - DAY);
      const approvedAt = st === 'approved' ? Math.min(proposedAt + wr.float(1, 30) * DAY, now - DAY) : null;
      if (st !== 'rejected') latest.resolvedAt = proposedAt;
      const tr = makeTreatment(work.checks.length - 1, latest, st, proposedAt, approvedAt, null, null);
      tr.offSite = !work.fixed && wr.chance(0.4);
      if (st === 'rejected') {
        tr.rejectedAt = Math.min(proposedAt + wr.float(3, 60) * DAY, now - DAY);
        tr.rejectionReason = wr.pick(['Kostnaden står inte i proportion till verkets värde', 'Verket föreslås för gallring i stället', 'Åtgärden skjuts upp till ombyggnaden', 'Skadan bedöms inte förvärras']);
      }
      work.treatments.push(tr);
    }

    // Public works for the art guide: on display, not in a closed unit.
    if (status === 'in_place' && work.location && !work.location.closedUnit && !work.isPublic && wr.chance(0.035)) work.isPublic = true;
    if (work.isPublic && work.location) {
      const site = tree.byId(work.location.siteId);
      const t = publicTexts(wr, { title: work.title, artist: work.artists[0]?.artist.name ?? null, year: work.yearFrom, type: work.type, technique: work.technique, siteName: site.name });
      work.publicSv = t.sv;
      work.publicEn = t.en;
    }
    work.createdAt = (moves[0] as Move).at;
    work.updatedAt = Math.max(last.at, work.statusChangedAt ?? 0, ...work.checks.map((c) => c.at));
  };

  const blank = (): Work => ({
    sortKey: 0, title: '', type: 'other', technique: null, h: null, w: null, d: null, kg: null, datingText: null, yearFrom: null, yearTo: null, signed: null,
    artists: [], acqMethod: 'purchase', acqDate: null, acqPrice: null, acqSource: null, acqRef: null, insurance: null, status: 'in_place', statusNote: null,
    statusChangedAt: null, deaccDate: null, deaccRef: null, deaccReason: null, location: null, posX: null, posY: null, mounting: 'wall', fixed: false,
    antiTheft: false, glazed: false, cleanable: false, psychSafe: false, fireClass: null, ownershipUnclear: false, acqMissing: false, dimsUnknown: false,
    isPublic: false, publicSv: null, publicEn: null, internalNote: null, interval: 36, moves: [], checks: [], treatments: [], createdAt: 0, updatedAt: 0,
  });

  const acqRefFor = (ms: number) => {
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    const n = String(wr.int(1, 2999)).padStart(4, '0');
    return y >= 2019 ? `RS ${y}-${n}` : `LS ${String(y % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}-${n}`;
  };
  const dateInYear = (y: number) => Date.UTC(y, 0, 1) + wr.float(0, 364) * DAY;

  // Metro station works: the real artists and titles where known, otherwise a generated integrated work.
  for (const site of tree.sites) {
    if (site.siteType !== 'station' || works.length >= nWorks) continue;
    const rooms = tree.stationRooms.get(site.id) ?? [];
    const facts = STATION_ART[stationName(site.name)] ?? (wr.chance(0.6) ? [null] : []);
    for (const fact of facts) {
      if (works.length >= nWorks) break;
      const work = blank();
      const type: ObjectTypeCode = fact ? fact.type : wr.pick(['mosaic', 'relief', 'installation', 'ceramics'] as const);
      const year = fact?.year ?? wr.int(1957, 2015);
      work.type = type;
      work.title = fact ? fact.title : makeTitle(wr, type);
      work.technique = fact ? fact.technique : wr.pick(TECHNIQUES[type]);
      work.artists = fact ? fact.artists.map((n, i) => ({ artist: realByName.get(n) as Artist, role: i === 0 ? 'artist' : 'collaborator' })) : [{ artist: pickArtist.draw(wr), role: 'artist' }];
      work.datingText = fact && !fact.year ? null : String(year);
      work.yearFrom = work.datingText ? year : null;
      work.yearTo = work.yearFrom;
      const dm = dims(type);
      Object.assign(work, { h: dm.h, w: dm.w, d: dm.d, kg: dm.kg });
      work.fixed = true;
      work.mounting = type === 'sculpture' ? 'free_standing' : 'integrated';
      work.cleanable = true;
      work.acqMethod = 'commission';
      const acqMs = Math.min(dateInYear(year), now - 30 * DAY);
      work.acqDate = isoDay(acqMs);
      work.acqPrice = Math.round((wr.float(100_000, 1_500_000) * priceLevel(year)) / 1000) * 1000 * 100;
      work.acqSource = 'Beställning, gestaltningsuppdrag';
      work.acqRef = acqRefFor(acqMs);
      work.insurance = Math.round(wr.float(300_000, 3_000_000) / 10_000) * 10_000 * 100;
      work.isPublic = true;
      work.sortKey = acqMs;
      const home = type === 'sculpture' ? rooms.find((r) => r.name === 'Plattform') ?? rooms[0] : rooms.find((r) => r.name === (wr.chance(0.6) ? 'Spårvägg' : 'Biljetthall')) ?? rooms[0];
      if (!home) continue;
      finish(work, home, acqMs + 20 * DAY, true, false, 'in_place');
      works.push(work);
    }
  }

  // The hospital and care-site collection.
  const nGeneric = nWorks - works.length;
  for (let i = 0; i < nGeneric; i++) {
    if (i % 10000 === 0) progress('artworks', works.length, nWorks);
    const work = blank();
    let type = typeW.draw(wr);
    const a = pickArtist.draw(wr);
    let year = wr.int(a.activeFrom, a.activeTo);
    if (type === 'digital' && year < 1995) type = 'painting';
    if (type === 'photograph' && year < 1950 && wr.chance(0.7)) type = 'print';
    work.type = type;
    work.title = makeTitle(wr, type);
    work.technique = wr.pick(TECHNIQUES[type]);
    work.artists = [{ artist: a, role: type === 'photograph' && wr.chance(0.5) ? 'photographer' : 'artist' }];
    if (wr.chance(0.03)) {
      let other = pickArtist.draw(wr);
      if (other.id === a.id) other = wr.pick(generated);
      if (other.id !== a.id) work.artists.push({ artist: other, role: 'collaborator' });
    }
    // Dating.
    const r = wr.next();
    if (r < 0.04) {
      work.datingText = null;
    } else if (r < 0.14) {
      work.datingText = `ca ${year}`;
      work.yearFrom = Math.max(1900, year - 2);
      work.yearTo = Math.min(nowYear, year + 2);
    } else if (r < 0.19) {
      const dec = Math.floor(year / 10) * 10;
      work.datingText = `${dec}-talet`;
      work.yearFrom = dec;
      work.yearTo = Math.min(dec + 9, nowYear);
    } else if (r < 0.22 && year < nowYear - 1) {
      const to = Math.min(year + wr.int(1, 3), nowYear);
      work.datingText = `${year}–${to}`;
      work.yearFrom = year;
      work.yearTo = to;
    } else {
      work.datingText = String(year);
      work.yearFrom = year;
      work.yearTo = year;
    }
    if (work.datingText === null) year = wr.int(Math.max(1900, a.activeFrom), a.activeTo);
    work.signed = type === 'print' || type === 'drawing' || type === 'painting' ? (wr.chance(0.6) ? wr.pick(['Signerad nedre höger', 'Signerad och daterad nedre höger', 'Signerad nedre vänster', 'Signerad med blyerts', 'Monogram nedre höger']) : null) : null;
    if (type === 'print' && wr.chance(0.7)) work.signed = `${work.signed ?? 'Signerad med blyerts'}, numrerad ${wr.int(1, 60)}/${wr.pick([60, 90, 100, 120, 150, 200])}`;

    // Dimensions and flags.
    if (wr.chance(0.02)) work.dimsUnknown = true;
    else if (type !== 'digital') {
      const dm = dims(type);
      Object.assign(work, { h: dm.h, w: dm.w, d: dm.d, kg: dm.kg });
    }
    work.ownershipUnclear = wr.chance(0.015);
    work.acqMissing = wr.chance(0.03);

    // How it sits in the building.
    let integrated = type === 'mosaic' || (type === 'relief' && wr.chance(0.5)) || (type === 'installation' && wr.chance(0.6));
    let outdoor = false;
    let home: LocNode;
    if (type === 'sculpture' && outdoorRooms.length && wr.chance(0.25)) {
      home = pickOutdoor.draw(wr);
      outdoor = true;
      work.mounting = 'outdoor';
    } else {
      home = pickIndoor.draw(wr);
      work.mounting = integrated ? 'integrated' : type === 'sculpture' ? 'free_standing' : type === 'installation' ? 'ceiling' : type === 'ceramics' || type === 'glass' ? (wr.chance(0.5) ? 'free_standing' : 'wall') : 'wall';
    }
    if (outdoor) integrated = false;
    work.fixed = integrated;
    work.glazed = (type === 'print' || type === 'drawing' || type === 'photograph') && wr.chance(0.8);
    work.cleanable = ['ceramics', 'glass', 'mosaic'].includes(type) || (type === 'photograph' && wr.chance(0.4)) || work.glazed;
    if (type === 'textile' || type === 'installation') work.fireClass = wr.chance(0.5) ? 'B-s1,d0' : null;

    // Acquisition.
    const base = Math.max(year, 1955);
    const u = wr.next();
    const delta = u < 0.7 ? wr.int(0, 3) : u < 0.9 ? wr.int(3, 15) : wr.int(15, 40);
    let acqMs = Math.min(dateInYear(Math.min(base + delta, nowYear)), now - wr.float(20, 400) * DAY);
    if (acqMs < Date.UTC(year, 0, 1)) acqMs = Date.UTC(year, 6, 1);
    const value2020 = Math.exp(wr.float(Math.log(VALUE_KR[type][0]), Math.log(VALUE_KR[type][1])));
    const acqYear = new Date(acqMs).getUTCFullYear();
    if (work.acqMissing) {
      work.acqMethod = 'unknown';
    } else {
      const m = wr.next();
      work.acqMethod = integrated ? (m < 0.85 ? 'commission' : 'purchase') : m < 0.74 ? 'purchase' : m < 0.84 ? 'gift' : m < 0.92 ? 'transfer' : m < 0.97 ? 'commission' : 'unknown';
      work.acqDate = isoDay(acqMs);
      if (work.acqMethod === 'purchase' || work.acqMethod === 'commission') {
        const kr = value2020 * priceLevel(acqYear);
        work.acqPrice = Math.round(kr / (kr > 5000 ? 100 : 10)) * (kr > 5000 ? 100 : 10) * 100;
        work.acqSource = work.acqMethod === 'commission' ? 'Beställning, gestaltningsuppdrag' : wr.pick(ACQUISITION_SOURCES);
        work.acqRef = acqRefFor(acqMs);
      } else if (work.acqMethod === 'gift') {
        work.acqSource = wr.chance(0.5) ? `Gåva av ${a.name}` : 'Gåva från privatperson';
      } else if (work.acqMethod === 'transfer') {
        work.acqSource = wr.pick(['Överförd från Stockholms stad', 'Överförd från Statens konstråd', 'Överförd vid omorganisation']);
      }
    }
    work.insurance = Math.round((value2020 * priceLevel(nowYear) * wr.float(0.7, 2)) / 1000) * 1000 * 100;
    if (work.ownershipUnclear) work.internalNote = 'Oklart om verket ägs av regionen eller är deponerat.';
    if (wr.chance(0.02)) work.internalNote = work.internalNote ?? 'Ramen bytt.';

    // Status; integrated works stay where they are built in.
    let status = statusW.draw(wr);
    if (integrated && status !== 'in_place') status = wr.chance(0.3) ? 'deaccessioned' : 'in_place';
    work.sortKey = work.acqMissing ? Date.UTC(year, 0, 1) + wr.float(0, 360) * DAY : acqMs;
    const placement = Math.min(Math.max(work.acqMissing ? Date.UTC(Math.max(year, 1955) + wr.int(0, 5), 0, 1) : acqMs, acqMs) + wr.float(5, 90) * DAY, now - 2 * DAY);
    finish(work, home, placement, integrated, outdoor, status);
    works.push(work);
  }
  progress('artworks', works.length, nWorks);

  // Inventory numbers follow the order of acquisition.
  const order = works.map((w, i) => [w.sortKey, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const numbered: Work[] = order.map(([, i]) => works[i] as Work);
  const invRng = root.fork(4);

  // ---------------------------------------------------------------- insert
  const insLoc = sqlite.prepare(`insert into locations (id, parent_id, path, depth, site_id, kind, site_type, code, name, municipality, address, lat, lon, coord_precision, plan_area, env_tags, check_interval_months, closed_unit, active, version, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`);
  const insArtist = sqlite.prepare(`insert into artists (id, name, sort_name, name_key, birth_year, death_year, nationality, copyright_representation, version, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const insWork = sqlite.prepare(`insert into artworks (id, inventory_number, inventory_key, title, object_type, technique, materials, height_cm, width_cm, depth_cm, weight_kg,
    dating_text, year_from, year_to, signed, inscription, description, acquisition_method, acquisition_date, acquisition_price, acquisition_source, acquisition_ref,
    project_id, insurance_value, copyright, status, status_note, status_changed_at, deaccession_date, deaccession_ref, deaccession_reason, location_id, site_id,
    pos_x, pos_y, mounting, fixed_in_building, anti_theft_fixing, glazed, cleanable, psychiatry_safe, fire_class, ownership_unclear, acquisition_data_missing,
    dimensions_unknown, is_public, public_text_sv, public_text_en, internal_note, last_grade, last_check_at, next_check_due, check_interval_months,
    primary_media_id, version, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, 1, ?, ?)`);
  const insWA = sqlite.prepare('insert into artwork_artists (artwork_id, artist_id, role, position) values (?, ?, ?, ?)');
  const insMove = sqlite.prepare(`insert into movements (id, artwork_id, from_location_id, to_location_id, from_path_text, to_path_text, moved_at, reason, note, user_id, batch_id, round_id, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null, ?)`);
  const insCheck = sqlite.prepare(`insert into condition_checks (id, artwork_id, checked_at, user_id, grade, damage_types, damage_location, recommended_action, priority, note, round_id, corrects_check_id, resolved_at, superseded_by_id, estimated_cost, created_at, updated_at)
    values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?)`);
  const insTreat = sqlite.prepare(`insert into conservation_treatments (artwork_id, check_id, status, performer, contractor_name, off_site, treatment_location_id, return_location_id, description, work_done, materials, cost_estimate, cost_actual, priority, proposed_at, approved_at, started_at, done_at, rejected_at, rejection_reason, created_by, version, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, 1, ?, ?)`);

  const counts = { locations: 0, sites: 0, rooms: 0, artists: 0, artworks: 0, artworkArtists: 0, movements: 0, conditionChecks: 0, conservationTreatments: 0 };

  const run = sqlite.transaction(() => {
    if ((sqlite.prepare('select count(*) from artworks').pluck().get() as number) > 0) throw new Error('seedDemo: the database already has artworks');
    const search = suspendSearchIndexing(sqlite);
    for (const n of tree.nodes) {
      insLoc.run(n.id, n.parentId, n.path, n.depth, n.siteId, n.kind, n.siteType, n.code, n.name, n.municipality, n.lat, n.lon, n.precision,
        n.planArea ? JSON.stringify(n.planArea) : null, JSON.stringify(n.envTags), n.checkIntervalMonths, b(n.closedUnit), createdBase, createdBase);
      counts.locations++;
      if (n.kind === 'site') counts.sites++;
      if (n.kind === 'room') counts.rooms++;
    }
    progress('locations', counts.locations, counts.locations);
    for (const a of artists) {
      const inCopyright = a.death === null || a.death > nowYear - 71;
      insArtist.run(a.id, a.name, sortNameOf(a.name), nameKey(a.name), a.birth, a.death, a.nationality, inCopyright && a.bus ? 'Bildupphovsrätt (BUS)' : null, createdBase, createdBase);
      counts.artists++;
    }
    const firstWorkId = nextId('artworks');
    let workId = firstWorkId;
    let moveId = nextId('movements');
    let checkId = nextId('condition_checks');
    let inv = 1000;
    for (let i = 0; i < numbered.length; i++) {
      if (i > 0 && i % 10000 === 0) progress('history', i, numbered.length);
      const w = numbered[i] as Work;
      const id = workId++;
      inv += invRng.chance(0.85) ? 1 : invRng.int(2, 6);
      const invNo = `SLL ${inv}`;
      const latest = w.checks[w.checks.length - 1];
      // As the conditions service restates it: due = latest check + interval; never checked → null.
      const nextDue = latest ? addMonthsToDate(isoDay(latest.at), w.interval) : null;
      const first = w.artists[0]?.artist;
      const copyright = first && (first.death === null || first.death > nowYear - 71) ? `© ${first.name}${first.bus ? '/Bildupphovsrätt' : ''}` : null;
      insWork.run(id, invNo, `sll${inv}`, w.title, w.type, w.technique, w.h, w.w, w.d, w.kg, w.datingText, w.yearFrom, w.yearTo, w.signed,
        w.acqMethod, w.acqDate, w.acqPrice, w.acqSource, w.acqRef, w.insurance, copyright, w.status, w.statusNote,
        w.statusChangedAt === null ? null : iso(w.statusChangedAt), w.deaccDate, w.deaccRef, w.deaccReason, w.location?.id ?? null, w.location?.siteId ?? null,
        w.posX, w.posY, w.mounting, b(w.fixed), b(w.antiTheft), b(w.glazed), b(w.cleanable), b(w.psychSafe), w.fireClass, b(w.ownershipUnclear), b(w.acqMissing),
        b(w.dimsUnknown), b(w.isPublic), w.publicSv, w.publicEn, w.internalNote, latest?.grade ?? null, latest ? iso(latest.at) : null, nextDue,
        iso(w.createdAt), iso(w.updatedAt));
      counts.artworks++;
      w.artists.forEach((x, pos) => {
        insWA.run(id, x.artist.id, x.role, pos);
        counts.artworkArtists++;
      });
      for (const m of w.moves) {
        const at = iso(m.at);
        insMove.run(moveId++, id, m.from?.id ?? null, m.to?.id ?? null, m.from?.pathText ?? null, m.to?.pathText ?? null, at, m.reason, at);
        counts.movements++;
      }
      const checkIds: number[] = [];
      const latestId = checkId + w.checks.length - 1;
      for (const c of w.checks) {
        const at = iso(c.at);
        checkIds.push(checkId);
        insCheck.run(checkId, id, at, c.grade, c.damages.length ? JSON.stringify(c.damages) : '[]', c.damageLocation, c.action, c.priority, c.note,
          c.resolvedAt === null ? null : iso(c.resolvedAt), checkId === latestId ? null : latestId, c.cost, at, at);
        checkId++;
        counts.conditionChecks++;
      }
      for (const t of w.treatments) {
        const updated = Math.max(t.proposedAt, t.approvedAt ?? 0, t.startedAt ?? 0, t.doneAt ?? 0, t.rejectedAt ?? 0);
        insTreat.run(id, checkIds[t.checkIndex] ?? null, t.status, t.performer, t.contractor, b(t.offSite), t.treatmentLocation?.id ?? null, t.returnLocation?.id ?? null, t.description, t.workDone, t.materials, t.costEstimate, t.costActual,
          t.priority, iso(t.proposedAt), t.approvedAt === null ? null : iso(t.approvedAt), t.startedAt === null ? null : iso(t.startedAt),
          t.doneAt === null ? null : iso(t.doneAt), t.rejectedAt === null ? null : iso(t.rejectedAt), t.rejectionReason, iso(t.proposedAt), iso(updated));
        counts.conservationTreatments++;
      }
    }
    progress('history', numbered.length, numbered.length);
    search?.resume('id >= ?', [firstWorkId]);
    if (search) progress('search', counts.artworks, counts.artworks);
    seedDemoProjects(sqlite, { now: new Date(now) });
  });
  // The whole collection is one transaction of ~100 MB: a page cache that holds it avoids
  // spilling dirty pages to the WAL mid-transaction (which makes the later half twice as slow).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -1048576');
  try {
    run();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  const ms = Math.round(performance.now() - t0);
  progress('done', counts.artworks, counts.artworks);
  return { counts, seed, ms };
}

// ---------------------------------------------------------------- CLI
async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const works = Number(arg('--works') ?? process.env.KONSTKOLL_SEED_WORKS ?? DEFAULT_WORKS);
  const seed = arg('--seed') === undefined ? undefined : Number(arg('--seed'));
  const file = arg('--db') ?? process.env.KONSTKOLL_DB ?? 'db/konstkoll.sqlite';
  if (!Number.isInteger(works) || works < 0) throw new Error('--works must be a whole number');
  const { openDatabase, migrateDatabase } = await import('../db/connection.js');
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const existing = db.$client.prepare('select count(*) from artworks').pluck().get() as number;
    if (existing > 0) {
      process.stdout.write(`${file}: already seeded (${existing} artworks)\n`);
      return;
    }
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = seedDemo(db, {
      works,
      ...(seed === undefined ? {} : { seed }),
      onProgress: (phase, done, total) => process.stdout.write(`  ${phase.padEnd(10)} ${String(done).padStart(6)}/${total}  ${Math.round(performance.now() - t0)} ms\n`),
    });
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const size = statSync(file).size;
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(`Seeded ${file} (seed ${summary.seed}) in ${summary.ms} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU), ${(size / 1024 / 1024).toFixed(1)} MB\n`);
    for (const [k, v] of Object.entries(summary.counts)) process.stdout.write(`  ${k.padEnd(24)} ${v}\n`);
  } finally {
    db.$client.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`seed-demo: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
