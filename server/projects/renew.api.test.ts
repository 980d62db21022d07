// Renew from storage: suggestions that fit a planned spot, and reservations (one project per work).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { insertMoveAway, insertPlaces, insertWork } from './fixtures/places.js';

let t: TestApp;
let lead: Client;
let places: ReturnType<typeof insertPlaces>;
let project: { id: number };
let other: { id: number };
let w: Record<string, number>;
const NOW = new Date('2026-06-15T10:00:00Z');

beforeAll(async () => {
  t = await startTestApp({ now: () => NOW });
  const sqlite = t.db.$client;
  places = insertPlaces(sqlite);
  lead = await t.as('project_lead');
  const mk = (body: Record<string, unknown>) => lead.post('/api/projects', { locationId: places.building, premisesType: 'care', productionCost: 300_000_000_00, ...body }).then((r) => r.body);
  project = await mk({ name: 'Förnyelse Hus P' });
  other = await mk({ name: 'Norra: förnyelse', locationId: places.otherBuilding });
  const shelf = places.shelf;
  w = {
    fits: insertWork(sqlite, { inv: 'MAG 1', title: 'Passar', locationId: shelf, psychiatrySafe: true }),
    fair: insertWork(sqlite, { inv: 'MAG 2', title: 'Godtagbart skick', locationId: shelf, grade: 2, psychiatrySafe: true }),
    poor: insertWork(sqlite, { inv: 'MAG 3', title: 'Dåligt skick', locationId: shelf, grade: 3, psychiatrySafe: true }),
    unchecked: insertWork(sqlite, { inv: 'MAG 4', title: 'Aldrig bedömd', locationId: shelf, grade: null, psychiatrySafe: true }),
    notSafe: insertWork(sqlite, { inv: 'MAG 5', title: 'Ej för psykiatri', locationId: shelf }),
    tooBig: insertWork(sqlite, { inv: 'MAG 6', title: 'För stor', locationId: shelf, widthCm: 400, psychiatrySafe: true }),
    noSize: insertWork(sqlite, { inv: 'MAG 7', title: 'Okända mått', locationId: shelf, widthCm: null, heightCm: null, psychiatrySafe: true }),
    textile: insertWork(sqlite, { inv: 'MAG 8', title: 'Textil', locationId: shelf, objectType: 'textile', psychiatrySafe: true }),
    recent: insertWork(sqlite, { inv: 'MAG 9', title: 'Nyss visad här', locationId: shelf, psychiatrySafe: true }),
    longAgo: insertWork(sqlite, { inv: 'MAG 10', title: 'Visad här för länge sedan', locationId: shelf, psychiatrySafe: true }),
    elsewhere: insertWork(sqlite, { inv: 'MAG 11', title: 'Visad på Norra nyss', locationId: shelf, psychiatrySafe: true }),
    inPlace: insertWork(sqlite, { inv: 'MAG 12', title: 'På plats', locationId: places.otherSiteRoom, status: 'in_place', psychiatrySafe: true }),
  };
  insertMoveAway(sqlite, w.recent!, places.entrance, shelf, '2024-09-01T12:00:00.000Z');
  insertMoveAway(sqlite, w.longAgo!, places.entrance, shelf, '2015-03-01T12:00:00.000Z');
  insertMoveAway(sqlite, w.elsewhere!, places.otherSiteRoom, shelf, '2025-09-01T12:00:00.000Z');
});
afterAll(() => t.close());

const suggest = async (query: string) => lead.get(`/api/projects/${project.id}/suggestions?${query}`);
const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title).sort();

describe('suggestions from storage', () => {
  it('for a psychiatric ward: only psychiatry-safe works in good or fair condition, not shown at the site lately', async () => {
    const res = await suggest(`locationId=${places.psychWard}`);
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['Godtagbart skick', 'Okända mått', 'Passar', 'Textil', 'För stor', 'Visad här för länge sedan', 'Visad på Norra nyss'].sort());
    expect(res.body.criteria).toEqual({ siteId: places.hospital, envTags: ['psychiatry'], requiredFlags: ['psychiatrySafe'], types: [], grades: [1, 2], notShownSince: '2021-06-15' });
    // Good before fair; a work never shown at the site before one shown there long ago.
    expect(res.body.items[0].grade).toBe(1);
    expect(res.body.items.at(-1).title).toBe('Godtagbart skick');
    expect(res.body.items.find((i: { title: string }) => i.title === 'Visad här för länge sedan').lastShownAtSite).toBe('2015-03-01T12:00:00.000Z');
  });

  it('an ordinary entrance does not need psychiatry-safe works', async () => {
    expect(titles(await suggest(`locationId=${places.entrance}`))).toContain('Ej för psykiatri');
  });

  it('respects the size range (works of unknown size drop out) and the object types', async () => {
    expect(titles(await suggest(`locationId=${places.psychWard}&minWidthCm=50&maxWidthCm=120`))).not.toContain('För stor');
    expect(titles(await suggest(`locationId=${places.psychWard}&minWidthCm=50&maxWidthCm=120`))).not.toContain('Okända mått');
    expect(titles(await suggest(`locationId=${places.psychWard}&type=textile`))).toEqual(['Textil']);
    expect(titles(await suggest(`locationId=${places.psychWard}&type=textile,painting&maxHeightCm=50`))).toEqual([]);
  });

  it('the "recently" window can be widened or narrowed', async () => {
    expect(titles(await suggest(`locationId=${places.psychWard}&notShownYears=20`))).not.toContain('Visad här för länge sedan');
    expect(titles(await suggest(`locationId=${places.psychWard}&notShownYears=1`))).toContain('Nyss visad här');
  });

  it.each([
    ['no spot', '', 'locationId'],
    ['an inverted width range', `locationId=1&minWidthCm=200&maxWidthCm=100`, 'maxWidthCm'],
    ['an unknown type', `locationId=1&type=fresco`, 'type.0'],
    ['an unknown flag', `locationId=1&flags=fireproof`, 'flags.0'],
    ['a negative size', `locationId=1&minWidthCm=-5`, 'minWidthCm'],
  ])('refuses %s with a 400 naming the field', async (_n, query, path) => {
    const res = await suggest(query);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('a spot on another site is refused', async () => {
    const res = await suggest(`locationId=${places.otherSiteRoom}`);
    expect(res.body).toMatchObject({ status: 422, code: 'proposal.location_outside_project' });
  });
});

describe('reservations', () => {
  it('one click reserves a suggestion; it leaves the suggestions and stays in storage', async () => {
    const res = await lead.post(`/api/projects/${project.id}/reservations`, { artworkId: w.fits, locationId: places.psychWard, posX: 0.6, posY: 0.3 });
    expect(res.status).toBe(201);
    expect(res.body.reservations).toEqual([
      expect.objectContaining({ artworkId: w.fits, inventoryNumber: 'MAG 1', status: 'in_storage', locationId: places.psychWard, posX: 0.6, posY: 0.3 }),
    ]);
    expect(titles(await suggest(`locationId=${places.psychWard}`))).not.toContain('Passar');
    expect((await lead.get(`/api/artworks/${w.fits}`)).body.status).toBe('in_storage');
  });

  it('a work reserved for one project cannot be reserved by another (409), nor twice by the same', async () => {
    const taken = await lead.post(`/api/projects/${other.id}/reservations`, { artworkId: w.fits });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'reservation.taken', reservedFor: { projectId: project.id, name: 'Förnyelse Hus P' }, errors: [{ path: 'artworkId' }] });
    expect((await lead.post(`/api/projects/${project.id}/reservations`, { artworkId: w.fits })).body.code).toBe('reservation.already_reserved');
  });

  it('only a work in storage can be reserved', async () => {
    const res = await lead.post(`/api/projects/${project.id}/reservations`, { artworkId: w.inPlace });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'reservation.not_in_storage', errors: [{ path: 'artworkId' }] });
    expect((await lead.post(`/api/projects/${project.id}/reservations`, { artworkId: 9_999_999 })).body.code).toBe('reservation.unknown_artwork');
  });

  it('releasing frees the work for another project', async () => {
    const detail = (await lead.get(`/api/projects/${project.id}`)).body;
    const r = detail.reservations.find((x: { artworkId: number }) => x.artworkId === w.fits);
    const rel = await lead.delete(`/api/projects/${project.id}/reservations/${r.id}`);
    expect(rel.status).toBe(200);
    expect(rel.body.reservations).toEqual([]);
    expect((await lead.delete(`/api/projects/${project.id}/reservations/${r.id}`)).status).toBe(404);
    expect((await lead.post(`/api/projects/${other.id}/reservations`, { artworkId: w.fits })).status).toBe(201);
    const actions = t.db.$client.prepare("select action from audit_log where entity_type = 'project' and entity_id = ? and action in ('reserve', 'release') order by id").pluck().all(project.id);
    expect(actions).toEqual(['reserve', 'release']);
  });

  it('two simultaneous reservations of one work: exactly one wins', async () => {
    const results = await Promise.all([
      lead.post(`/api/projects/${project.id}/reservations`, { artworkId: w.textile }),
      lead.post(`/api/projects/${other.id}/reservations`, { artworkId: w.textile }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(t.db.$client.prepare('select count(*) from project_reservations where artwork_id = ? and released_at is null').pluck().get(w.textile)).toBe(1);
  });
});
