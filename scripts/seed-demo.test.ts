// The demo collection: deterministic, internally consistent, realistic enough to demo with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Db } from '../db/connection.js';
import { seedDemo, type SeedSummary } from './seed-demo.js';
import { nameKey, sortNameOf } from './demo/names.js';
import { Rng } from './demo/random.js';

const WORKS = 2000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-'));
const open = (name: string): Db => {
  const db = openDatabase(path.join(dir, name));
  migrateDatabase(db);
  return db;
};

let a: Db;
let b: Db;
let summary: SeedSummary;
const phases = new Set<string>();

beforeAll(() => {
  a = open('a.sqlite');
  b = open('b.sqlite');
  summary = seedDemo(a, { works: WORKS, onProgress: (phase) => phases.add(phase) });
  seedDemo(b, { works: WORKS });
}, 60_000);

afterAll(() => {
  a.$client.close();
  b.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = <T>(db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).pluck().get(...params) as T;

describe('seedDemo', () => {
  it('reports counts that match the tables, and its progress', () => {
    expect(summary.counts.artworks).toBe(WORKS);
    expect(one<number>(a, 'select count(*) from artworks')).toBe(WORKS);
    expect(one<number>(a, 'select count(*) from locations')).toBe(summary.counts.locations);
    expect(one<number>(a, 'select count(*) from artists')).toBe(summary.counts.artists);
    expect(one<number>(a, 'select count(*) from movements')).toBe(summary.counts.movements);
    expect(one<number>(a, 'select count(*) from condition_checks')).toBe(summary.counts.conditionChecks);
    expect(one<number>(a, 'select count(*) from conservation_treatments')).toBe(summary.counts.conservationTreatments);
    expect(summary.ms).toBeGreaterThan(0);
    expect([...phases]).toEqual(expect.arrayContaining(['locations', 'artists', 'artworks', 'history', 'done']));
    expect(one<number>(a, 'select count(*) from users')).toBe(0);
  });

  it('is deterministic: the same seed gives the same collection', () => {
    const q = 'select inventory_number, title, object_type, status, location_id, last_grade, next_check_due from artworks order by id';
    expect(all(a, q)).toEqual(all(b, q));
    const m = 'select artwork_id, from_location_id, to_location_id, moved_at from movements order by id';
    expect(all(a, m)).toEqual(all(b, m));
    const c = open('c.sqlite');
    seedDemo(c, { works: 300, seed: 7 });
    expect(all(c, q).slice(0, 20)).not.toEqual(all(a, q).slice(0, 20));
    c.$client.close();
  });

  it('refuses to seed a database that already has artworks', () => {
    expect(() => seedDemo(a, { works: 10 })).toThrow(/already/);
    expect(one<number>(a, 'select count(*) from artworks')).toBe(WORKS);
  });

  it('leaves no foreign-key violations and unique inventory keys', () => {
    expect(all(a, 'pragma foreign_key_check')).toEqual([]);
    expect(one<number>(a, 'select count(distinct inventory_key) from artworks')).toBe(WORKS);
    const bad = all<{ n: string; k: string }>(a, 'select inventory_number as n, inventory_key as k from artworks');
    for (const r of bad) expect(r.k).toBe(r.n.toLowerCase().replace(/[\s\-.]+/g, ''));
  });

  it('builds a consistent location tree over real places', () => {
    const rows = all<{ id: number; parent_id: number | null; path: string; depth: number; site_id: number; kind: string; parent_path: string | null; parent_site: number | null }>(
      a,
      `select l.id, l.parent_id, l.path, l.depth, l.site_id, l.kind, p.path as parent_path, p.site_id as parent_site
       from locations l left join locations p on p.id = l.parent_id`,
    );
    const kinds = ['site', 'building', 'floor', 'room'];
    for (const r of rows) {
      expect(r.path).toBe(`${r.parent_path ?? '/'}${r.id}/`);
      expect(r.depth).toBe(r.path.split('/').length - 3);
      expect(r.kind).toBe(kinds[r.depth]);
      expect(r.site_id).toBe(r.parent_id === null ? r.id : r.parent_site);
    }
    const sites = one<number>(a, "select count(*) from locations where kind = 'site'");
    expect(sites).toBeGreaterThan(150);
    expect(one<number>(a, "select count(*) from locations where kind = 'room'")).toBeGreaterThan(3000);
    expect(one<string>(a, "select name from locations where kind = 'site' order by id limit 1")).toBe('Karolinska Universitetssjukhuset Solna');
    expect(one<number>(a, "select count(*) from locations where site_type = 'storage'")).toBe(1);
    expect(one<number>(a, "select count(*) from locations where site_type = 'studio'")).toBe(1);
    // Åkeshov has its longitude in both columns and planned stations have none: skipped.
    expect(one<number>(a, "select count(*) from locations where name like 'Åkeshov%'")).toBe(0);
    expect(one<number>(a, "select count(*) from locations where kind in ('site', 'building') and site_type is not 'storage' and site_type is not 'studio' and (lat is null or lat not between 58.5 and 60.5 or lon not between 17 and 19.5)")).toBe(0);
    // Psychiatry is a closed unit; room plan areas are fractions.
    expect(one<number>(a, "select count(*) from locations where kind = 'room' and exists (select 1 from json_each(env_tags) where value = 'psychiatry') and closed_unit = 0 and not exists (select 1 from json_each(env_tags) where value = 'outdoor')")).toBe(0);
    expect(one<number>(a, "select count(*) from locations where kind = 'room' and exists (select 1 from json_each(env_tags) where value = 'psychiatry')")).toBeGreaterThan(0);
    for (const { plan_area } of all<{ plan_area: string }>(a, "select plan_area from locations where plan_area is not null")) {
      const p = JSON.parse(plan_area) as { x: number; y: number; w: number; h: number };
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.w).toBeLessThanOrEqual(1.0001);
      expect(p.y + p.h).toBeLessThanOrEqual(1.0001);
    }
  });

  it("keeps every work's site, spot and location consistent", () => {
    expect(one<number>(a, 'select count(*) from artworks w left join locations l on l.id = w.location_id where w.site_id is not l.site_id')).toBe(0);
    expect(one<number>(a, "select count(*) from artworks w join locations l on l.id = w.location_id where l.kind <> 'room'")).toBe(0);
    // The spot on the plan lies inside the room's area.
    const spots = all<{ x: number; y: number; area: string }>(a, 'select w.pos_x as x, w.pos_y as y, l.plan_area as area from artworks w join locations l on l.id = w.location_id where w.pos_x is not null');
    expect(spots.length).toBeGreaterThan(WORKS / 2);
    for (const s of spots) {
      const p = JSON.parse(s.area) as { x: number; y: number; w: number; h: number };
      expect(s.x).toBeGreaterThanOrEqual(p.x);
      expect(s.x).toBeLessThanOrEqual(p.x + p.w);
      expect(s.y).toBeGreaterThanOrEqual(p.y);
      expect(s.y).toBeLessThanOrEqual(p.y + p.h);
    }
    // The current location is where the last movement went.
    expect(
      one<number>(
        a,
        `select count(*) from artworks w where w.location_id is not (select m.to_location_id from movements m where m.artwork_id = w.id order by m.moved_at desc, m.id desc limit 1)`,
      ),
    ).toBe(0);
    expect(one<number>(a, 'select count(*) from artworks w where not exists (select 1 from movements m where m.artwork_id = w.id and m.from_location_id is null)')).toBe(0);
    const text = one<string>(a, "select to_path_text from movements where to_path_text like 'Karolinska Universitetssjukhuset Solna › Hus % › Plan % › %' limit 1");
    expect(text).toMatch(/^Karolinska Universitetssjukhuset Solna › Hus [A-Z] › Plan \d+ › .+/);
  });

  it('places works by status: storage in the store, conservation at the studio, deaccessioned nowhere', () => {
    const byStatus = new Map(all<{ status: string; n: number }>(a, 'select status, count(*) as n from artworks group by status').map((r) => [r.status, r.n]));
    const share = (s: string) => (byStatus.get(s) ?? 0) / WORKS;
    expect(share('in_place')).toBeGreaterThan(0.7);
    expect(share('in_place')).toBeLessThan(0.9);
    expect(share('in_storage')).toBeGreaterThan(0.05);
    expect(share('in_storage')).toBeLessThan(0.2);
    expect(share('deaccessioned')).toBeGreaterThan(0.02);
    expect(share('deaccessioned')).toBeLessThan(0.1);
    expect(share('missing')).toBeGreaterThan(0);
    expect(share('missing')).toBeLessThan(0.05);
    expect(byStatus.get('in_conservation') ?? 0).toBeGreaterThan(0);
    const siteTypeOf = (status: string) => all<{ t: string | null }>(a, 'select distinct s.site_type as t from artworks w left join locations s on s.id = w.site_id where w.status = ?', status).map((r) => r.t);
    expect(siteTypeOf('in_storage')).toEqual(['storage']);
    expect(siteTypeOf('in_conservation')).toEqual(['studio']);
    expect(siteTypeOf('deaccessioned')).toEqual([null]);
    expect(one<number>(a, "select count(*) from artworks where status = 'deaccessioned' and (deaccession_date is null or deaccession_ref is null or deaccession_reason is null)")).toBe(0);
    expect(one<number>(a, "select count(*) from artworks where status = 'in_place' and site_id in (select id from locations where site_type in ('storage', 'studio'))")).toBe(0);
  });

  it('has metro-station works by real artists, fixed in the building', () => {
    const rows = all<{ title: string; artist: string; mounting: string; fixed: number; type: string }>(
      a,
      `select w.title, ar.name as artist, w.mounting, w.fixed_in_building as fixed, w.object_type as type from artworks w
       join locations s on s.id = w.site_id join artwork_artists aa on aa.artwork_id = w.id join artists ar on ar.id = aa.artist_id
       where s.site_type = 'station'`,
    );
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.every((r) => r.fixed === 1)).toBe(true);
    expect(rows.filter((r) => r.mounting === 'integrated').length).toBeGreaterThan(rows.length / 2);
    expect(rows).toContainEqual(expect.objectContaining({ title: 'Klaravagnen', artist: 'Signe Persson-Melin' }));
    expect(rows).toContainEqual(expect.objectContaining({ title: 'Den knutna revolvern', artist: 'Carl Fredrik Reuterswärd' }));
  });

  it("states each work's condition from its latest check, with the interval policy", () => {
    const mismatched = one<number>(
      a,
      `select count(*) from artworks w left join condition_checks c on c.id = (
         select id from condition_checks k where k.artwork_id = w.id order by k.checked_at desc, k.id desc limit 1)
       where w.last_grade is not c.grade or w.last_check_at is not c.checked_at`,
    );
    expect(mismatched).toBe(0);
    expect(one<number>(a, 'select count(*) from artworks where (last_check_at is null) <> (next_check_due is null)')).toBe(0);
    // Due = last check + 12, 24, 36 or 60 months.
    const months = all<{ m: number }>(
      a,
      `select (cast(substr(next_check_due, 1, 4) as integer) - cast(substr(last_check_at, 1, 4) as integer)) * 12
            + cast(substr(next_check_due, 6, 2) as integer) - cast(substr(last_check_at, 6, 2) as integer) as m
       from artworks where last_check_at is not null`,
    ).map((r) => r.m);
    expect(new Set(months)).toEqual(new Set([12, 24, 36, 60]));
    // Only the latest check stands; older ones point at it.
    expect(one<number>(a, 'select count(*) from condition_checks c where c.superseded_by_id is null and c.id <> (select max(id) from condition_checks k where k.artwork_id = c.artwork_id)')).toBe(0);
    // Checks after acquisition, never in the future, grades mostly good.
    expect(one<number>(a, "select count(*) from condition_checks c join artworks w on w.id = c.artwork_id where c.checked_at > '2026-11-01' or (w.acquisition_date is not null and substr(c.checked_at, 1, 10) < w.acquisition_date)")).toBe(0);
    const grades = new Map(all<{ g: number; n: number }>(a, 'select last_grade as g, count(*) as n from artworks where last_grade is not null group by last_grade').map((r) => [r.g, r.n]));
    expect((grades.get(1) ?? 0) + (grades.get(2) ?? 0)).toBeGreaterThan(0.75 * [...grades.values()].reduce((x, y) => x + y, 0));
    expect(grades.get(4) ?? 0).toBeGreaterThan(0);
    const perWork = summary.counts.conditionChecks / WORKS;
    expect(perWork).toBeGreaterThan(1.6);
    expect(perWork).toBeLessThan(2.6);
    const movesPerWork = summary.counts.movements / WORKS;
    expect(movesPerWork).toBeGreaterThan(1.3);
    expect(movesPerWork).toBeLessThan(2);
    // Some overdue, some never checked, poor grades carry damage types and a priority.
    expect(one<number>(a, "select count(*) from artworks where status = 'in_place' and next_check_due < '2026-11-01'")).toBeGreaterThan(0);
    expect(one<number>(a, "select count(*) from artworks where status = 'in_place' and next_check_due between '2026-11-01' and '2027-02-01'")).toBeGreaterThan(0);
    expect(one<number>(a, 'select count(*) from artworks where last_check_at is null')).toBeGreaterThan(0);
    expect(one<number>(a, "select count(*) from condition_checks where grade >= 3 and (damage_types = '[]' or priority = 'none')")).toBe(0);
    expect(one<number>(a, "select count(*) from condition_checks, json_each(condition_checks.damage_types) d where d.value not in ('scratch','tear','dent','water_damage','mould','dust','light_damage','loose_fixing','graffiti','vandalism','other')")).toBe(0);
  });

  it('has treatments in every state, linked to their checks', () => {
    const states = all<{ status: string }>(a, 'select distinct status from conservation_treatments').map((r) => r.status);
    expect(states).toEqual(expect.arrayContaining(['done', 'in_progress', 'proposed']));
    expect(one<number>(a, 'select count(*) from conservation_treatments t join condition_checks c on c.id = t.check_id where c.artwork_id <> t.artwork_id')).toBe(0);
    expect(one<number>(a, "select count(*) from conservation_treatments t join artworks w on w.id = t.artwork_id where t.status = 'in_progress' and w.status <> 'in_conservation'")).toBe(0);
  });

  it('marks a few works public with texts, and flags a few for data quality', () => {
    const pub = one<number>(a, 'select count(*) from artworks where is_public = 1');
    expect(pub / WORKS).toBeGreaterThan(0.02);
    expect(pub / WORKS).toBeLessThan(0.15);
    expect(one<number>(a, 'select count(*) from artworks where is_public = 1 and (public_text_sv is null or public_text_en is null)')).toBe(0);
    expect(one<number>(a, 'select count(*) from artworks w join locations l on l.id = w.location_id where w.is_public = 1 and l.closed_unit = 1')).toBe(0);
    expect(one<number>(a, 'select count(*) from artworks where dimensions_unknown = 1 and (height_cm is not null or width_cm is not null)')).toBe(0);
    expect(one<number>(a, 'select count(*) from artworks where dimensions_unknown = 1')).toBeGreaterThan(0);
    expect(one<number>(a, 'select count(*) from artworks where ownership_unclear = 1')).toBeGreaterThan(0);
    expect(one<number>(a, "select count(*) from artworks where acquisition_data_missing = 1 and acquisition_date is null")).toBeGreaterThan(0);
  });

  it('has object types in realistic proportions', () => {
    const types = new Map(all<{ t: string; n: number }>(a, 'select object_type as t, count(*) as n from artworks group by object_type').map((r) => [r.t, r.n]));
    const n = (t: string) => types.get(t) ?? 0;
    expect(n('print')).toBeGreaterThan(n('photograph'));
    expect(n('painting')).toBeGreaterThan(n('sculpture'));
    expect(n('photograph')).toBeGreaterThan(n('textile'));
    expect(types.size).toBeGreaterThanOrEqual(10);
  });

  it('indexes the works for search when the full-text index exists', () => {
    const hasFts = one<number>(a, "select count(*) from sqlite_master where name = 'artworks_fts'") > 0;
    if (!hasFts) return;
    expect(one<number>(a, "select count(*) from artworks_fts where artworks_fts match 'klaravagnen'")).toBeGreaterThan(0);
    expect(one<number>(a, 'select count(*) from artworks_fts')).toBe(WORKS);
    // The insert triggers are back after the seed.
    expect(one<number>(a, "select count(*) from sqlite_master where type = 'trigger' and name in ('artworks_search_ai', 'artwork_artists_search_ai')")).toBe(2);
  });
});

describe('demo helpers', () => {
  it('folds names and builds sort names', () => {
    expect(nameKey('Päivi  Ernkvist')).toBe('paivi ernkvist');
    expect(nameKey('Bjørn Kjær')).toBe('bjorn kjaer');
    expect(sortNameOf('Carl Fredrik Reuterswärd')).toBe('Reuterswärd, Carl Fredrik');
    expect(sortNameOf('Carl Johan De Geer')).toBe('De Geer, Carl Johan');
  });

  it('draws the same numbers from the same seed', () => {
    const x = new Rng(42);
    const y = new Rng(42);
    const xs = Array.from({ length: 5 }, () => x.next());
    expect(Array.from({ length: 5 }, () => y.next())).toEqual(xs);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Rng(43).next()).not.toBe(xs[0]);
  });
});
