import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { insertSearchFixture, type SearchFixture } from './fixtures/search-fixture.js';
import { searchEngine } from './search.engine.js';

let t: TestApp;
let fx: SearchFixture;
let curator: Client;
const count = (sql: string, ...args: unknown[]) => t.db.$client.prepare(`select count(*) from artworks a where ${sql}`).pluck().get(...args) as number;

beforeAll(async () => {
  t = await startTestApp({ works: 2000, now: () => new Date('2026-11-01T10:00:00Z') });
  fx = insertSearchFixture(t.db);
  curator = await t.as('curator');
});
afterAll(() => t.close());

const search = async (qs: string) => {
  const res = await curator.get(`/api/artworks?${qs}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: any[]; total: number; nextCursor: string | null; facets?: Record<string, { value: unknown; count: number; label?: string }[]> };
};
const ids = (r: { items: { id: number }[] }) => r.items.map((i) => i.id);

describe('free text', () => {
  it('finds Löwenströmska when typed without diacritics, and Göran as goran', async () => {
    const lowen = await search('q=lowenstromska&limit=200');
    expect(lowen.total).toBe(count("a.site_id in (select id from locations where name like 'Löwenströmska%')"));
    expect(lowen.total).toBeGreaterThan(0);
    expect(lowen.items.every((i) => /Löwenströmska/.test(i.locationPathText ?? ''))).toBe(true);

    const goran = await search('q=goran+olvebro');
    expect(ids(goran)).toEqual([fx.works.door]);
    expect(goran.items[0].artists).toBe('Göran Ölvebro');
    const bare = await search('q=goran&limit=200');
    expect(bare.total).toBeGreaterThan(1);
    expect(bare.items.every((i) => /Göran/i.test(`${i.artists} ${i.title} ${i.snippet ?? ''}`))).toBe(true);
  });

  it('matches prefixes while typing, with or without diacritics', async () => {
    for (const q of ['ölveb', 'olveb', 'Ölvebro', 'kvarnhj']) {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(r.total, q).toBeGreaterThan(0);
    }
    expect(ids(await search('q=olveb'))).toEqual([fx.works.door]);
  });

  it('matches a quoted phrase only in that word order', async () => {
    const loose = await search(`q=${encodeURIComponent('blå dörren')}&limit=200`);
    expect(ids(loose)).toEqual(expect.arrayContaining([fx.works.door, fx.works.doorReversed]));
    const phrase = await search(`q=${encodeURIComponent('"blå dörren"')}&limit=200`);
    expect(ids(phrase)).toContain(fx.works.door);
    expect(ids(phrase)).not.toContain(fx.works.doorReversed);
  });

  it('puts the exact inventory number first, however it is typed', async () => {
    for (const q of ['KKT 990001', 'kkt-990001', 'kkt990001', 'KKT.990001']) {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(r.items[0]?.id, q).toBe(fx.works.inventory);
    }
    // The look-alike mentions the number in its title and description, so it matches too, but second.
    expect(ids(await search('q=KKT+990001'))).toEqual([fx.works.inventory, fx.works.inventoryLookalike]);
  });

  it('ranks a title match above the same word in a description', async () => {
    const r = await search('q=kvarnhjulet');
    expect(ids(r).slice(0, 2)).toEqual([fx.works.mill, fx.works.millDescription]);
  });

  it('returns snippets with the matched words marked and everything else escaped', async () => {
    const r = await search('q=fonster');
    const item = r.items.find((i) => i.id === fx.works.script)!;
    expect(item.snippet).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>Fönster</mark> &amp; &quot;dörr&quot; &lt;b&gt;fet&lt;/b&gt;');
    const mill = (await search('q=kvarnhjulet')).items.find((i) => i.id === fx.works.millDescription)!;
    expect(mill.snippet).toContain('<mark>kvarnhjulet</mark>');
  });

  it('returns whole items with location path, artists and thumbnail field', async () => {
    const r = await search('q=goran+olvebro');
    expect(r.items[0]).toMatchObject({
      id: fx.works.door,
      inventoryNumber: 'KKT 101',
      title: 'Den blå dörren',
      artists: 'Göran Ölvebro',
      objectType: 'painting',
      yearFrom: 1962,
      status: 'in_place',
      siteId: fx.siteId,
      siteName: 'Kvarnbackens vårdhem',
      locationPathText: 'Kvarnbackens vårdhem › Hus Ödla › Dagrum Sjöutsikt',
      lastGrade: 2,
      thumb: null,
    });
  });

  it('sees writes at once: a renamed work, artist and location are found by their new names', async () => {
    t.db.$client.prepare("update artworks set title = 'Gryningsljus över Mälaren' where id = ?").run(fx.works.doorReversed);
    expect(ids(await search('q=gryningsljus'))).toEqual([fx.works.doorReversed]);
    t.db.$client.prepare("update artists set name = 'Göran Ölvebro-Stjärnström' where id = ?").run(fx.artistId);
    expect(ids(await search('q=stjarnstrom'))).toEqual([fx.works.door]);
    t.db.$client.prepare("update locations set name = 'Dagrum Kvällssol' where id = ?").run(fx.roomId);
    expect((await search('q=kvallssol')).total).toBe(12);
    t.db.$client.prepare("update artworks set status = 'missing' where id = ?").run(fx.works.mill);
    expect(ids(await search('q=kvarnhjulet&status=missing'))).toEqual([fx.works.mill]);
  });
});

describe('writes that leave the text alone', () => {
  it('show the new grade and status at once, while cached text matches are kept', async () => {
    const broad = await search('q=k&limit=50&facets=grade');
    const work = broad.items.find((i) => i.lastGrade !== 4 && i.status !== 'deaccessioned')!;
    const gradeFour = broad.facets!.grade!.find((b) => b.value === 4)?.count ?? 0;
    await search(`q=${encodeURIComponent(work.title.split(' ')[0])}`);
    const e = searchEngine(t.deps);
    const misses = e.text.misses;

    const check = await curator.post('/api/condition-checks', { artworkId: work.id, checkedAt: '2026-10-30', grade: 4, damageTypes: ['tear'], priority: 'soon' });
    expect(check.status, JSON.stringify(check.body)).toBe(201);

    const again = await search('q=k&limit=50&facets=grade');
    expect(again.items.find((i) => i.id === work.id)?.lastGrade).toBe(4);
    expect(again.facets!.grade!.find((b) => b.value === 4)?.count).toBe(gradeFour + 1);
    expect(ids(await search(`q=k&grade=4&limit=200`))).toContain(work.id);
    expect(ids(await search(`q=${encodeURIComponent(work.title.split(' ')[0])}&limit=200`))).toContain(work.id);
    // Both text searches were answered from the cached match sets: the check did not touch the text.
    expect(e.text.misses).toBe(misses);

    // A text write in the same stretch is seen at once, and re-sorts.
    t.db.$client.prepare("update artworks set title = 'Aaaa först i alfabetet' where id = ?").run(work.id);
    expect((await search('sort=title&limit=1')).items[0].id).toBe(work.id);
    expect(ids(await search('q=aaaa'))).toEqual([work.id]);
    expect(e.text.misses).toBeGreaterThan(misses);
  });
});

describe('filter by site after moves', () => {
  it('a moved work leaves the first site\'s results and joins the other\'s, totals as the database counts', async () => {
    const [a, b] = t.db.$client.prepare("select id from locations where kind = 'site' order by id limit 2").pluck().all() as number[];
    const work = ids(await search(`site=${a}&limit=1`))[0]!;
    const room = t.db.$client.prepare("select id from locations where kind = 'room' and site_id = ? limit 1").pluck().get(b) as number;
    const before = [(await search(`site=${a}`)).total, (await search(`site=${b}`)).total];
    t.db.$client.prepare('update artworks set location_id = ?, site_id = ? where id = ?').run(room, b, work);
    expect(ids(await search(`site=${a}&limit=200`))).not.toContain(work);
    expect(ids(await search(`site=${b}&limit=200`))).toContain(work);
    expect((await search(`site=${a}`)).total).toBe(before[0]! - 1);
    expect((await search(`site=${b}`)).total).toBe(before[1]! + 1);
    expect((await search(`site=${a},${b}&status=in_place`)).total).toBe(count("a.site_id in (?, ?) and a.status = 'in_place'", a, b));
  });
});

describe('filters, facets and sorting', () => {
  it.each([
    ['status=in_storage', "a.status = 'in_storage'"],
    ['status=in_storage,missing', "a.status in ('in_storage', 'missing')"],
    ['status=in_storage&status=missing', "a.status in ('in_storage', 'missing')"],
    ['type=sculpture', "a.object_type = 'sculpture'"],
    ['grade=3,4', 'a.last_grade in (3, 4)'],
    ['grade=none', 'a.last_grade is null'],
    ['due=overdue', "a.next_check_due < '2026-11-01'"],
    ['due=due30', "a.next_check_due between '2026-11-01' and '2026-12-01'"],
    ['due=never', 'a.next_check_due is null'],
    ['decade=1960', 'a.year_from between 1960 and 1969'],
    ['yearFrom=1950&yearTo=1959', 'a.year_from <= 1959 and coalesce(a.year_to, a.year_from) >= 1950'],
    ['acquisition=gift', "a.acquisition_method = 'gift'"],
    ['public=true', 'a.is_public = 1'],
    ['hasImage=false', "a.primary_media_id is null and not exists (select 1 from media_links m where m.entity_type = 'artwork' and m.entity_id = a.id and m.role = 'primary')"],
    ['yearFrom=1950', 'a.year_from is not null and coalesce(a.year_to, a.year_from) >= 1950'],
    ['yearTo=1900', 'a.year_from <= 1900'],
    ['checkedSince=2025-01-01', "a.last_check_at >= '2025-01-01'"],
    ['notCheckedSince=2025-01-01', "a.last_check_at is null or a.last_check_at < '2025-01-01'"],
    ['incomplete=ownership', 'a.ownership_unclear <> 0'],
    ['status=in_place&type=painting&grade=1,2', "a.status = 'in_place' and a.object_type = 'painting' and a.last_grade in (1, 2)"],
    ['due=overdue,never&status=in_place,in_storage', "(a.next_check_due < '2026-11-01' or a.next_check_due is null) and a.status in ('in_place', 'in_storage')"],
    ['public=false&decade=1970,1980&acquisition=purchase', "a.is_public = 0 and a.year_from between 1970 and 1989 and a.acquisition_method = 'purchase'"],
  ])('%s counts exactly what the database holds', async (qs, where) => {
    const r = await search(qs);
    expect(r.total).toBe(count(where));
    expect(r.total).toBeGreaterThan(0);
  });

  it('filters by site, by any location subtree and by artist', async () => {
    const site = t.db.$client.prepare("select id from locations where kind = 'site' and id <> ? order by id limit 1").pluck().get(fx.siteId) as number;
    expect((await search(`site=${site}`)).total).toBe(count('a.site_id = ?', site));
    const building = t.db.$client.prepare("select id, path from locations where kind = 'building' and site_id = ? limit 1").get(site) as { id: number; path: string };
    expect((await search(`location=${building.id}`)).total).toBe(count("a.location_id in (select id from locations where path like ? || '%')", building.path));
    expect(ids(await search(`location=${fx.buildingId}&limit=200`)).sort()).toEqual(Object.values(fx.works).sort());
    expect(ids(await search(`artist=${fx.artistId}`))).toEqual([fx.works.door]);
  });

  it('counts facets over the matched set, not the whole collection', async () => {
    const r = await search(`q=zyxsort+OR+kvarnhjulet&facets=status,type,site,grade,decade`);
    expect(r.total).toBe(0); // every word must match: "OR" is just a word here
    const mills = await search('q=kvarnhjulet&facets=status,type,site,grade,decade');
    expect(mills.total).toBe(2);
    expect(mills.facets!.status).toEqual(expect.arrayContaining([{ value: 'missing', count: 1 }, { value: 'in_place', count: 1 }]));
    expect(mills.facets!.type).toEqual(expect.arrayContaining([{ value: 'print', count: 1 }, { value: 'painting', count: 1 }]));
    expect(mills.facets!.site).toEqual([{ value: fx.siteId, label: 'Kvarnbackens vårdhem', count: 2 }]);
    expect(mills.facets!.grade).toEqual([{ value: null, count: 2 }]);
    const all = await search('facets=status');
    const sum = all.facets!.status!.reduce((s, b) => s + b.count, 0);
    expect(sum).toBe(all.total);
    expect(all.facets!.status!.find((b) => b.value === 'in_place')!.count).toBe(count("a.status = 'in_place'"));
  });

  it('sorts titles in Swedish alphabetical order (å, ä, ö after z), both ways', async () => {
    const asc = await search('q=zyxsort&sort=title');
    expect(asc.items.map((i) => i.title.split(' ')[0])).toEqual(['Apa', 'Zebra', 'Åker', 'Ängel', 'Öga']);
    const desc = await search('q=zyxsort&sort=-title');
    expect(desc.items.map((i) => i.title.split(' ')[0])).toEqual(['Öga', 'Ängel', 'Åker', 'Zebra', 'Apa']);
  });

  it('sorts by inventory number in natural order, by year and by last change', async () => {
    const inv = await search(`location=${fx.siteId}&sort=inventory&limit=200`);
    expect(inv.items.map((i) => i.inventoryNumber).slice(0, 4)).toEqual(['KKT 101', 'KKT 102', 'KKT 103', 'KKT 104']);
    const years = (await search('sort=year&limit=200')).items.map((i) => i.yearFrom).filter((y) => y !== null);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const newest = await search('sort=-changed&limit=5');
    const expected = t.db.$client.prepare('select id from artworks order by updated_at desc, id limit 1').pluck().get();
    expect(newest.items[0].id).toBe(expected);
  });

  it('pages through a whole result with cursors: no duplicates, nothing missed', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const r = await search(`status=in_place&sort=title&limit=97${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      total = r.total;
      seen.push(...ids(r));
      cursor = r.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBe(count("a.status = 'in_place'"));
  });
});

describe('unfiltered searches (walked in a precomputed order) agree with a full scan', () => {
  // Listing every status is a filter that matches everything, so it takes the scanning path.
  const everyStatus = 'status=in_place,in_storage,on_loan,in_conservation,missing,deaccessioned';
  const walk = async (qs: string) => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let total = 0;
    let facets: unknown;
    do {
      const r = await search(`${qs}&limit=200&facets=status,type,site,grade,decade${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      total = r.total;
      facets ??= r.facets;
      seen.push(...ids(r));
      cursor = r.nextCursor;
    } while (cursor);
    return { seen, total, facets };
  };
  it.each(['sort=inventory', 'sort=-inventory', 'sort=title', 'sort=-title', 'q=a', 'q=s', 'q=k&sort=relevance'])('%s', async (qs) => {
    const fast = await walk(qs);
    const scanned = await walk(`${qs}&${everyStatus}`);
    expect(fast.total).toBeGreaterThan(400);
    expect(fast.seen).toEqual(scanned.seen);
    expect(fast.total).toBe(scanned.total);
    expect(fast.seen.length).toBe(fast.total);
    expect(fast.facets).toEqual(scanned.facets);
  });
});

describe('site-limited users', () => {
  it('only ever see works at their own sites, in items, totals, facets and suggestions', async () => {
    const limited = await t.as('viewer', { siteIds: [fx.siteId] });
    const all = await limited.get('/api/artworks?facets=site&limit=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(12);
    expect(all.body.facets.site).toEqual([{ value: fx.siteId, label: 'Kvarnbackens vårdhem', count: 12 }]);
    const other = t.db.$client.prepare("select id from locations where kind = 'site' and id <> ? limit 1").pluck().get(fx.siteId) as number;
    expect((await limited.get(`/api/artworks?site=${other}`)).body.total).toBe(0);
    expect((await limited.get('/api/artworks?q=lowenstromska')).body.total).toBe(0);
    const s = await limited.get('/api/suggest?q=lowenstr');
    expect(s.body.locations).toEqual([]);
    expect(s.body.works).toEqual([]);
  });
});

describe('suggest', () => {
  it('returns artists, locations and works for a prefix in one call', async () => {
    const r = await curator.get('/api/suggest?q=olvebro');
    expect(r.status).toBe(200);
    expect(r.body.artists[0]).toMatchObject({ id: fx.artistId, works: 1 });
    const loc = await curator.get('/api/suggest?q=lowenstr');
    expect(loc.body.locations[0]).toMatchObject({ kind: 'site', name: expect.stringMatching(/^Löwenströmska/) });
    const inv = await curator.get('/api/suggest?q=KKT+99000');
    expect(inv.body.works.map((w: { id: number }) => w.id)).toEqual([fx.works.inventory, fx.works.inventoryLookalike]);
    expect((await curator.get('/api/suggest?q=a')).body.artists).toHaveLength(5);
    expect((await curator.get('/api/suggest?q=')).body).toEqual({ artists: [], locations: [], works: [] });
  });
});

describe('bad input never becomes a 500', () => {
  it.each(['"', '""', '"blå', '*', '**', 'a*b', '(', ')', '((a)', 'NEAR', 'NEAR(a b)', 'a NEAR b', '-', '-dörr', 'a - b', ':', 'title:blå', '{title}: x', '^a', 'AND', 'OR OR', 'NOT x', "'", '\\', '%_', '+', '\u0000', '😀', 'a'.repeat(1000), 'ab '.repeat(333)])(
    'q=%j answers 200',
    async (q) => {
      const res = await curator.get(`/api/artworks?q=${encodeURIComponent(q)}&facets=status`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
      expect((await curator.get(`/api/suggest?q=${encodeURIComponent(q.slice(0, 200))}`)).status).toBe(200);
    },
  );

  it('an empty query lists everything', async () => {
    expect((await search('q=')).total).toBe(count('1'));
  });

  it.each([
    ['q=' + 'a'.repeat(1001), 'q'],
    ['status=lost', 'status'],
    ['type=fresco', 'type'],
    ['grade=5', 'grade'],
    ['due=tomorrow', 'due'],
    ['decade=1965', 'decade'],
    ['site=abc', 'site'],
    ['site=99999999', 'site'],
    ['location=99999999', 'location'],
    ['artist=99999999', 'artist'],
    ['yearFrom=1990&yearTo=1980', 'yearTo'],
    ['hasImage=maybe', 'hasImage'],
    ['sort=price', 'sort'],
    ['facets=colour', 'facets'],
    ['limit=201', 'limit'],
    ['limit=0', 'limit'],
    ['colour=red', 'colour'],
    ['q[a]=b', 'q'],
  ])('%s → 400 naming %s', async (qs, path) => {
    const res = await curator.get(`/api/artworks?${qs}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
  });

  it('a forged or foreign cursor is a 400', async () => {
    const first = await search('status=in_place&limit=5');
    const forged = first.nextCursor!.replace(/^./, (c) => (c === 'e' ? 'f' : 'e'));
    for (const cursor of [forged, 'garbage', 'a.b', first.nextCursor!.split('.')[0] + '.AAAAAAAAAAAAAAAA']) {
      const res = await curator.get(`/api/artworks?status=in_place&cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.errors[0].path).toBe('cursor');
    }
    const other = await curator.get(`/api/artworks?status=missing&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('search.stale_cursor');
  });
});
