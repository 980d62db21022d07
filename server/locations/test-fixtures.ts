// A small location tree and works built through the API, for the catalogue's API tests.
import type { Client } from '../../tests/helpers/test-app.js';

export type Tree = {
  hospital: number;
  building: number;
  floor: number;
  wardA: number;
  wardB: number;
  otherSite: number;
  otherRoom: number;
  storage: number;
  storageRoom: number;
  studio: number;
  studioRoom: number;
};

async function ok(p: Promise<{ status: number; body: any }>, expected = 201): Promise<any> {
  const res = await p;
  if (res.status !== expected) throw new Error(`fixture request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function makeChain(c: Client, siteName: string, siteType: string, roomNames: string[]) {
  const site = await ok(c.post('/api/locations', { kind: 'site', name: siteName, siteType }));
  const building = await ok(c.post('/api/locations', { kind: 'building', name: `${siteName} hus 1`, parentId: site.id }));
  const floor = await ok(c.post('/api/locations', { kind: 'floor', name: 'Plan 1', parentId: building.id }));
  const rooms: number[] = [];
  for (const name of roomNames) rooms.push((await ok(c.post('/api/locations', { kind: 'room', name, parentId: floor.id }))).id);
  return { site: site.id as number, building: building.id as number, floor: floor.id as number, rooms };
}

export async function makeTree(c: Client, prefix = ''): Promise<Tree> {
  const h = await makeChain(c, `${prefix}Danderyds sjukhus`, 'hospital', ['Avd 12 korridor', 'Avd 14 dagrum']);
  const o = await makeChain(c, `${prefix}Södertälje sjukhus`, 'hospital', ['Entré']);
  const s = await makeChain(c, `${prefix}Magasinet`, 'storage', ['Hylla A']);
  const st = await makeChain(c, `${prefix}Konservatorsateljén`, 'studio', ['Ateljé 1']);
  return {
    hospital: h.site,
    building: h.building,
    floor: h.floor,
    wardA: h.rooms[0]!,
    wardB: h.rooms[1]!,
    otherSite: o.site,
    otherRoom: o.rooms[0]!,
    storage: s.site,
    storageRoom: s.rooms[0]!,
    studio: st.site,
    studioRoom: st.rooms[0]!,
  };
}

let counter = 0;
/** Registers a work through the API and returns its detail body. */
export async function makeWork(c: Client, body: Record<string, unknown> = {}): Promise<any> {
  counter++;
  return ok(c.post('/api/artworks', { inventoryNumber: `SLL ${900000 + counter}`, title: `Verk ${counter}`, objectType: 'painting', ...body }));
}
