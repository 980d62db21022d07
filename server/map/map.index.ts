// The map's in-memory index: a few small facts per artwork in typed arrays (site, status, grade,
// next check), aggregated per SITE. Works of one site share its coordinates, so clustering a
// few hundred weighted sites instead of 60,000 points is what keeps a request under a millisecond.
import type Database from 'better-sqlite3';
import Supercluster, { type ClusterProperties as SCClusterProps } from 'supercluster';
import type { ClusterProperties, MapFeature, SiteProperties, StatusCounts } from './map.schema.js';

export const STATUSES = ['in_place', 'in_storage', 'on_loan', 'in_conservation', 'missing', 'deaccessioned'] as const;
const STATUS_INDEX = new Map<string, number>(STATUSES.map((s, i) => [s, i]));
const MISSING = STATUS_INDEX.get('missing')!;
export const DEACCESSIONED = STATUS_INDEX.get('deaccessioned')!;
const NO_SITE = -1;
const DAY_MS = 86_400_000;
/** Checks due within this many days count as "due soon" on a site's card. */
const DUE_SOON_DAYS = 30;

type SiteInfo = { id: number; name: string; siteType: string | null; municipality: string | null; lat: number | null; lon: number | null };

export type SiteAgg = {
  site: SiteInfo;
  count: number;
  byStatus: number[];
  worstGrade: number;
  attention: number;
  dueSoon: number;
};

type WorkRow = [id: number, siteId: number | null, status: string, grade: number | null, due: string | null];
type PointProps = { siteId: number; count: number; attention: number };
type ClusterAcc = { count: number; attention: number };

export type ClusterIndex = Supercluster<PointProps, ClusterAcc>;
type DefaultView = { day: number; aggs: SiteAgg[]; index: ClusterIndex; matched: number; unmapped: number };
/** Per-slot counters of an aggregate (grades as a histogram, so the worst grade survives a work leaving). */
type Acc = { day: number; count: Int32Array; byStatus: Int32Array; grades: Int32Array; attention: Int32Array; dueSoon: Int32Array; matched: number; unmapped: number };
/** Grades 1–4, and 0 for never checked. */
const GRADES = 5;

/** Which works to count: the ids the search matched, or null for every work (the search's default too). */
export type WorkFilter = { ids: Iterable<number> } | null;

const dayNumber = (iso: string | null): number => (iso ? Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / DAY_MS) : 0);

export class MapIndex {
  /** Per artwork id: the slot of its site in `slots` (-1 = no site with coordinates). */
  private slotOf = new Int32Array(0);
  private statusOf = new Uint8Array(0);
  private gradeOf = new Uint8Array(0);
  /** Next check due as days since 1970 (0 = none). */
  private dueOf = new Int32Array(0);
  private present = new Uint8Array(0);
  private siteOf = new Int32Array(0);
  /** Mappable sites (with coordinates) in a dense order, and the slot of each site id. */
  private slots: SiteInfo[] = [];
  private slotBySite = new Map<number, number>();
  private loaded = false;
  private lastSeq = 0;
  private defaultCache: DefaultView | null = null;
  /** The unfiltered counts, kept current work by work as writes arrive (rebuilt when sites change or a day passes). */
  private live: Acc | null = null;
  private readonly stmts;

  constructor(
    sqlite: Database.Database,
    private readonly today: () => Date,
  ) {
    this.stmts = {
      all: sqlite.prepare('select id, site_id as siteId, status, last_grade as grade, next_check_due as due from artworks').raw(),
      one: sqlite.prepare('select id, site_id as siteId, status, last_grade as grade, next_check_due as due from artworks where id = ?').raw(),
      sites: sqlite.prepare("select id, name, site_type as siteType, municipality, lat, lon from locations where kind = 'site' and lat is not null and lon is not null"),
      // Database triggers log every changed record here (the search's change log), so writes from any
      // code path — routes, scripts, another process — reach the map without anyone announcing them.
      maxSeq: sqlite.prepare('select coalesce(max(seq), 0) from search_changes').pluck(),
      changes: sqlite.prepare('select entity, entity_id as id from search_changes where seq > ? order by seq'),
    };
  }

  /** Reads everything again (at start). ~60 ms for 60,000 works. */
  reload(): void {
    const seq = this.stmts.maxSeq.get() as number;
    this.loadSites();
    const rows = this.stmts.all.all() as WorkRow[];
    const max = rows.reduce((m, r) => Math.max(m, r[0]), 0);
    this.allocate(max + 1, true);
    for (const r of rows) this.put(r);
    this.lastSeq = seq;
    this.loaded = true;
    this.live = null;
    this.defaultCache = null;
  }

  /** Applies the writes made since the last look: one indexed max() when nothing changed. */
  sync(): void {
    if (!this.loaded) return this.reload();
    const seq = this.stmts.maxSeq.get() as number;
    if (seq === this.lastSeq) return;
    let sitesChanged = false;
    for (const c of this.stmts.changes.iterate(this.lastSeq) as IterableIterator<{ entity: string; id: number }>) {
      if (c.entity === 'location') sitesChanged = true;
      else if (c.entity === 'artwork') {
        const row = this.stmts.one.get(c.id) as WorkRow | undefined;
        // Out with the work's old contribution to the live counts, in with the new one.
        if (this.live && c.id < this.present.length && this.present[c.id]) this.add(this.live, c.id, -1);
        if (row) this.put(row);
        else if (c.id < this.present.length) this.present[c.id] = 0;
        if (this.live && row) this.add(this.live, c.id, 1);
      }
    }
    if (sitesChanged) {
      // A site got coordinates, was renamed or added: re-slot every work (a cheap pass over typed arrays).
      this.loadSites();
      for (let id = 1; id < this.present.length; id++) this.slotOf[id] = this.slotBySite.get(this.siteOf[id]!) ?? NO_SITE;
      this.live = null;
    }
    this.lastSeq = seq;
    this.defaultCache = null;
  }

  private loadSites(): void {
    this.slots = this.stmts.sites.all() as SiteInfo[];
    this.slotBySite = new Map(this.slots.map((s, i) => [s.id, i]));
  }

  private allocate(size: number, fresh: boolean): void {
    if (!fresh && size <= this.present.length) return;
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      if (!fresh) next.set(old);
      return next;
    };
    this.slotOf = grow(this.slotOf, (n) => new Int32Array(n));
    this.siteOf = grow(this.siteOf, (n) => new Int32Array(n));
    this.statusOf = grow(this.statusOf, (n) => new Uint8Array(n));
    this.gradeOf = grow(this.gradeOf, (n) => new Uint8Array(n));
    this.dueOf = grow(this.dueOf, (n) => new Int32Array(n));
    this.present = grow(this.present, (n) => new Uint8Array(n));
  }

  private put([id, siteId, status, grade, due]: WorkRow): void {
    if (id >= this.present.length) this.allocate(Math.max(id + 1, Math.ceil(this.present.length * 1.25)), false);
    this.siteOf[id] = siteId ?? NO_SITE;
    this.slotOf[id] = siteId == null ? NO_SITE : (this.slotBySite.get(siteId) ?? NO_SITE);
    this.statusOf[id] = STATUS_INDEX.get(status) ?? 0;
    this.gradeOf[id] = Math.min(grade ?? 0, GRADES - 1);
    this.dueOf[id] = dayNumber(due);
    this.present[id] = 1;
  }

  /**
   * Per-site counts of the filtered works (every work when no filter, like the search). One pass
   * over typed arrays into per-slot counters; objects are made only for the sites that have works.
   */
  aggregate(filter: WorkFilter, onlySites: ReadonlySet<number> | null = null): { aggs: SiteAgg[]; matched: number; unmapped: number } {
    this.sync();
    const acc = this.newAcc(Math.floor(this.today().getTime() / DAY_MS));
    const { present, siteOf } = this;
    const size = present.length;
    const take = (id: number) => id > 0 && id < size && present[id] !== 0 && (onlySites === null || onlySites.has(siteOf[id]!));
    if (filter) {
      for (const id of filter.ids) if (take(id)) this.add(acc, id, 1);
    } else for (let id = 1; id < size; id++) if (take(id)) this.add(acc, id, 1);
    return this.toAggs(acc);
  }

  private newAcc(day: number): Acc {
    const n = this.slots.length;
    return { day, count: new Int32Array(n), byStatus: new Int32Array(n * STATUSES.length), grades: new Int32Array(n * GRADES), attention: new Int32Array(n), dueSoon: new Int32Array(n), matched: 0, unmapped: 0 };
  }

  /** Adds (sign 1) or takes away (sign -1) one work's contribution to the counts. */
  private add(acc: Acc, id: number, sign: 1 | -1): void {
    acc.matched += sign;
    const slot = this.slotOf[id]!;
    if (slot < 0) {
      acc.unmapped += sign;
      return;
    }
    const status = this.statusOf[id]!;
    const grade = this.gradeOf[id]!;
    const due = this.dueOf[id]!;
    acc.count[slot]! += sign;
    acc.byStatus[slot * STATUSES.length + status]! += sign;
    acc.grades[slot * GRADES + grade]! += sign;
    const live = status !== DEACCESSIONED && due !== 0;
    if (grade >= 3 || status === MISSING || (live && due < acc.day)) acc.attention[slot]! += sign;
    if (live && due <= acc.day + DUE_SOON_DAYS) acc.dueSoon[slot]! += sign;
  }

  private toAggs(acc: Acc): { aggs: SiteAgg[]; matched: number; unmapped: number } {
    const aggs: SiteAgg[] = [];
    for (let slot = 0; slot < this.slots.length; slot++) {
      if (!acc.count[slot]) continue;
      let worst = GRADES - 1;
      while (worst > 0 && !acc.grades[slot * GRADES + worst]) worst--;
      aggs.push({
        site: this.slots[slot]!,
        count: acc.count[slot]!,
        byStatus: Array.from(acc.byStatus.subarray(slot * STATUSES.length, (slot + 1) * STATUSES.length)),
        worstGrade: worst,
        attention: acc.attention[slot]!,
        dueSoon: acc.dueSoon[slot]!,
      });
    }
    return { aggs, matched: acc.matched, unmapped: acc.unmapped };
  }

  /**
   * The unfiltered aggregate and its cluster index. The counts are kept current work by work (a write
   * costs a few array updates, not a pass over the collection); the cluster index is rebuilt from them
   * after writes (~0.3 ms for a few hundred sites), and everything again when a day passes.
   */
  defaultView(): DefaultView {
    const day = Math.floor(this.today().getTime() / DAY_MS);
    this.sync();
    if (!this.live || this.live.day !== day) {
      this.live = this.newAcc(day);
      for (let id = 1; id < this.present.length; id++) if (this.present[id]) this.add(this.live, id, 1);
      this.defaultCache = null;
    }
    if (!this.defaultCache || this.defaultCache.day !== day) {
      const { aggs, matched, unmapped } = this.toAggs(this.live);
      this.defaultCache = { day, aggs, index: buildClusterIndex(aggs), matched, unmapped };
    }
    return this.defaultCache;
  }
}

export function buildClusterIndex(aggs: SiteAgg[]): Supercluster<PointProps, ClusterAcc> {
  const index = new Supercluster<PointProps, ClusterAcc>({
    // Leaflet's tiles are 256 px: with this extent the radius is in screen pixels.
    extent: 256,
    radius: 64,
    maxZoom: 16,
    minPoints: 2,
    map: (p) => ({ count: p.count, attention: p.attention }),
    reduce: (acc, p) => {
      acc.count += p.count;
      acc.attention += p.attention;
    },
  });
  index.load(
    aggs.map((a) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [a.site.lon!, a.site.lat!] },
      properties: { siteId: a.site.id, count: a.count, attention: a.attention },
    })),
  );
  return index;
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : 0);

export function siteProperties(a: SiteAgg): SiteProperties {
  const byStatus: StatusCounts = {};
  a.byStatus.forEach((n, i) => {
    if (n) byStatus[STATUSES[i]!] = n;
  });
  return {
    cluster: false,
    siteId: a.site.id,
    name: a.site.name,
    siteType: a.site.siteType,
    municipality: a.site.municipality,
    count: a.count,
    byStatus,
    worstGrade: a.worstGrade || null,
    attention: share(a.attention, a.count),
    attentionCount: a.attention,
    dueSoon: a.dueSoon,
  };
}

/** Clusters and single sites inside the bbox at this zoom, as GeoJSON features. */
export function clusterFeatures(
  index: Supercluster<PointProps, ClusterAcc>,
  aggs: SiteAgg[],
  bbox: [number, number, number, number],
  zoom: number,
): { features: MapFeature[]; total: number } {
  const bySite = new Map(aggs.map((a) => [a.site.id, a]));
  let total = 0;
  const features: MapFeature[] = [];
  for (const f of index.getClusters(bbox, zoom)) {
    const coordinates = f.geometry.coordinates as [number, number];
    const p = f.properties as Partial<SCClusterProps> & ClusterAcc & Partial<PointProps>;
    if (p.cluster) {
      const clusterId = p.cluster_id!;
      const props: ClusterProperties = {
        cluster: true,
        clusterId,
        count: p.count,
        sites: p.point_count!,
        attention: share(p.attention, p.count),
        attentionCount: p.attention,
        expansionZoom: Math.min(index.getClusterExpansionZoom(clusterId), 17),
      };
      total += p.count;
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: props });
    } else {
      const agg = bySite.get(p.siteId!)!;
      total += agg.count;
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: siteProperties(agg) });
    }
  }
  return { features, total };
}
