// The real places of the demo collection (from db/reference) and the generated tree of
// buildings, floors and rooms under each of them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Rng } from './random.js';

export const REFERENCE_DIR = fileURLToPath(new URL('../../db/reference/', import.meta.url));

export type SiteType = 'hospital' | 'local_hospital' | 'care_centre' | 'psychiatry' | 'care_home' | 'station' | 'storage' | 'studio' | 'office' | 'other';
type Size = 'xl' | 'l' | 'm' | 's' | 'xs';

export interface SiteSpec {
  name: string;
  siteType: SiteType;
  size: Size;
  municipality: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  /** Named extra buildings with their own points (e.g. the emergency departments of a hospital). */
  extraBuildings: { name: string; lat: number; lon: number; tags: string[] }[];
  /** Tags every room of the site gets (e.g. a psychiatric clinic, an emergency clinic). */
  siteTags: string[];
}

export interface LocNode {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  siteId: number;
  kind: 'site' | 'building' | 'floor' | 'room';
  siteType: SiteType | null;
  code: string | null;
  name: string;
  municipality: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  planArea: { x: number; y: number; w: number; h: number } | null;
  envTags: string[];
  checkIntervalMonths: number | null;
  closedUnit: boolean;
  /** "Site › Building › Floor › Room". */
  pathText: string;
  /** Relative share of the works this room holds (0 for non-rooms). */
  weight: number;
}

type Row = Record<string, string>;
function readCsv(file: string): Row[] {
  return parse(readFileSync(REFERENCE_DIR + file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
}

export function validPoint(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= 58.5 && lat <= 60.5 && lon >= 17 && lon <= 19.5;
}

type HospitalRule =
  | { skip: true }
  | { buildingOf: string; name: string; tags: string[] }
  | { name: string; siteType: SiteType; size: Size; tags?: string[] };

/** How each row of the hospital list is used: duplicates skipped, units merged into their hospital. */
const HOSPITAL_RULES: Record<string, HospitalRule> = {
  'Karolinska Universitetssjukhuset (Solna)': { name: 'Karolinska Universitetssjukhuset Solna', siteType: 'hospital', size: 'xl' },
  'Karolinska Universitetssjukhuset, Framstegsgatan 32, Solna': { skip: true },
  'Karolinska Universitetssjukhuset Solna ("KI-Solna")': { skip: true },
  'Karolinska Universitetssjukhuset Intensivakuten Solna': { buildingOf: 'Karolinska Universitetssjukhuset Solna', name: 'Intensivakuten', tags: ['emergency'] },
  'Karolinska Universitetssjukhuset Barnakuten Solna': { buildingOf: 'Karolinska Universitetssjukhuset Solna', name: 'Barnakuten', tags: ['children', 'emergency'] },
  'Karolinska Universitetssjukhuset Huddinge ("KI-Huddinge")': { name: 'Karolinska Universitetssjukhuset Huddinge', siteType: 'hospital', size: 'xl' },
  Södersjukhuset: { name: 'Södersjukhuset', siteType: 'hospital', size: 'xl' },
  'Capio S:t Görans sjukhus': { name: 'Capio S:t Görans sjukhus', siteType: 'hospital', size: 'l' },
  'Danderyds sjukhus (nearest T-bana exit "Danderyds sjukhus")': { name: 'Danderyds sjukhus', siteType: 'hospital', size: 'l' },
  'Sabbatsbergs sjukhus': { name: 'Sabbatsbergs sjukhus', siteType: 'local_hospital', size: 'm' },
  'Nynäshamns Sjukhus': { name: 'Nynäshamns sjukhus', siteType: 'local_hospital', size: 'm' },
  'Björnbo sjukhus': { name: 'Björnbo sjukhus', siteType: 'local_hospital', size: 's' },
  'Råcksta sjukhem': { name: 'Råcksta sjukhem', siteType: 'care_home', size: 's' },
  'City Akuten': { name: 'City Akuten', siteType: 'care_centre', size: 'xs', tags: ['emergency'] },
  'Närakut Haga': { name: 'Närakut Haga', siteType: 'care_centre', size: 'xs', tags: ['emergency'] },
  Korallen: { name: 'Korallen', siteType: 'local_hospital', size: 's' },
  'Nacka Psykiatri': { name: 'Nacka Psykiatri', siteType: 'psychiatry', size: 'm', tags: ['psychiatry'] },
  'Capio Maria': { name: 'Capio Maria', siteType: 'psychiatry', size: 's', tags: ['psychiatry'] },
  'Löwenströmska lasarettet (locality)': { name: 'Löwenströmska lasarettet', siteType: 'local_hospital', size: 'm' },
  'S:t Eriks Ögonsjukhus': { name: 'S:t Eriks Ögonsjukhus', siteType: 'hospital', size: 'm' },
  'Norrtälje sjukhus': { name: 'Norrtälje sjukhus', siteType: 'hospital', size: 'l' },
  'Södertälje sjukhus': { name: 'Södertälje sjukhus', siteType: 'hospital', size: 'l' },
  'Nacka sjukhus (Nacka närsjukhus)': { name: 'Nacka närsjukhus', siteType: 'local_hospital', size: 'm' },
  'Handens närsjukhus': { name: 'Handens närsjukhus', siteType: 'local_hospital', size: 'm' },
  'Sollentuna sjukhus': { name: 'Sollentuna sjukhus', siteType: 'local_hospital', size: 'm' },
};

/** Clinics and primary care of the kind the region furnishes; dentists only the public ones; no beauty, massage or vaccination shops. */
const FACILITY_INCLUDE = /vårdcentral|hälsocentral|husläkar|närsjukvård|läkarhus|läkargrupp|barn|ungdomsmottagning|mödravård|blodcentral|bröstcentrum|akut|distri[ck]+s?t?läkare|folktandvård|distriktstandvård|akuttandvård|tandvårdscenter|psykiatri|klinik|centrum|mottagning/i;
const FACILITY_EXCLUDE = /laser|massage|naprapat|vaccin|fotcompaniet|release|inside team|hörbart|grev ture|skindoc|slm|^doktor |^dr\.|stegkliniken|idrottsklinik|rygg|city clinic|nabklinik|tandclinic|min doktor|sibylle|dental|tandläkar|tandklinik|tandhälsa|^capio$|^aleris$|doctorekliniken|kirurg|gynekolog|helsa företag/i;

export function loadSites(): SiteSpec[] {
  const sites: SiteSpec[] = [];
  const byName = new Map<string, SiteSpec>();
  const pending: { of: string; name: string; lat: number; lon: number; tags: string[] }[] = [];

  for (const r of readCsv('stockholm_hospitals_key_sites.csv')) {
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (!validPoint(lat, lon)) continue;
    const rule: HospitalRule = HOSPITAL_RULES[r.name ?? ''] ?? { name: r.name ?? 'Sjukhus', siteType: 'hospital', size: 'm' };
    if ('skip' in rule) continue;
    if ('buildingOf' in rule) {
      pending.push({ of: rule.buildingOf, name: rule.name, lat, lon, tags: rule.tags });
      continue;
    }
    if (byName.has(rule.name)) continue;
    const spec: SiteSpec = { name: rule.name, siteType: rule.siteType, size: rule.size, municipality: r.kommun || null, lat, lon, precision: r.precision || null, extraBuildings: [], siteTags: rule.tags ?? [] };
    sites.push(spec);
    byName.set(spec.name, spec);
  }
  for (const b of pending) byName.get(b.of)?.extraBuildings.push({ name: b.name, lat: b.lat, lon: b.lon, tags: b.tags });

  for (const r of readCsv('stockholm_county_health_facilities_osm.csv')) {
    const facility = r.facility ?? '';
    if (!['clinic', 'doctors', 'dentist'].includes(facility)) continue;
    let name = (r.name ?? '').trim();
    if (!FACILITY_INCLUDE.test(name) || FACILITY_EXCLUDE.test(name)) continue;
    if (facility === 'dentist' && !/folktandvård|distriktstandvård|akuttandvård|tandvårdscenter/i.test(name)) continue;
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (!validPoint(lat, lon)) continue;
    const kommun = r.kommun || null;
    if (/^(vårdcentral(en)?|folktandvården)$/i.test(name) && kommun) name = `${name.replace(/^vårdcentral$/i, 'Vårdcentralen')} ${kommun}`;
    if (byName.has(name)) continue;
    const dental = facility === 'dentist';
    const children = /barn|mödravård|ungdom/i.test(name);
    const emergency = /akut/i.test(name);
    const spec: SiteSpec = {
      name,
      siteType: dental ? 'other' : 'care_centre',
      size: dental ? 'xs' : 's',
      municipality: kommun,
      lat,
      lon,
      precision: `OSM point (${r.osm_id})`,
      extraBuildings: [],
      siteTags: [...(children ? ['children'] : []), ...(emergency ? ['emergency'] : [])],
    };
    sites.push(spec);
    byName.set(name, spec);
  }

  for (const r of readCsv('stockholm_tunnelbana_stations.csv')) {
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (!r.lat || !r.lon || !validPoint(lat, lon)) continue; // planned stations, Åkeshov's swapped column
    const name = `${r.station} tunnelbanestation`;
    if (byName.has(name)) continue;
    const spec: SiteSpec = { name, siteType: 'station', size: 'xs', municipality: null, lat, lon, precision: 'station', extraBuildings: [], siteTags: ['public_area'] };
    sites.push(spec);
    byName.set(name, spec);
  }
  return sites;
}

/** The station name a station site was made from ("Slussen tunnelbanestation" → "Slussen"). */
export function stationName(siteName: string): string {
  return siteName.replace(/ tunnelbanestation$/, '');
}

const SIZE: Record<Size, { buildings: [number, number]; floors: [number, number]; rooms: [number, number] }> = {
  xl: { buildings: [7, 9], floors: [5, 8], rooms: [10, 16] },
  l: { buildings: [4, 6], floors: [4, 6], rooms: [10, 14] },
  m: { buildings: [2, 3], floors: [2, 4], rooms: [8, 12] },
  s: { buildings: [1, 1], floors: [1, 3], rooms: [6, 10] },
  xs: { buildings: [1, 1], floors: [1, 2], rooms: [4, 7] },
};

type RoomType = { name: string; weight: number; public?: boolean; numbered?: boolean };
const ROOM_TYPES: RoomType[] = [
  { name: 'Korridor', weight: 4 },
  { name: 'Väntrum', weight: 3, public: true },
  { name: 'Dagrum', weight: 2.5 },
  { name: 'Personalrum', weight: 1.5 },
  { name: 'Konferensrum', weight: 1.5 },
  { name: 'Samtalsrum', weight: 1 },
  { name: 'Expedition', weight: 1 },
  { name: 'Hisshall', weight: 1.5, public: true },
  { name: 'Behandlingsrum', weight: 0.8, numbered: true },
  { name: 'Vårdsal', weight: 0.8, numbered: true },
  { name: 'Rum', weight: 0.8, numbered: true },
  { name: 'Undersökningsrum', weight: 0.7, numbered: true },
];

const INTERVAL_TAGS = new Set(['psychiatry', 'emergency', 'children', 'public_area', 'outdoor']);

/** The interval set on a location itself: 12 months in exposed rooms, 60 on the storage site, else inherited. */
export function locationInterval(tags: readonly string[]): number | null {
  return tags.some((t) => INTERVAL_TAGS.has(t)) ? 12 : null;
}

/**
 * Months between condition checks, the same policy as server/conditions/interval-policy.ts:
 * the nearest location (room → site) with its own interval wins, else by the environment of the
 * whole chain (exposed 12, storage 60, else 36); works fixed in the building at most 24.
 */
export function effectiveInterval(chain: readonly LocNode[], mounting: string | null, fixed: boolean): number {
  const isFixed = fixed || mounting === 'integrated';
  const cap = (m: number) => (isFixed ? Math.min(m, 24) : m);
  const own = chain.find((l) => l.checkIntervalMonths !== null);
  if (own) return cap(own.checkIntervalMonths as number);
  const tags = new Set(chain.flatMap((l) => l.envTags));
  const types = new Set(chain.map((l) => l.siteType));
  if (mounting === 'outdoor') tags.add('outdoor');
  if (types.has('psychiatry')) tags.add('psychiatry');
  if (types.has('station')) tags.add('public_area');
  if ([...tags].some((t) => INTERVAL_TAGS.has(t))) return cap(12);
  if (tags.has('storage') || types.has('storage')) return cap(60);
  return cap(36);
}

/** Rooms of one floor as a plan: a corridor band across the middle, rooms above and below it. */
function layout(count: number, hasCorridor: boolean): { x: number; y: number; w: number; h: number }[] {
  const out: { x: number; y: number; w: number; h: number }[] = [];
  const r3 = (n: number) => Math.round(n * 1000) / 1000;
  const others = hasCorridor ? count - 1 : count;
  if (hasCorridor) out.push({ x: 0.04, y: 0.45, w: 0.92, h: 0.1 });
  const top = Math.ceil(others / 2);
  const bottom = others - top;
  for (let i = 0; i < top; i++) out.push({ x: r3(0.04 + (0.92 / top) * i), y: 0.06, w: r3(0.92 / top), h: 0.37 });
  for (let i = 0; i < bottom; i++) out.push({ x: r3(0.04 + (0.92 / bottom) * i), y: 0.57, w: r3(0.92 / bottom), h: 0.37 });
  return out;
}

export interface Tree {
  nodes: LocNode[];
  rooms: LocNode[];
  storageRooms: LocNode[];
  studioRooms: LocNode[];
  stationRooms: Map<number, LocNode[]>; // siteId → rooms
  sites: LocNode[];
  /** The node and its ancestors up to the site. */
  chainOf(node: LocNode | null): LocNode[];
  byId(id: number): LocNode;
}

export function buildTree(rng: Rng, specs: SiteSpec[], firstId: number): Tree {
  const nodes: LocNode[] = [];
  let nextId = firstId;
  const siteCodes: Record<string, string> = { hospital: 'SJ', local_hospital: 'NS', care_centre: 'VC', psychiatry: 'PS', care_home: 'VH', station: 'TB', storage: 'MAG', studio: 'KON', office: 'KT', other: 'TV' };
  const counters: Record<string, number> = {};

  const add = (parent: LocNode | null, n: Omit<LocNode, 'id' | 'parentId' | 'path' | 'depth' | 'siteId' | 'pathText'>): LocNode => {
    const id = nextId++;
    const node: LocNode = {
      ...n,
      id,
      parentId: parent ? parent.id : null,
      path: `${parent ? parent.path : '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      siteId: parent ? parent.siteId : id,
      pathText: parent ? `${parent.pathText} › ${n.name}` : n.name,
    };
    nodes.push(node);
    return node;
  };
  const base = { siteType: null, code: null, municipality: null, lat: null, lon: null, precision: null, planArea: null, envTags: [] as string[], checkIntervalMonths: null, closedUnit: false, weight: 0 };
  const jitter = (v: number, m: number) => Math.round((v + rng.float(-m, m)) * 1e6) / 1e6;

  const allSpecs: SiteSpec[] = [
    ...specs,
    { name: 'Konstmagasinet', siteType: 'storage', size: 'm', municipality: 'Stockholm', lat: 59.2936, lon: 18.005, precision: 'fictional (demo)', extraBuildings: [], siteTags: ['storage'] },
    { name: 'Konserveringsateljén', siteType: 'studio', size: 'xs', municipality: 'Stockholm', lat: 59.3127, lon: 18.0244, precision: 'fictional (demo)', extraBuildings: [], siteTags: [] },
  ];

  const byId = (id: number) => nodes[id - firstId] as LocNode;
  const chainOf = (node: LocNode | null) => {
    const out: LocNode[] = [];
    for (let n = node; n; n = n.parentId === null ? null : byId(n.parentId)) out.push(n);
    return out;
  };
  const tree: Tree = { nodes, rooms: [], storageRooms: [], studioRooms: [], stationRooms: new Map(), sites: [], chainOf, byId };

  for (const spec of allSpecs) {
    const prefix = siteCodes[spec.siteType] ?? 'X';
    counters[prefix] = (counters[prefix] ?? 0) + 1;
    const site = add(null, {
      ...base,
      kind: 'site',
      siteType: spec.siteType,
      code: `${prefix}${String(counters[prefix]).padStart(prefix === 'SJ' || prefix === 'NS' ? 2 : 3, '0')}`,
      name: spec.name,
      municipality: spec.municipality,
      lat: spec.lat,
      lon: spec.lon,
      precision: spec.precision,
      envTags: spec.siteTags.filter((t) => t === 'psychiatry' || t === 'storage'),
      checkIntervalMonths: spec.siteType === 'storage' ? 60 : null,
      closedUnit: spec.siteType === 'psychiatry',
    });
    tree.sites.push(site);

    if (spec.siteType === 'storage') {
      const b = add(site, { ...base, kind: 'building', code: 'M', name: 'Magasinet', lat: spec.lat, lon: spec.lon, envTags: ['storage'] });
      for (let f = 1; f <= 2; f++) {
        const floor = add(b, { ...base, kind: 'floor', code: String(f), name: `Plan ${f}`, envTags: ['storage'] });
        const names = f === 1
          ? ['Tavelhängare 1', 'Tavelhängare 2', 'Tavelhängare 3', 'Tavelhängare 4', 'Tavelhängare 5', 'Tavelhängare 6', 'Skulpturrum', 'Mottagning och karantän']
          : ['Hyllsektion A', 'Hyllsektion B', 'Hyllsektion C', 'Hyllsektion D', 'Planlådor grafik', 'Textilrum', 'Tavelhängare 7', 'Tavelhängare 8'];
        const areas = layout(names.length, false);
        names.forEach((name, i) => {
          const room = add(floor, { ...base, kind: 'room', code: `M${f}${String(i + 1).padStart(2, '0')}`, name, planArea: areas[i] ?? null, envTags: ['storage'], weight: name.startsWith('Tavel') || name.startsWith('Planlådor') ? 3 : 1 });
          tree.storageRooms.push(room);
        });
      }
      continue;
    }
    if (spec.siteType === 'studio') {
      const b = add(site, { ...base, kind: 'building', code: 'A', name: 'Ateljéhuset', lat: spec.lat, lon: spec.lon });
      const floor = add(b, { ...base, kind: 'floor', code: '1', name: 'Plan 1' });
      const names = ['Mottagning', 'Måleriateljé', 'Pappersateljé', 'Objektateljé', 'Textilateljé'];
      const areas = layout(names.length, false);
      names.forEach((name, i) => tree.studioRooms.push(add(floor, { ...base, kind: 'room', code: `K${i + 1}`, name, planArea: areas[i] ?? null, weight: 1 })));
      continue;
    }
    if (spec.siteType === 'station') {
      const b = add(site, { ...base, kind: 'building', code: 'S', name: 'Stationen', lat: spec.lat, lon: spec.lon, envTags: ['public_area'] });
      const rooms: LocNode[] = [];
      const hall = add(b, { ...base, kind: 'floor', code: 'B', name: 'Biljetthallsplan', envTags: ['public_area'] });
      const platform = add(b, { ...base, kind: 'floor', code: 'P', name: 'Plattformsplan', envTags: ['public_area'] });
      for (const [floor, names] of [[hall, ['Biljetthall', 'Uppgång']], [platform, ['Plattform', 'Spårvägg']]] as const) {
        const areas = layout(names.length, false);
        names.forEach((name, i) => rooms.push(add(floor, { ...base, kind: 'room', code: `${floor.code}${i + 1}`, name, planArea: areas[i] ?? null, envTags: ['public_area'], checkIntervalMonths: 12, weight: 1 })));
      }
      tree.stationRooms.set(site.id, rooms);
      continue;
    }

    // Hospitals and care sites.
    const size = SIZE[spec.size];
    const nBuildings = rng.int(size.buildings[0], size.buildings[1]);
    const siteWeight = spec.siteType === 'hospital' ? 1.25 : spec.siteType === 'other' ? 0.6 : 1;
    const buildings: { name: string; code: string; lat: number | null; lon: number | null; tags: string[] }[] = [];
    for (let i = 0; i < nBuildings; i++) {
      const letter = String.fromCharCode(65 + i);
      buildings.push({
        name: nBuildings === 1 ? 'Huvudbyggnaden' : `Hus ${letter}`,
        code: letter,
        lat: spec.lat === null ? null : jitter(spec.lat, nBuildings === 1 ? 0.0002 : 0.0015),
        lon: spec.lon === null ? null : jitter(spec.lon, nBuildings === 1 ? 0.0003 : 0.0025),
        tags: [],
      });
    }
    spec.extraBuildings.forEach((e, i) => buildings.push({ name: e.name, code: `X${i + 1}`, lat: e.lat, lon: e.lon, tags: e.tags }));
    const bigHospital = spec.size === 'xl' || spec.size === 'l';
    const emergencyBuilding = bigHospital && spec.extraBuildings.length === 0 ? rng.int(0, nBuildings - 1) : -1;

    buildings.forEach((bs, bi) => {
      const b = add(site, { ...base, kind: 'building', code: bs.code, name: bs.name, lat: bs.lat, lon: bs.lon, envTags: bs.tags });
      const nFloors = bs.tags.length > 0 ? 2 : rng.int(size.floors[0], size.floors[1]);
      for (let f = 1; f <= nFloors; f++) {
        // What the floor is used for.
        let unitTags: string[] = [...spec.siteTags.filter((t) => t !== 'public_area'), ...bs.tags];
        if (unitTags.length === 0 && spec.siteType !== 'other') {
          const r = rng.next();
          if (bi === emergencyBuilding && f === 1) unitTags = ['emergency'];
          else if (bigHospital && f > 1 && r < 0.08) unitTags = ['psychiatry'];
          else if (bigHospital && f > 1 && r < 0.18) unitTags = ['children'];
          else if (f > 2 && r < 0.26) unitTags = ['office'];
          else if (spec.siteType === 'local_hospital' && f > 1 && r < 0.34) unitTags = ['psychiatry'];
        }
        const psychiatry = unitTags.includes('psychiatry');
        const floor = add(b, { ...base, kind: 'floor', code: String(f), name: `Plan ${f}`, envTags: unitTags, closedUnit: psychiatry });
        const nRooms = rng.int(size.rooms[0], size.rooms[1]);
        const names: { name: string; tags: string[]; weight: number; code: string }[] = [];
        const used = new Map<string, number>();
        let roomNo = 10;
        const push = (t: RoomType, extraTags: string[] = []) => {
          const n = (used.get(t.name) ?? 0) + 1;
          used.set(t.name, n);
          roomNo += rng.int(1, 4);
          const num = `${f}${String(roomNo).padStart(3, '0')}`;
          const name = t.numbered ? `${t.name} ${num}` : n > 1 ? `${t.name} ${n}` : t.name;
          const tags = [...unitTags.filter((x) => x !== 'office'), ...extraTags];
          if (t.public && !psychiatry) tags.push('public_area');
          if (unitTags.includes('office')) tags.push('office');
          names.push({ name, tags: [...new Set(tags)], weight: t.weight * siteWeight, code: `${bs.code}${num}` });
        };
        // Every floor has a corridor first (it becomes the band across the plan).
        push(ROOM_TYPES[0] as RoomType);
        if (f === 1 && bi === 0) push({ name: 'Entré', weight: 3.5 }, psychiatry ? [] : ['public_area']);
        if (f === 1 && bi === 0 && bigHospital) push({ name: 'Café', weight: 2.5 }, ['public_area']);
        if (unitTags.includes('children')) push({ name: 'Lekrum', weight: 2.5 });
        while (names.length < nRooms) {
          const t = pickRoomType(rng);
          if (t.name === 'Vårdsal' && (spec.siteType === 'care_centre' || spec.siteType === 'other')) continue;
          push(t);
        }
        const areas = layout(names.length, true);
        names.forEach((r, i) => {
          const room = add(floor, {
            ...base,
            kind: 'room',
            code: r.code,
            name: r.name,
            planArea: areas[i] ?? null,
            envTags: r.tags,
            checkIntervalMonths: locationInterval(r.tags),
            closedUnit: psychiatry,
            weight: r.weight,
          });
          tree.rooms.push(room);
        });
      }
    });

    // Outdoor spaces at the hospitals.
    if (spec.siteType === 'hospital' || spec.siteType === 'local_hospital' || spec.siteType === 'care_home' || spec.siteType === 'psychiatry') {
      const b = add(site, { ...base, kind: 'building', code: 'U', name: 'Utemiljö', lat: spec.lat, lon: spec.lon, envTags: ['outdoor'] });
      const floor = add(b, { ...base, kind: 'floor', code: 'M', name: 'Markplan', envTags: ['outdoor'] });
      const names = bigHospital ? ['Entréplatsen', 'Innergården', 'Parken', 'Sinnesträdgården'] : ['Entréplatsen', 'Innergården'];
      names.forEach((name, i) => {
        const tags = spec.siteType === 'psychiatry' ? ['outdoor', 'psychiatry'] : ['outdoor', 'public_area'];
        tree.rooms.push(add(floor, { ...base, kind: 'room', code: `U${i + 1}`, name, envTags: tags, checkIntervalMonths: 12, closedUnit: spec.siteType === 'psychiatry', weight: 0.6 * siteWeight }));
      });
    }
  }
  return tree;
}

const ROOM_TYPE_TOTAL = ROOM_TYPES.reduce((s, t) => s + (t.name === 'Korridor' ? 0 : t.weight), 0);
function pickRoomType(rng: Rng): RoomType {
  let x = rng.next() * ROOM_TYPE_TOTAL;
  for (const t of ROOM_TYPES) {
    if (t.name === 'Korridor') continue;
    x -= t.weight;
    if (x < 0) return t;
  }
  return ROOM_TYPES[ROOM_TYPES.length - 1] as RoomType;
}
