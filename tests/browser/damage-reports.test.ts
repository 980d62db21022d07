// The conservators' triage queue: reports filed through the public guide form, shown as text,
// turned into condition checks or dismissed, with the navigation's count following.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';

let env: BrowserEnv;
// The guide form refuses posts made within 3 s of loading it (bots); the test moves the clock instead of waiting.
let offsetMs = 0;
type Work = { id: number; inventoryNumber: string; title: string; siteId: number };
let works: Work[];

beforeAll(async () => {
  env = await startBrowserEnv({ works: 800, now: () => new Date(Date.now() + offsetMs) });
  works = env.app.db.$client
    .prepare(
      `select id, inventory_number as inventoryNumber, title, site_id as siteId from artworks
        where is_public = 1 and status = 'in_place' and location_id in (select id from locations where closed_unit = 0 and kind = 'room') order by id limit 4`,
    )
    .all() as Work[];
});
afterAll(() => env?.close());

const XSS = 'Repa i glaset <script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';

async function fileReport(work: Work, fields: Record<string, string>, photo?: Buffer): Promise<number> {
  const base = `${env.app.baseUrl}/guide/w/${encodeURIComponent(work.inventoryNumber)}/report`;
  const page = await (await fetch(base)).text();
  const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
  offsetMs += 4000;
  const form = new FormData();
  form.set('token', token);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (photo) form.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'foto.jpg');
  const res = await fetch(base, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(303);
  return env.app.db.$client.prepare('select max(id) from damage_reports where artwork_id = ?').pluck().get(work.id) as number;
}

const card = (page: Page, title: string) => page.locator('kk-damage-report-card').filter({ has: page.locator('h2', { hasText: title }) });
const navLink = (page: Page) => page.locator('kk-app nav a[href="/damage-reports"]');

describe('the damage-report triage queue', () => {
  let converted: number;
  let dismissed: number;
  let contested: number;

  beforeAll(async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 160, g: 60, b: 40 } } }).jpeg().toBuffer();
    converted = await fileReport(works[0]!, { kind: 'damage', description: XSS, contact: 'anna@example.se' }, photo);
    dismissed = await fileReport(works[1]!, { kind: 'dirty', description: 'Dammigt och fläckigt på ramen' });
    contested = await fileReport(works[2]!, { kind: 'loose', description: 'Tavlan hänger snett och sitter löst' });
  });

  it('a conservator sees the new reports with a count in the navigation; public text stays text', async () => {
    const page = await env.page({ role: 'conservator', viewport: 'desktop' });
    await page.goto('/');
    await expect.poll(() => navLink(page).getAttribute('aria-label')).toBe('Skaderapporter, 3 nya');
    expect(await navLink(page).locator('.badge').innerText()).toBe('3');
    await navLink(page).click();
    await page.waitForURL((u) => u.pathname === '/damage-reports');
    await expect.poll(() => page.locator('kk-damage-report-card').count()).toBe(3);
    expect(await page.locator('kk-damage-reports-page h2.count').innerText()).toBe('3 nya rapporter');

    const first = card(page, works[0]!.title);
    // The description is shown character for character, and nothing in it ran.
    expect(await first.locator('.description').innerText()).toBe(XSS);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await first.locator('.description script, .description img').count()).toBe(0);
    expect(await first.locator('.meta').innerText()).toContain('Skadat');
    expect(await first.locator('.contact a').getAttribute('href')).toBe('mailto:anna@example.se');
    expect(await first.locator('h2 a').getAttribute('href')).toBe(`/works/${works[0]!.id}?tab=condition`);
    // The visitor's photo, as a real thumbnail.
    await expect.poll(() => first.locator('.photo img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'damage-reports-1440');
    await page.context().close();
  });

  it('a report becomes a condition check with the visitor text in its note; the count goes down', async () => {
    const page = await env.page({ role: 'conservator', viewport: 'desktop' });
    await page.goto('/damage-reports');
    const c = card(page, works[0]!.title);
    await c.getByRole('button', { name: 'Gör en skickbedömning' }).click();
    // The grade is required.
    await c.getByRole('button', { name: 'Spara skickbedömning' }).click();
    await expect.poll(() => c.locator('.field-error').innerText()).toBe('Välj ett skick.');
    await c.getByRole('button', { name: '3 · Dåligt' }).click();
    await c.getByRole('button', { name: 'Repa' }).click();
    await c.locator('select').selectOption('soon');
    await c.locator('wa-textarea textarea').fill('Glaset byts vid nästa runda');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'damage-report-convert-1440');
    await c.getByRole('button', { name: 'Spara skickbedömning' }).click();
    await expect.poll(() => page.locator('kk-damage-report-card').count()).toBe(2);
    expect(await page.locator('kk-damage-reports-page h2.count').innerText()).toBe('2 nya rapporter');
    await expect.poll(() => navLink(page).getAttribute('aria-label')).toBe('Skaderapporter, 2 nya');

    const report = env.app.db.$client.prepare('select status, check_id as checkId from damage_reports where id = ?').get(converted) as { status: string; checkId: number };
    expect(report.status).toBe('converted');
    const check = env.app.db.$client.prepare('select artwork_id as artworkId, grade, priority, damage_types as damage, note from condition_checks where id = ?').get(report.checkId) as Record<string, unknown>;
    expect(check).toMatchObject({ artworkId: works[0]!.id, grade: 3, priority: 'soon', damage: '["scratch"]' });
    expect(check.note).toContain(XSS);
    expect(check.note).toContain('Glaset byts vid nästa runda');

    // The work's condition history now starts with that check, the visitor's text still as text.
    await page.goto(`/works/${works[0]!.id}?tab=condition`);
    const latest = page.locator('kk-timeline li[data-type=check]').first();
    await expect.poll(() => latest.innerText()).toContain('Glaset byts vid nästa runda');
    expect(await latest.innerText()).toContain('<script>window.__xss = 1</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.context().close();
  });

  it('dismissing needs a note, and the dismissed report is listed with it', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await page.goto('/damage-reports');
    const c = card(page, works[1]!.title);
    await c.getByRole('button', { name: 'Avfärda', exact: true }).click();
    await c.getByRole('button', { name: 'Avfärda rapport' }).click();
    await expect.poll(() => c.locator('wa-textarea').getAttribute('hint')).toBe('Ange varför rapporten avfärdas.');
    expect(env.app.db.$client.prepare('select status from damage_reports where id = ?').pluck().get(dismissed)).toBe('new');
    await c.locator('wa-textarea textarea').fill('Städas av lokalvården, ingen skada');
    await c.getByRole('button', { name: 'Avfärda rapport' }).click();
    await expect.poll(() => page.locator('kk-damage-report-card').count()).toBe(1);
    expect(env.app.db.$client.prepare('select status, handling_note as note from damage_reports where id = ?').get(dismissed)).toEqual({ status: 'dismissed', note: 'Städas av lokalvården, ingen skada' });

    await page.getByRole('button', { name: 'Avfärdade' }).click();
    await page.waitForURL(/status=dismissed/);
    const done = card(page, works[1]!.title);
    await expect.poll(() => done.locator('.outcome').innerText()).toContain('Städas av lokalvården, ingen skada');
    expect(await done.getByRole('button', { name: 'Avfärda', exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('a report someone else handled meanwhile is not handled twice: the user is told and the queue reloads', async () => {
    const page = await env.page({ role: 'conservator', viewport: 'desktop' });
    await page.goto('/damage-reports');
    const c = card(page, works[2]!.title);
    await c.getByRole('button', { name: 'Gör en skickbedömning' }).click();
    // The damage type a "loose" report most likely means is chosen already.
    expect(await c.getByRole('button', { name: 'Lös infästning' }).getAttribute('aria-pressed')).toBe('true');
    await c.getByRole('button', { name: '2 · Godtagbart' }).click();

    const other = await env.app.as('conservator');
    const version = env.app.db.$client.prepare('select version from damage_reports where id = ?').pluck().get(contested) as number;
    expect((await other.post(`/api/damage-reports/${contested}/dismiss`, { note: 'Dubblett' }, { 'if-match': `"${version}"` })).status).toBe(200);

    await c.getByRole('button', { name: 'Spara skickbedömning' }).click();
    await expect.poll(() => page.locator('wa-toast-item').last().innerText()).toContain('Någon annan har redan hanterat den här rapporten.');
    await expect.poll(() => page.locator('kk-damage-report-card').count()).toBe(0);
    expect(await page.locator('kk-damage-reports-page .state strong').innerText()).toBe('Inget att sortera');
    expect(env.app.db.$client.prepare('select count(*) from condition_checks where artwork_id = ? and note like ?').pluck().get(works[2]!.id, '%snett%')).toBe(0);
    await page.context().close();
  });

  it('works on a phone, in English too', async () => {
    await fileReport(works[3]!, { kind: 'missing', description: 'Verket är borta, bara spikarna kvar', contact: '070-123 45 67' });
    const page = await env.page({ role: 'conservator', viewport: 'phone', locale: 'en-GB' });
    await page.goto('/damage-reports');
    const c = card(page, works[3]!.title);
    await c.waitFor();
    expect(await c.locator('.contact').innerText()).toBe('Contact: 070-123 45 67');
    await page.waitForTimeout(300);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'damage-reports-390');
    await c.getByRole('button', { name: 'Make a condition check' }).click();
    await c.getByRole('button', { name: '4 · Unacceptable' }).waitFor();
    await c.locator('.handle').scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'damage-report-convert-390');
    await page.context().close();
  });

  it('a viewer can read the queue but has no nav entry and no actions', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    await page.goto('/damage-reports');
    await page.locator('kk-damage-report-card').first().waitFor();
    expect(await navLink(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Gör en skickbedömning' }).count()).toBe(0);
    await page.context().close();
  });
});
