// The dashboard in a real browser against the real server with demo data: it renders every card,
// passes axe, a number's link opens the search with the same count, the trend chart draws; the
// missing-works follow-up and the reports page render. Screenshots at 390 and 1440 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ works: 3000, now: () => new Date('2026-11-01T10:00:00Z') });
}, 180_000);
afterAll(() => env?.close());

const dash = (page: Page) => page.locator('kk-dashboard-page');
const searchCount = async (page: Page) => Number((await page.locator('kk-search-page #results-heading').innerText()).replace(/\D/g, ''));

async function openDashboard(page: Page) {
  await page.goto('/dashboard');
  await dash(page).locator('.kpis').waitFor();
  // uPlot is loaded on first use: wait until the chart has drawn its canvas.
  await dash(page).locator('kk-trend-chart canvas').waitFor();
}

describe('dashboard', () => {
  it('renders every card at desktop width, passes axe, and is reached from the main navigation', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await page.goto('/');
    await page.locator('kk-app nav a[href="/dashboard"]').click();
    await page.waitForURL(/\/dashboard$/);
    await dash(page).locator('kk-trend-chart canvas').waitFor();
    for (const id of ['h-status', 'h-sites', 'h-grade', 'h-quality', 'h-recent', 'h-more']) await expect.poll(() => dash(page).locator(`#${id}`).count()).toBe(1);
    await expect.poll(() => dash(page).locator('kk-figure-bars[label] li').count()).toBeGreaterThan(20);
    expect(await seriousA11yViolations(page)).toEqual([]);
    console.info('dashboard screenshot:', await screenshot(page, 'dashboard-1440'));
    await page.screenshot({ path: 'test-artifacts/dashboard-1440-full.png', fullPage: true });
    await page.context().close();
  });

  it("a number's link opens the search with the same count (overdue checks, a data-quality gap, a site)", async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openDashboard(page);
    const links = [
      dash(page).locator('.kpis article').nth(1).locator('.big a'),
      dash(page).locator('kk-figure-bars[label]').nth(3).locator('li[data-key="dimensions"] a'),
      dash(page).locator('kk-figure-bars[label]').nth(1).locator('li a').first(),
    ];
    for (const link of links) {
      const shown = Number((await link.innerText()).replace(/\D/g, ''));
      expect(shown).toBeGreaterThan(0);
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL((u) => u.pathname === '/search');
      expect(new URL(page.url()).search).toBe(`?${href!.split('?')[1]}`);
      await expect.poll(() => searchCount(page)).toBe(shown);
      await page.goBack();
      await dash(page).locator('.kpis').waitFor();
    }
    await page.context().close();
  });

  it('fits a phone: no sideways scrolling, cards stacked, still passes axe', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'phone' });
    await openDashboard(page);
    const wide = await page.evaluate(() => {
      const out: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > 391) out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)} ${el.getAttribute('href') ?? ''} ${(el.getRootNode() as ShadowRoot).host?.tagName ?? ''}`);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      // The page's own content; the app's navigation scrolls sideways on a phone by design.
      walk(document.querySelector('kk-app')!.shadowRoot!.querySelector('kk-dashboard-page')!.shadowRoot!);
      return out.slice(0, 15);
    });
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const boxes = await dash(page).locator('.kpis article').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(new Set(boxes.map(Math.round)).size).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    console.info('dashboard screenshot:', await screenshot(page, 'dashboard-390'));
    await page.screenshot({ path: 'test-artifacts/dashboard-390-full.png', fullPage: true });
    await page.context().close();
  });
});

describe('missing works and reports', () => {
  it('lists missing works with their next step; recording a step moves the follow-up on', async () => {
    const page = await env.page({ role: 'conservator', viewport: 'desktop' });
    await page.goto('/missing');
    const first = page.locator('kk-missing-page li.item').first();
    await first.waitFor();
    await expect.poll(() => first.locator('.next').innerText()).toMatch(/Sök på anläggningen/);
    await first.getByRole('button', { name: 'Registrera en åtgärd' }).click();
    const dialog = page.locator('kk-missing-step-dialog wa-dialog');
    await dialog.locator('wa-textarea').locator('textarea').fill('Hela plan 2 genomsökt');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => first.locator('.steps li').count()).toBe(1);
    await expect.poll(() => first.locator('.next').innerText()).toMatch(/Fråga enheten/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    console.info('missing screenshot:', await screenshot(page, 'missing-1440'));
    await page.context().close();
  });

  it('offers every report and the yearly plan as a month-by-month table', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    await page.goto('/reports');
    const pdf = page.locator('kk-reports-page a[href="/api/reports/insurance.pdf"]');
    await pdf.waitFor();
    const res = await page.request.get('/api/reports/insurance.pdf');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto('/plan?year=2027&hours=60&rate=10');
    const rows = page.locator('kk-plan-page tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    expect(await seriousA11yViolations(page)).toEqual([]);
    console.info('plan screenshot:', await screenshot(page, 'plan-1440'));
    await page.context().close();
  });
});
