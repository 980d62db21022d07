// Floor plans in a real browser: pins coloured by condition, dragging a pin moves the work (and it
// survives a reload), works dropped or placed by keyboard from the list beside the plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';
import { drawDemoPlan } from '../../server/map/floorplan-render.js';

let env: BrowserEnv;
let floorId: number;
type Room = { id: number; name: string; planArea: { x: number; y: number; w: number; h: number } };
let rooms: Room[];

const sql = <T = any>(q: string, ...a: unknown[]) => env.app.db.$client.prepare(q).all(...a) as T[];
const one = <T = any>(q: string, ...a: unknown[]) => env.app.db.$client.prepare(q).get(...a) as T;

beforeAll(async () => {
  env = await startBrowserEnv({ works: 3000 });
  // The busiest floor with rooms gets a drawn plan, as the demo does at first start.
  const f = one<{ id: number; name: string; buildingName: string; siteName: string }>(
    `select f.id, f.name, b.name buildingName, s.name siteName from locations f join locations b on b.id = f.parent_id join locations s on s.id = f.site_id
      where f.kind = 'floor' and (select count(*) from locations r where r.parent_id = f.id and r.kind = 'room' and r.plan_area is not null) >= 4
      order by (select count(*) from artworks a join locations l on l.id = a.location_id where l.parent_id = f.id and a.status = 'in_place') desc limit 1`,
  );
  floorId = f.id;
  await drawDemoPlan(env.app.deps, f);
  rooms = sql<{ id: number; name: string; planArea: string }>("select id, name, plan_area planArea from locations where parent_id = ? and kind = 'room' and plan_area is not null", floorId).map((r) => ({ ...r, planArea: JSON.parse(r.planArea) }));
  // A few works of the floor have no spot yet: they wait beside the plan.
  env.app.db.$client.prepare(
    `update artworks set pos_x = null, pos_y = null where id in (select a.id from artworks a join locations l on l.id = a.location_id
      where l.parent_id = ? and a.status = 'in_place' order by a.id limit 3)`,
  ).run(floorId);
});
afterAll(() => env?.close());

const pins = (page: Page) => page.locator('kk-floor-plan .pin');
const plan = (id: number) => env.app.db.$client.prepare('select pos_x x, pos_y y, location_id loc, version v from artworks where id = ?').get(id) as { x: number | null; y: number | null; loc: number; v: number };

async function openPlan(page: Page): Promise<void> {
  await page.goto(`/floors/${floorId}`);
  await page.locator('kk-floor-plan img.leaflet-image-layer').waitFor();
  await pins(page).first().waitFor();
}

/** Screen point of a plan fraction (x, y from the top left), through the plan image on screen. */
async function screenPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('kk-floor-plan img.leaflet-image-layer').boundingBox())!;
  return { x: box.x + x * box.width, y: box.y + y * box.height };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

const saved = (page: Page) => page.waitForResponse((r) => /\/api\/artworks\/\d+\/placement$/.test(r.url()) && r.request().method() === 'PUT');

describe('floor plan', () => {
  it('shows a pin per placed work, coloured by condition, with a card on hover', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openPlan(page);
    const placed = one<{ n: number }>(
      "select count(*) n from artworks a join locations l on l.id = a.location_id where (l.id = ? or l.parent_id = ?) and a.status != 'deaccessioned' and a.pos_x is not null",
      floorId,
      floorId,
    ).n;
    expect(await pins(page).count()).toBe(placed);
    const byClass = await pins(page).evaluateAll((els) => els.map((e) => [...e.classList].find((c) => /^g\d$/.test(c))));
    const grades = sql<{ g: number | null }>(
      "select a.last_grade g from artworks a join locations l on l.id = a.location_id where (l.id = ? or l.parent_id = ?) and a.status != 'deaccessioned' and a.pos_x is not null",
      floorId,
      floorId,
    );
    expect(byClass.sort()).toEqual(grades.map((r) => `g${r.g ?? 0}`).sort());
    await pins(page).first().hover();
    await expect.poll(() => page.locator('kk-floor-plan .leaflet-tooltip.card-tip').count()).toBe(1);
    expect(await page.locator('kk-floor-plan-page .works li').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'floor-plan-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('dragging a pin to another room moves the work there, and it stays after a reload', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openPlan(page);
    const pin = pins(page).first();
    const id = Number(await pin.getAttribute('data-work'));
    const before = plan(id);
    const target = rooms.find((r) => r.id !== before.loc && r.planArea.w * r.planArea.h > 0.02)!;
    const movementsBefore = one<{ n: number }>('select count(*) n from movements where artwork_id = ?', id).n;
    const box = (await pin.boundingBox())!;
    const to = await screenPoint(page, target.planArea.x + target.planArea.w * 0.5, target.planArea.y + target.planArea.h * 0.6);
    const response = saved(page);
    await drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, to);
    expect((await response).status()).toBe(200);
    await expect.poll(() => page.locator('kk-floor-plan-page .message').innerText()).toMatch(target.name);
    const after = plan(id);
    expect(after.loc).toBe(target.id);
    expect(after.x).toBeCloseTo(target.planArea.x + target.planArea.w * 0.5, 1);
    expect(after.y).toBeCloseTo(target.planArea.y + target.planArea.h * 0.6, 1);
    expect(one<{ n: number }>('select count(*) n from movements where artwork_id = ?', id).n).toBe(movementsBefore + 1);
    // Reload: the pin is where it was dropped.
    await page.reload();
    await pins(page).first().waitFor();
    const moved = page.locator(`kk-floor-plan .pin[data-work="${id}"]`);
    const mb = (await moved.boundingBox())!;
    expect(Math.abs(mb.x + mb.width / 2 - to.x)).toBeLessThan(6);
    expect(Math.abs(mb.y + mb.height / 2 - to.y)).toBeLessThan(6);
    expect(await moved.getAttribute('aria-label')).toContain(target.name);
    await page.context().close();
  });

  it('dragging a pin within its room only changes its spot (no movement)', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openPlan(page);
    const pin = pins(page).nth(1);
    const id = Number(await pin.getAttribute('data-work'));
    const before = plan(id);
    const room = rooms.find((r) => r.id === before.loc)!;
    const movementsBefore = one<{ n: number }>('select count(*) n from movements where artwork_id = ?', id).n;
    const box = (await pin.boundingBox())!;
    const spot = { x: room.planArea.x + room.planArea.w * 0.3, y: room.planArea.y + room.planArea.h * 0.3 };
    const response = saved(page);
    await drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, await screenPoint(page, spot.x, spot.y));
    expect((await response).status()).toBe(200);
    const after = plan(id);
    expect(after.loc).toBe(before.loc);
    expect(after.x).toBeCloseTo(spot.x, 1);
    expect(after.v).toBe(before.v + 1);
    expect(one<{ n: number }>('select count(*) n from movements where artwork_id = ?', id).n).toBe(movementsBefore);
    expect(one<{ a: string }>("select action a from audit_log where entity_type = 'artwork' and entity_id = ? order by id desc limit 1", id).a).toBe('placement');
    await page.context().close();
  });

  it('a work waiting beside the plan is placed with the keyboard: Place, arrows, Enter', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openPlan(page);
    const item = page.locator('kk-floor-plan-page aside .works li').first();
    const id = Number(await item.getAttribute('data-work'));
    expect(plan(id).x).toBeNull();
    await item.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('kk-floor-plan .placing').count()).toBe(1);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const response = saved(page);
    await page.keyboard.press('Enter');
    expect((await response).status()).toBe(200);
    await expect.poll(() => page.locator(`kk-floor-plan .pin[data-work="${id}"]`).count()).toBe(1);
    expect(plan(id).x).not.toBeNull();
    // Pins are focusable and Enter opens the work's card.
    const pin = page.locator(`kk-floor-plan .pin[data-work="${id}"]`);
    expect(await pin.getAttribute('tabindex')).toBe('0');
    await pin.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('kk-floor-plan .leaflet-popup a[href^="/works/"]').count()).toBe(1);
    await page.context().close();
  });

  it('a work is dragged from the list onto the plan', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openPlan(page);
    const item = page.locator('kk-floor-plan-page aside .works li').first();
    const id = Number(await item.getAttribute('data-work'));
    const target = rooms[rooms.length - 1]!;
    const to = await screenPoint(page, target.planArea.x + target.planArea.w / 2, target.planArea.y + target.planArea.h / 2);
    const box = (await page.locator('kk-floor-plan #plan').boundingBox())!;
    const response = saved(page);
    await item.dragTo(page.locator('kk-floor-plan #plan'), { targetPosition: { x: to.x - box.x, y: to.y - box.y } });
    expect((await response).status()).toBe(200);
    const after = plan(id);
    expect(after.loc).toBe(target.id);
    expect(after.x).toBeCloseTo(target.planArea.x + target.planArea.w / 2, 1);
    await page.context().close();
  });

  it('a viewer sees the plan but cannot move pins; at phone width the list follows the plan', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'phone' });
    await openPlan(page);
    expect(await page.locator('kk-floor-plan .pin.leaflet-marker-draggable').count()).toBe(0);
    expect(await page.locator('kk-floor-plan-page aside button.place').count()).toBe(0);
    expect(await page.locator('kk-floor-plan-page aside li[draggable=true]').count()).toBe(0);
    const planBox = (await page.locator('kk-floor-plan').boundingBox())!;
    const listBox = (await page.locator('kk-floor-plan-page aside').boundingBox())!;
    expect(planBox.width).toBeGreaterThan(340);
    expect(listBox.y).toBeGreaterThan(planBox.y + planBox.height - 1);
    await screenshot(page, 'floor-plan-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
