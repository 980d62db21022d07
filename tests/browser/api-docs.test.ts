// The API reference renders in a real browser under the app's CSP, from our own origin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ works: 0 });
});
afterAll(() => env.close());

describe('/api/docs', () => {
  it('shows the operations of the OpenAPI document without CSP violations or foreign requests', async () => {
    const page = await env.page({ role: 'viewer' });
    const violations: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) violations.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(env.app.baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto('/api/docs');
    // Tags start collapsed (about a hundred operations); every tag of the route table is listed.
    await page.waitForSelector('.opblock-tag[data-tag="batches"]', { timeout: 30_000 });
    const tags = await page.$$eval('.opblock-tag', (els) => els.map((e) => e.getAttribute('data-tag')));
    expect(tags).toEqual(expect.arrayContaining(['artworks', 'locations', 'movements', 'batches']));
    await page.locator('.opblock-tag[data-tag="artworks"]').click();
    await page.waitForSelector('.opblock-summary-path[data-path="/api/artworks/{id}"]', { timeout: 10_000 });
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
