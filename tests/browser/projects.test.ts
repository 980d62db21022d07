// Art projects in a real browser: a project lead creates a project, adds a proposal, places it on a
// floor plan, contracts and installs it, and finds the new artwork in the search. Budget view
// screenshots at phone and desktop width (with the over-budget warning of a demo project).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';
import { drawDemoPlan } from '../../server/map/floorplan-render.js';

let env: BrowserEnv;
let floor: { id: number; name: string; buildingName: string; siteName: string; siteId: number };
let room: { id: number; planArea: { x: number; y: number; w: number; h: number } };

const one = <T = any>(q: string, ...a: unknown[]) => env.app.db.$client.prepare(q).get(...a) as T;

beforeAll(async () => {
  env = await startBrowserEnv({ works: 1500 });
  // A hospital floor with rooms drawn on it gets a plan image, as the demo does at first start.
  floor = one(
    `select f.id, f.name, b.name buildingName, s.name siteName, s.id siteId from locations f join locations b on b.id = f.parent_id join locations s on s.id = f.site_id
      where f.kind = 'floor' and s.site_type = 'hospital' and (select count(*) from locations r where r.parent_id = f.id and r.kind = 'room' and r.plan_area is not null) >= 4
      order by s.id, f.id limit 1`,
  );
  await drawDemoPlan(env.app.deps, floor);
  const r = one<{ id: number; planArea: string }>("select id, plan_area planArea from locations where parent_id = ? and kind = 'room' and plan_area is not null order by id limit 1", floor.id);
  room = { id: r.id, planArea: JSON.parse(r.planArea) };
});
afterAll(() => env?.close());

/** Types into the inner <input> of a Web Awesome input found by its name. */
const fill = async (page: Page, scope: string, name: string, value: string) => {
  const input = page.locator(`${scope} wa-input[name=${name}] input`);
  await input.fill(value);
};

describe('art projects', () => {
  it('create a project, add a proposal, place it on the plan, install it, find the work in search', async () => {
    const page = await env.page({ role: 'project_lead', viewport: 'desktop' });
    await page.goto('/projects');
    await page.locator('kk-projects-page .projects li').first().waitFor();
    await page.getByRole('button', { name: 'Nytt projekt' }).click();

    const dialog = 'kk-project-form-dialog';
    await fill(page, dialog, 'name', 'Konst i nya vårdbyggnaden');
    await page.locator(`${dialog} wa-input[name=location] input`).pressSequentially(floor.siteName.slice(0, 12), { delay: 20 });
    await page.locator(`${dialog} .picker li`, { hasText: floor.siteName }).first().click();
    await fill(page, dialog, 'productionCost', '850 000 000');
    // The budget by the percent rule is previewed as the cost is typed: 2 % of 850 MSEK.
    await expect.poll(() => page.locator(`${dialog} wa-input[name=productionCost]`).getAttribute('hint')).toContain('17');
    await page.getByRole('button', { name: 'Skapa projektet' }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    const projectId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.locator('kk-project-budget [data-figure=budget]').innerText()).toMatch(/17\s000\s000/);

    // A proposal by an artist who is not in the register yet.
    await page.getByRole('button', { name: 'Lägg till förslag' }).click();
    const pd = 'kk-project-proposal-dialog';
    await fill(page, pd, 'title', 'Ljusbågen över entrén');
    await fill(page, pd, 'artist', 'Vera Nyqvist-Ekdahl');
    await fill(page, pd, 'estimatedCost', '1 200 000');
    await page.getByRole('button', { name: 'Lägg till förslaget' }).click();
    const item = page.locator('kk-project-proposals li.item', { hasText: 'Ljusbågen över entrén' });
    await item.waitFor();

    // Place it on the floor plan: choose the floor, start placing, click in a room.
    await page.locator('kk-project-plan select[name=floor]').selectOption(String(floor.id));
    const image = page.locator('kk-project-plan kk-floor-plan img.leaflet-image-layer');
    await image.waitFor();
    await item.getByRole('button', { name: 'Placera på planritningen' }).click();
    await page.locator('kk-project-plan kk-floor-plan .placing').waitFor();
    const box = (await image.boundingBox())!;
    const spot = { x: room.planArea.x + room.planArea.w / 2, y: room.planArea.y + room.planArea.h / 2 };
    const saved = page.waitForResponse((r) => /\/api\/projects\/\d+\/proposals\/\d+$/.test(r.url()) && r.request().method() === 'PATCH');
    await page.mouse.click(box.x + spot.x * box.width, box.y + spot.y * box.height);
    expect((await saved).status()).toBe(200);
    await page.locator('kk-project-plan kk-floor-plan .proposal-pin.own').waitFor();
    const placed = one<{ locationId: number; posX: number; posY: number }>("select location_id locationId, pos_x posX, pos_y posY from proposals where project_id = ?", projectId);
    expect(placed.locationId).toBe(room.id);
    expect(placed.posX).toBeCloseTo(spot.x, 1);
    expect(placed.posY).toBeCloseTo(spot.y, 1);
    // The same pin is on the floor's own plan page, in its own colour beside the works.
    await expect.poll(async () => (await (await page.request.get(`/api/floors/${floor.id}/plan`)).json()).proposals.length).toBe(1);

    // Select, then contract it (the contract needs its cost).
    await item.getByRole('button', { name: 'Ändra status' }).click();
    await item.locator('select[name=status]').selectOption('selected');
    await item.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('selected');
    await item.getByRole('button', { name: 'Ändra status' }).click();
    await item.locator('select[name=status]').selectOption('contracted');
    await item.locator('wa-input[name=contractedCost] input').fill('1 150 000');
    await item.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('contracted');
    await expect.poll(() => page.locator('kk-project-budget [data-figure=committed]').innerText()).toMatch(/1\s150\s000/);

    // Install: the artwork is registered in one step and linked from the proposal.
    await item.getByRole('button', { name: 'Markera som installerat' }).click();
    await item.getByRole('button', { name: 'Installera och registrera' }).click();
    await expect.poll(() => item.getAttribute('data-status')).toBe('installed');
    const work = item.locator('.works a');
    await work.waitFor();
    const workId = Number((await work.getAttribute('href'))!.split('/').pop());
    const record = one<{ acquisitionMethod: string; projectId: number; locationId: number; title: string }>(
      'select acquisition_method acquisitionMethod, project_id projectId, location_id locationId, title from artworks where id = ?',
      workId,
    );
    expect(record).toEqual({ acquisitionMethod: 'commission', projectId, locationId: room.id, title: 'Ljusbågen över entrén' });

    await page.locator('kk-project-plan').scrollIntoViewIfNeeded();
    await screenshot(page, 'project-proposals-plan-desktop');
    await page.goto('/search?q=Ljusbågen');
    const hit = page.locator('kk-search-page kk-artwork-list li', { hasText: 'Ljusbågen över entrén' });
    await hit.waitFor();
    await hit.locator('a.work').click();
    await expect.poll(() => page.locator('kk-artwork-page h1').innerText()).toContain('Ljusbågen över entrén');
    await page.locator('kk-artwork-page').getByText('Vera Nyqvist-Ekdahl').first().waitFor();
  });

  it.each(['desktop', 'phone'] as const)('the budget view at %s width: figures, bar, over-budget warning, per year (screenshots)', async (viewport) => {
    const page = await env.page({ role: 'project_lead', viewport });
    const over = one<{ id: number }>("select id from projects where name like 'Södertälje%'");
    await page.goto(`/projects/${over.id}`);
    const budget = page.locator('kk-project-budget');
    await budget.locator('.warning').waitFor();
    expect(await budget.locator('.warning').innerText()).toMatch(/Över budget.*150\s000\skr/s);
    expect(await budget.locator('.bar .over').count()).toBe(1);
    // Nothing spills out sideways at phone width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `project-page-${viewport}`);
    await budget.scrollIntoViewIfNeeded();
    await budget.screenshot({ path: `${ARTIFACTS_DIR}/project-budget-over-${viewport}.png` });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A project in production: paid inside committed, proposals not yet contracted as a hatched pipeline, no warning.
    const running = one<{ id: number }>("select id from projects where name like 'Nya akuten%'");
    await page.goto(`/projects/${running.id}`);
    await budget.locator('.bar .planned').waitFor();
    expect(await budget.locator('.warning').count()).toBe(0);
    await budget.scrollIntoViewIfNeeded();
    await budget.screenshot({ path: `${ARTIFACTS_DIR}/project-budget-${viewport}.png` });
  });

  it('the portfolio lists every project with phase, budget use and timeline (screenshot)', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    await page.goto('/projects');
    await page.locator('kk-projects-page .projects li').first().waitFor();
    const n = one<{ n: number }>('select count(*) n from projects').n;
    expect(await page.locator('kk-projects-page .projects li').count()).toBe(n);
    expect(await page.locator('kk-projects-page .projects .timeline').count()).toBe(n);
    // Viewers read but do not start projects.
    expect(await page.getByRole('button', { name: 'Nytt projekt' }).count()).toBe(0);
    await screenshot(page, 'projects-portfolio-desktop');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
