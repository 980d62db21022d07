// Proposals and commissions: status rules, the budget view (committed, paid, remaining, warning),
// exact öre sums, pins on the floor plan, and installing a commission into the collection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import { insertArtist, insertPlaces } from './fixtures/places.js';

let t: TestApp;
let lead: Client;
let places: ReturnType<typeof insertPlaces>;
const NOW = new Date('2026-06-15T10:00:00Z');
const MSEK = 100_000_000;
const KSEK = 100_000;

beforeAll(async () => {
  t = await startTestApp({ now: () => NOW });
  places = insertPlaces(t.db.$client);
  lead = await t.as('project_lead');
});
afterAll(() => t.close());

const newProject = async (over: Record<string, unknown> = {}) =>
  (await lead.post('/api/projects', { name: 'Gestaltning Hus P', locationId: places.building, premisesType: 'care', productionCost: 100 * MSEK, ...over })).body as { id: number };
const addProposal = async (projectId: number, body: Record<string, unknown>) => lead.post(`/api/projects/${projectId}/proposals`, body);
const patch = (projectId: number, id: number, body: Record<string, unknown>, v: number) => lead.patch(`/api/projects/${projectId}/proposals/${id}`, body, { 'if-match': `"${v}"` });
const budget = async (projectId: number) => (await lead.get(`/api/projects/${projectId}/budget`)).body;
const count = (sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).pluck().get(...args) as number;

/** Takes a proposal to contracted at the given cost. */
async function contracted(projectId: number, body: Record<string, unknown>, cost: number) {
  const p = (await addProposal(projectId, body)).body;
  const s = await patch(projectId, p.id, { status: 'selected' }, p.version);
  const c = await patch(projectId, p.id, { status: 'contracted', contractedCost: cost, contractRef: 'KN 2026/118' }, s.body.version);
  expect(c.status).toBe(200);
  return c.body as { id: number; version: number };
}

describe('proposals', () => {
  it('are created with artists from the register or by name, and a planned spot on the project’s site', async () => {
    const project = await newProject();
    const artist = insertArtist(t.db.$client, 'Ann-Sofi Sidén');
    const res = await addProposal(project.id, {
      title: 'Ljusväv',
      description: 'Vävd ljusinstallation i entréhallens tak',
      objectType: 'textile',
      artists: [{ artistId: artist }, { name: 'Kalle Nykomling' }],
      estimatedCost: 1_850 * KSEK,
      locationId: places.entrance,
      posX: 0.2,
      posY: 0.3,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      status: 'proposed',
      artists: [{ artistId: artist, name: 'Ann-Sofi Sidén' }, { artistId: null, name: 'Kalle Nykomling' }],
      estimatedCost: 1_850 * KSEK,
      paidToDate: 0,
      floorId: places.floor,
      locationPath: 'Södra vårdcampus › Hus P (nybyggnad) › Plan 3 › Entréhall',
    });
  });

  it.each([
    ['a negative estimated cost', { estimatedCost: -100 }, 400, 'validation', 'estimatedCost'],
    ['an absurd contracted cost (over 1 GSEK)', { contractedCost: 100_000_000_001 }, 400, 'validation', 'contractedCost'],
    ['a cost in fractions of an öre', { estimatedCost: 99.99 }, 400, 'validation', 'estimatedCost'],
    ['a spot on another site', { locationId: 0 }, 400, 'validation', 'locationId'],
    ['a spot with only x', { locationId: null, posX: 0.5 }, 400, 'validation', 'posY'],
    ['an unknown artist', { artists: [{ artistId: 987_654 }] }, 422, 'proposal.unknown_artist', 'artists.0.artistId'],
    ['an artist with both id and name', { artists: [{ artistId: 1, name: 'x' }] }, 400, 'validation', 'artists.0'],
    ['an empty title', { title: ' ' }, 400, 'validation', 'title'],
  ])('refuses %s', async (_n, over, status, code, path) => {
    const project = await newProject();
    const res = await addProposal(project.id, { title: 'Förslag', ...over });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    expect(count('select count(*) from proposals where project_id = ?', project.id)).toBe(0);
  });

  it('refuses a planned spot on another site, or in a building rather than a room', async () => {
    const project = await newProject();
    const other = await addProposal(project.id, { title: 'X', locationId: places.otherSiteRoom, posX: 0.1, posY: 0.1 });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'proposal.location_outside_project', errors: [{ path: 'locationId' }] });
    expect((await addProposal(project.id, { title: 'X', locationId: places.building })).body.code).toBe('proposal.spot_kind');
  });

  it('follow the status rules: contracted needs a cost, installed only through the install step', async () => {
    const project = await newProject();
    const p = (await addProposal(project.id, { title: 'Skulptur vid entrén' })).body;
    const jump = await patch(project.id, p.id, { status: 'in_production' }, 1);
    expect(jump.status).toBe(422);
    expect(jump.body).toMatchObject({ code: 'proposal.status_rule', errors: [{ path: 'status' }] });
    const sel = await patch(project.id, p.id, { status: 'selected' }, 1);
    const noCost = await patch(project.id, p.id, { status: 'contracted' }, sel.body.version);
    expect(noCost.body).toMatchObject({ code: 'proposal.contract_needs_cost', errors: [{ path: 'contractedCost' }] });
    const viaPatch = await patch(project.id, p.id, { status: 'installed' }, sel.body.version);
    expect(viaPatch.body.code).toBe('proposal.install_via_endpoint');
    const ok = await patch(project.id, p.id, { status: 'contracted', contractedCost: 400 * KSEK }, sel.body.version);
    expect(ok.body).toMatchObject({ status: 'contracted', contractedOn: '2026-06-15', contractedCost: 400 * KSEK });
    const audit = t.db.$client.prepare("select action from audit_log where entity_type = 'proposal' and entity_id = ? order by id").pluck().all(p.id);
    expect(audit).toEqual(['create', 'status', 'status']);
  });
});

describe('the budget view', () => {
  it('shows budget, committed, paid and remaining, and warns when commitments pass the budget', async () => {
    const project = await newProject({ productionCost: 50 * MSEK }); // 2 % → 1 MSEK
    await addProposal(project.id, { title: 'Idé A', estimatedCost: 300 * KSEK });
    const a = await contracted(project.id, { title: 'Glasverk' }, 600 * KSEK);
    const pay = await lead.post(`/api/projects/${project.id}/proposals/${a.id}/payments`, { paidOn: '2026-03-01', amount: 150 * KSEK, ref: 'Faktura 5512' });
    expect(pay.status).toBe(201);
    expect(pay.body.paidToDate).toBe(150 * KSEK);
    let b = await budget(project.id);
    expect(b).toEqual({
      budget: 1 * MSEK, computed: 1 * MSEK, override: null, committed: 600 * KSEK, paid: 150 * KSEK, remaining: 400 * KSEK, planned: 300 * KSEK, overCommitted: false,
      perYear: [{ year: 2026, committed: 600 * KSEK, paid: 150 * KSEK }],
    });
    // A sketch fee paid on a proposal that is later rejected stays spent.
    const sketch = (await addProposal(project.id, { title: 'Skiss B' })).body;
    await lead.post(`/api/projects/${project.id}/proposals/${sketch.id}/payments`, { paidOn: '2025-11-20', amount: 25 * KSEK });
    await patch(project.id, sketch.id, { status: 'rejected', statusNote: 'Passade inte programmet' }, 2);
    await contracted(project.id, { title: 'Relief' }, 400 * KSEK);
    b = await budget(project.id);
    expect(b).toMatchObject({ committed: 1025 * KSEK, paid: 175 * KSEK, remaining: -25 * KSEK, overCommitted: true });
    expect(b.perYear).toEqual([
      { year: 2025, committed: 25 * KSEK, paid: 25 * KSEK },
      { year: 2026, committed: 1000 * KSEK, paid: 150 * KSEK },
    ]);
    const roll = (await lead.get('/api/projects/rollup')).body;
    expect(roll.totals.overCommitted).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['a payment beyond the contract', { paidOn: '2026-05-01', amount: 600 * KSEK + 1 }, 422, 'payment.exceeds_contract', 'amount'],
    ['a negative payment', { paidOn: '2026-05-01', amount: -5 }, 400, 'validation', 'amount'],
    ['a zero payment', { paidOn: '2026-05-01', amount: 0 }, 400, 'validation', 'amount'],
    ['a payment in the future', { paidOn: '2026-12-24', amount: 5 }, 422, 'payment.in_future', 'paidOn'],
    ['a payment in kronor with decimals', { paidOn: '2026-05-01', amount: 1500.5 }, 400, 'validation', 'amount'],
  ])('refuses %s and records nothing', async (_n, body, status, code, path) => {
    const project = await newProject();
    const a = await contracted(project.id, { title: 'Verk' }, 600 * KSEK);
    const res = await lead.post(`/api/projects/${project.id}/proposals/${a.id}/payments`, body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.errors[0].path).toBe(path);
    expect(count('select count(*) from proposal_payments where proposal_id = ?', a.id)).toBe(0);
  });

  it('a contract cannot be cut below what is already paid', async () => {
    const project = await newProject();
    const a = await contracted(project.id, { title: 'Verk' }, 600 * KSEK);
    const paid = await lead.post(`/api/projects/${project.id}/proposals/${a.id}/payments`, { paidOn: '2026-05-01', amount: 500 * KSEK });
    const res = await patch(project.id, a.id, { contractedCost: 400 * KSEK }, paid.body.version);
    expect(res.body).toMatchObject({ status: 422, code: 'proposal.contract_below_paid', errors: [{ path: 'contractedCost' }] });
  });

  it('sums thousands of costs exactly in öre (no floating-point drift)', async () => {
    const project = await newProject({ productionCost: 10_000 * MSEK });
    const sqlite = t.db.$client;
    // Amounts like 0.10 and 0.20 SEK are where summing kronor as floats drifts (0.1 + 0.2 ≠ 0.3).
    const insert = sqlite.prepare(
      `insert into proposals (project_id, title, status, contracted_cost, contracted_on, created_at, updated_at) values (?, ?, 'contracted', ?, ?, ?, ?)`,
    );
    const pay = sqlite.prepare('insert into proposal_payments (proposal_id, paid_on, amount, created_at) values (?, ?, ?, ?)');
    let expectedCommitted = 0n;
    let expectedPaid = 0n;
    let floatSek = 0;
    sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) {
        const cost = 10 + ((i * 7919) % 997) * 10 + (i % 3); // 10 … ~10,000 öre, many with single öre
        const id = Number(insert.run(project.id, `Del ${i}`, cost, `${2024 + (i % 3)}-0${1 + (i % 9)}-15`, '2026-01-01', '2026-01-01').lastInsertRowid);
        pay.run(id, `${2024 + (i % 3)}-05-01`, cost - (i % 7), '2026-01-01');
        expectedCommitted += BigInt(cost);
        expectedPaid += BigInt(cost - (i % 7));
        floatSek += cost / 100;
      }
    })();
    // Via the API too: a handful through the real routes, which accept only whole öre.
    for (const cost of [1, 10, 20, 30]) {
      await contracted(project.id, { title: `Via API ${cost}` }, cost);
      expectedCommitted += BigInt(cost);
      floatSek += cost / 100;
    }
    const b = await budget(project.id);
    expect(b.committed).toBe(Number(expectedCommitted));
    expect(b.paid).toBe(Number(expectedPaid));
    expect(b.remaining).toBe(200 * MSEK - Number(expectedCommitted));
    expect(b.perYear.reduce((s: number, y: { committed: number }) => s + y.committed, 0)).toBe(Number(expectedCommitted));
    expect(b.perYear.reduce((s: number, y: { paid: number }) => s + y.paid, 0)).toBe(Number(expectedPaid));
    // The same sum in kronor as floats is off: the reason money is integer öre.
    expect(floatSek * 100).not.toBe(Number(expectedCommitted));
  });
});

describe('proposal pins on the floor plan', () => {
  it('the plan view of a floor lists open proposals’ planned spots beside the works', async () => {
    const project = await newProject({ name: 'Pins' });
    const open = (await addProposal(project.id, { title: 'Väggmålning', locationId: places.psychWard, posX: 0.7, posY: 0.2 })).body;
    const unplaced = (await addProposal(project.id, { title: 'Utan plats' })).body;
    const rejected = (await addProposal(project.id, { title: 'Nej', locationId: places.entrance, posX: 0.1, posY: 0.1 })).body;
    await patch(project.id, rejected.id, { status: 'rejected' }, 1);
    const viewer = await t.as('viewer');
    const plan = (await viewer.get(`/api/floors/${places.floor}/plan`)).body;
    const mine = plan.proposals.filter((p: { projectId: number }) => p.projectId === project.id);
    expect(mine).toEqual([{ id: open.id, projectId: project.id, projectName: 'Pins', title: 'Väggmålning', status: 'proposed', locationId: places.psychWard, posX: 0.7, posY: 0.2, version: 1 }]);
    expect(mine.some((p: { id: number }) => p.id === unplaced.id)).toBe(false);
    // Moving the pin is an edit of the proposal's spot.
    const moved = await patch(project.id, open.id, { locationId: places.entrance, posX: 0.3, posY: 0.25 }, 1);
    expect(moved.body).toMatchObject({ locationId: places.entrance, posX: 0.3, posY: 0.25, floorId: places.floor });
    expect((await viewer.get(`/api/floors/${places.otherFloor}/plan`)).body.proposals.some((p: { id: number }) => p.id === open.id)).toBe(false);
  });
});

describe('from proposal to collection', () => {
  it('installing registers the artwork with commission, project, spot and artists in one step, audited and searchable', async () => {
    const project = await newProject({ name: 'Nya entrén' });
    const known = insertArtist(t.db.$client, 'Maria Miesenberger');
    const p = await contracted(
      project.id,
      { title: 'Mötesplatsen', objectType: 'sculpture', description: 'Brons, tre figurer', heightCm: 210, widthCm: 140, artists: [{ artistId: known }, { name: 'Jonas Nyström-Åkesson' }], locationId: places.entrance, posX: 0.25, posY: 0.4 },
      2_400 * KSEK,
    );
    const artistsBefore = count('select count(*) from artists');
    const auditBefore = count('select max(id) from audit_log');
    const res = await lead.post(`/api/projects/${project.id}/proposals/${p.id}/install`, { date: '2026-06-10' }, { 'if-match': `"${p.version}"` });
    expect(res.status).toBe(200);
    expect(res.body.proposal).toMatchObject({ status: 'installed', installedOn: '2026-06-10' });
    const [artworkId] = res.body.artworkIds;
    expect(res.body.proposal.artworks).toEqual([{ id: artworkId, inventoryNumber: 'SLL 1', title: 'Mötesplatsen' }]);

    const work = (await lead.get(`/api/artworks/${artworkId}`)).body;
    expect(work).toMatchObject({
      inventoryNumber: 'SLL 1', title: 'Mötesplatsen', objectType: 'sculpture', heightCm: 210, widthCm: 140, description: 'Brons, tre figurer',
      acquisitionMethod: 'commission', acquisitionDate: '2026-06-10', acquisitionPrice: 2_400 * KSEK, acquisitionRef: 'KN 2026/118', projectId: project.id,
      status: 'in_place', locationId: places.entrance, posX: 0.25, posY: 0.4,
    });
    // The new name became an authority record (once), linked on the proposal too.
    expect(count('select count(*) from artists')).toBe(artistsBefore + 1);
    const newArtist = t.db.$client.prepare("select id from artists where name = 'Jonas Nyström-Åkesson'").pluck().get() as number;
    expect(t.db.$client.prepare('select artist_id from artwork_artists where artwork_id = ? order by position').pluck().all(artworkId)).toEqual([known, newArtist]);
    expect(res.body.proposal.artists).toEqual([{ artistId: known, name: 'Maria Miesenberger' }, { artistId: newArtist, name: 'Jonas Nyström-Åkesson' }]);
    // Audited: the artwork's creation, its first movement, the new artist and the install, by the lead.
    const audit = t.db.$client.prepare('select entity_type as type, action, user_id as userId from audit_log where id > ? order by id').all(auditBefore) as { type: string; action: string; userId: number }[];
    expect(audit.map((a) => `${a.type}:${a.action}`)).toEqual(['artist:create', 'artwork:create', 'artwork:move', 'proposal:install']);
    expect(audit.every((a) => a.userId === lead.userId)).toBe(true);
    expect(count('select count(*) from movements where artwork_id = ? and to_location_id = ?', artworkId, places.entrance)).toBe(1);
    // Findable in the search at once.
    const found = await lead.get('/api/artworks?q=Mötesplatsen');
    expect(found.body.items.map((i: { id: number }) => i.id)).toContain(artworkId);
    // And no longer a proposal pin: it is a work on the plan now.
    const plan = (await lead.get(`/api/floors/${places.floor}/plan`)).body;
    expect(plan.proposals.some((x: { id: number }) => x.id === p.id)).toBe(false);
    expect(plan.placed.some((w: { id: number }) => w.id === artworkId)).toBe(true);
  });

  it('a commission of several works splits the contracted cost exactly and numbers each work', async () => {
    const project = await newProject();
    const p = await contracted(project.id, { title: 'Triptyk', objectType: 'painting', locationId: places.entrance, posX: 0.1, posY: 0.1 }, 1_000_001);
    const res = await lead.post(`/api/projects/${project.id}/proposals/${p.id}/install`, { works: [{}, {}, { title: 'Triptyk, höger', locationId: places.psychWard }] }, { 'if-match': `"${p.version}"` });
    expect(res.status).toBe(200);
    const works = await Promise.all(res.body.artworkIds.map(async (id: number) => (await lead.get(`/api/artworks/${id}`)).body));
    expect(works.map((w) => [w.title, w.acquisitionPrice, w.locationId, w.posX])).toEqual([
      ['Triptyk (1/3)', 333_334, places.entrance, 0.1],
      ['Triptyk (2/3)', 333_334, places.entrance, null],
      ['Triptyk, höger', 333_333, places.psychWard, null],
    ]);
    expect(new Set(works.map((w) => w.inventoryNumber)).size).toBe(3);
  });

  it.each([
    ['a rejected proposal', 'rejected', 422, 'proposal.install_rejected'],
    ['a proposal not yet contracted', 'selected', 422, 'proposal.install_needs_contract'],
  ])('refuses to install %s, and registers nothing', async (_n, status, code, expectedCode) => {
    const project = await newProject();
    const p = (await addProposal(project.id, { title: 'Nej tack', locationId: places.entrance, posX: 0.5, posY: 0.5 })).body;
    const s = await patch(project.id, p.id, { status }, 1);
    const works = count('select count(*) from artworks');
    const res = await lead.post(`/api/projects/${project.id}/proposals/${p.id}/install`, {}, { 'if-match': `"${s.body.version}"` });
    expect(res.status).toBe(code);
    expect(res.body).toMatchObject({ code: expectedCode, errors: [{ path: 'status' }] });
    expect(count('select count(*) from artworks')).toBe(works);
  });

  it('refuses a second install, an install without a spot, and rolls everything back when a number is taken', async () => {
    const project = await newProject();
    const p = await contracted(project.id, { title: 'Fönster', artists: [{ name: 'Helt Ny Konstnär' }], locationId: places.entrance, posX: 0.5, posY: 0.5 }, 100 * KSEK);
    const before = { works: count('select count(*) from artworks'), artists: count('select count(*) from artists'), audit: count('select count(*) from audit_log') };
    const taken = (await lead.get('/api/artworks?limit=1')).body.items[0].inventoryNumber;
    const dup = await lead.post(`/api/projects/${project.id}/proposals/${p.id}/install`, { works: [{}, { inventoryNumber: taken }] }, { 'if-match': `"${p.version}"` });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('artwork.duplicate_inventory_number');
    expect({ works: count('select count(*) from artworks'), artists: count('select count(*) from artists'), audit: count('select count(*) from audit_log') }).toEqual(before);
    expect((await lead.get(`/api/projects/${project.id}/proposals/${p.id}`)).body).toMatchObject({ status: 'contracted', version: p.version, artists: [{ artistId: null, name: 'Helt Ny Konstnär' }] });

    const ok = await lead.post(`/api/projects/${project.id}/proposals/${p.id}/install`, {}, { 'if-match': `"${p.version}"` });
    expect(ok.status).toBe(200);
    const again = await lead.post(`/api/projects/${project.id}/proposals/${p.id}/install`, {}, { 'if-match': `"${ok.body.proposal.version}"` });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('proposal.already_installed');

    const nowhere = await contracted(project.id, { title: 'Utan plats' }, 10 * KSEK);
    const res = await lead.post(`/api/projects/${project.id}/proposals/${nowhere.id}/install`, {}, { 'if-match': `"${nowhere.version}"` });
    expect(res.body).toMatchObject({ status: 422, code: 'proposal.install_needs_spot', errors: [{ path: 'locationId' }] });
  });

  it('a curator cannot install (no project.write); a lead of another site gets 403', async () => {
    const project = await newProject();
    const p = await contracted(project.id, { title: 'Verk', locationId: places.entrance, posX: 0.5, posY: 0.5 }, 10 * KSEK);
    const curator = await t.as('curator');
    expect((await curator.post(`/api/projects/${project.id}/proposals/${p.id}/install`, {}, { 'if-match': `"${p.version}"` })).status).toBe(403);
    const other = await t.as('project_lead', { siteIds: [places.other] });
    const res = await other.post(`/api/projects/${project.id}/proposals/${p.id}/install`, {}, { 'if-match': `"${p.version}"` });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.site_forbidden');
  });
});
