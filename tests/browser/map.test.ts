// The county map in a real browser against the real server with demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ works: 3000 });
});
afterAll(() => env?.close());

const markers = (page: Page) => page.locator('kk-county-map .kk-marker');
const digits = (s: string) => Number(s.replace(/\D/g, ''));
/** "N works match; M in view" → N. */
const matchCount = async (page: Page) => digits((await page.locator('kk-map-page #map-count').innerText()).split(/[;,]/)[0]!);
const zoomInUrl = (page: Page) => Number(new URL(page.url()).searchParams.get('at')?.split(',')[2] ?? NaN);

/** Every request the page makes, to prove nothing leaves the machine. */
function recordHosts(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (r: Request) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') outside.push(r.url());
  });
  return outside;
}

/** The focused element, looking through shadow roots. */
const deepFocus = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { id: el?.id ?? '', tag: el?.tagName ?? '' };
  });

async function openMap(page: Page, url = '/map'): Promise<void> {
  await page.goto(url);
  await markers(page).first().waitFor();
  await expect.poll(() => page.locator('kk-map-page #map-count').innerText()).toMatch(/\d/);
}

describe('county map', () => {
  it('draws the offline base map and the clusters without a single request leaving localhost', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    const outside = recordHosts(page);
    await openMap(page);
    // The municipalities are drawn (vector paths) and named; there is no tile layer.
    expect(await page.locator('kk-county-map path.leaflet-interactive, kk-county-map svg path').count()).toBeGreaterThan(20);
    expect(await page.locator('kk-county-map .muni-label').count()).toBeGreaterThan(3);
    expect(await page.locator('kk-county-map .leaflet-tile').count()).toBe(0);
    await expect.poll(() => page.locator('kk-county-map .leaflet-control-attribution').innerText()).toContain('OpenStreetMap');
    // The markers together hold the works in view; the count says the same.
    const labels = await markers(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(1);
    const total = labels.reduce((n, l) => n + digits(/(\d[\d\s]*)\s(?:verk|works)/u.exec(l)?.[1] ?? '0'), 0);
    const inView = digits((await page.locator('kk-map-page #map-count').innerText()).split(';')[1]!.split(',')[0]!);
    expect(total).toBe(inView);
    // Zoom in and out through the whole range, open a site: still nothing from outside.
    await markers(page).first().click();
    await page.waitForTimeout(600);
    await screenshot(page, 'map-county-desktop');
    expect(outside).toEqual([]);
    await page.context().close();
  });

  it('clusters and sites are reachable with Tab; Enter zooms into a cluster and opens a site panel', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openMap(page);
    const startZoom = zoomInUrl(page);
    const cluster = page.locator('kk-county-map .kk-marker.cluster').first();
    expect(await cluster.getAttribute('tabindex')).toBe('0');
    expect(await cluster.getAttribute('role')).toBe('button');
    await cluster.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => zoomInUrl(page)).toBeGreaterThan(startZoom);
    // Keep pressing Enter on clusters until a site appears, then open it with Enter.
    for (let i = 0; i < 8 && !(await page.locator('kk-county-map .kk-marker.site').count()); i++) {
      await page.locator('kk-county-map .kk-marker.cluster').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
    }
    const site = page.locator('kk-county-map .kk-marker.site').first();
    const name = (await site.getAttribute('aria-label'))!.split(':')[0]!;
    await site.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/selected=\d+/);
    const heading = page.locator('kk-site-panel h2');
    await expect.poll(() => heading.innerText()).toBe(name);
    // Focus moved into the panel; Tab walks on through its links.
    await expect.poll(async () => (await deepFocus(page)).id).toBe('site-name');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(['A', 'BUTTON']).toContain((await deepFocus(page)).tag);
    // The panel lists the site's works and its floors (links to the plans).
    await page.locator('kk-site-panel kk-artwork-list li').first().waitFor();
    expect(await page.locator('kk-site-panel a[href^="/floors/"]').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a filter set on the map carries to the search page, and a search carries to the map', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openMap(page);
    const all = await matchCount(page);
    await page.locator('kk-map-page .bar button[aria-controls=panel]').click();
    const missing = page.locator('kk-map-page kk-facet-panel button[data-facet=status][data-value=missing]');
    const chip = digits(await missing.locator('.count').innerText());
    await missing.click();
    await page.waitForURL(/status=missing/);
    await expect.poll(() => matchCount(page)).toBe(chip);
    expect(chip).toBeLessThan(all);
    // Only sites with missing works remain: every marker's ring is fully red only where all are missing,
    // and the map's total is the search total.
    await page.locator('kk-map-page a.btn', { hasText: /lista|list/i }).click();
    await page.waitForURL(/\/search\?.*status=missing/);
    await expect.poll(async () => digits(await page.locator('kk-search-page #results-heading').innerText())).toBe(chip);
    // The other way: a search (text + type) shown on the map keeps its filters and its total.
    await page.goto('/search?type=painting&q=olja');
    await expect.poll(async () => digits(await page.locator('kk-search-page #results-heading').innerText())).toBeGreaterThan(0);
    const searchTotal = digits(await page.locator('kk-search-page #results-heading').innerText());
    const showOnMap = page.locator('kk-search-page a[href^="/map"]');
    if (await showOnMap.count()) await showOnMap.first().click();
    else await page.goto('/map?type=painting&q=olja'); // what "Show on map" links to
    await markers(page).first().waitFor();
    await expect.poll(() => matchCount(page)).toBe(searchTotal);
    expect(await page.locator('kk-map-page #q input').inputValue()).toBe('olja');
    expect(await page.locator('kk-map-page .chips .chip').count()).toBe(2);
    await page.context().close();
  });

  it('at phone width the map fills the screen and the site panel is a sheet over it', async () => {
    const page = await env.page({ role: 'curator', viewport: 'phone' });
    await openMap(page);
    const box = await page.locator('kk-county-map').boundingBox();
    expect(box!.width).toBeGreaterThan(380);
    expect(box!.height).toBeGreaterThan(450);
    await screenshot(page, 'map-county-phone');
    for (let i = 0; i < 8 && !(await page.locator('kk-county-map .kk-marker.site').count()); i++) {
      await page.locator('kk-county-map .kk-marker.cluster').first().click();
      await page.waitForTimeout(500);
    }
    await page.locator('kk-county-map .kk-marker.site').first().click();
    await page.locator('kk-site-panel kk-artwork-list li').first().waitFor();
    const sheet = await page.locator('kk-site-panel').boundingBox();
    expect(sheet!.width).toBeGreaterThan(380);
    await screenshot(page, 'map-site-panel-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('county map with a tile server', () => {
  it('uses the configured tiles with their attribution', async () => {
    const tiled = await startBrowserEnv({ works: 200, env: { TILE_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png', TILE_ATTRIBUTION: '© Test tiles' } });
    try {
      const page = await tiled.page({ role: 'viewer', viewport: 'desktop' });
      const tileRequests: string[] = [];
      page.on('request', (r) => r.url().includes('/tiles/') && tileRequests.push(r.url()));
      await page.goto('/map');
      await markers(page).first().waitFor();
      await expect.poll(() => tileRequests.length).toBeGreaterThan(0);
      expect(tileRequests[0]).toMatch(/^http:\/\/127\.0\.0\.1:9\/tiles\/\d+\/\d+\/\d+\.png$/);
      await expect.poll(() => page.locator('kk-county-map .leaflet-control-attribution').innerText()).toContain('© Test tiles');
      expect(await page.locator('kk-county-map .muni-label').count()).toBe(0);
    } finally {
      await tiled.close();
    }
  });
});
