// The public guide as a visitor sees it on a phone: no login, no scripts, accessible, light.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ works: 2000 });
});
afterAll(() => env?.close());

describe('public art guide on a phone', () => {
  it('walks from the list of sites to a work and its damage form, accessible and without JavaScript', async () => {
    const page = await env.page({ role: null, viewport: 'phone' });
    const bytes = { total: 0, js: 0 };
    page.on('response', async (res) => {
      const len = Number(res.headers()['content-length'] ?? (await res.body().catch(() => Buffer.alloc(0))).length);
      bytes.total += len;
      if (res.request().resourceType() === 'script') bytes.js += len;
    });
    const pages: string[] = [];
    await page.goto('/guide');
    expect(await page.locator('h1').textContent()).toBe('Konstguiden');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guide-sites-390');
    pages.push('sites');

    await page.locator('ul.cards a').first().click();
    await page.waitForLoadState('load');
    expect(await seriousA11yViolations(page)).toEqual([]);
    pages.push('site');

    await page.locator('ul.cards a').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/guide\/w\//);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guide-work-390');
    pages.push('work');

    await page.getByRole('link', { name: 'Rapportera skada eller problem' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByLabel('Vad är fel?').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    pages.push('report');

    expect(bytes.js).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    // Four pages with their images and stylesheet stay light enough for a slow connection.
    expect(bytes.total).toBeLessThan(1_500_000);
    await page.context().close();
  });

  it('switches to English and keeps readable text when the visitor zooms to 200 %', async () => {
    const page = await env.page({ role: null, viewport: 'phone', locale: 'en-GB' });
    await page.goto('/guide');
    expect(await page.locator('h1').textContent()).toBe('Art guide');
    await page.evaluate(() => (document.documentElement.style.fontSize = '225%'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.getByRole('link', { name: 'På svenska' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.context().close();
  });

  it('the dashboard shows the guide reach that visits just made', async () => {
    const visitor = await env.page({ role: null, viewport: 'phone' });
    await visitor.goto('/guide');
    const siteHref = (await visitor.locator('ul.cards a').first().getAttribute('href'))!;
    const siteName = (await visitor.locator('ul.cards a strong').first().textContent())!;
    for (let i = 0; i < 3; i++) await visitor.goto(siteHref);
    await visitor.context().close();

    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    await page.goto('/dashboard');
    const card = page.locator('kk-guide-reach');
    await card.getByRole('heading', { name: 'Konstguidens räckvidd' }).waitFor();
    await expect.poll(() => card.getByRole('link', { name: siteName }).count()).toBe(1);
    const row = card.getByRole('row').filter({ hasText: siteName });
    expect(Number((await row.getByRole('cell').nth(1).textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
