// The app shell in a real browser: signing in and out, the language switch, routing, a11y.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../server/users/users.service.js';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';

let env: BrowserEnv;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  env = await startBrowserEnv({ works: 300 });
  await createUser(env.app.db, { email: 'karin@test.konstkoll.se', name: 'Karin Lindqvist', role: 'curator', password: PASSWORD, siteIds: [] }, null, new Date());
});
afterAll(() => env?.close());

async function signIn(page: Page, email = 'karin@test.konstkoll.se', password = PASSWORD): Promise<void> {
  await page.locator('wa-input[name=email] input').fill(email);
  await page.locator('wa-input[name=password] input').fill(password);
  await page.locator('wa-input[name=password] input').press('Enter');
}

describe('signing in and out', () => {
  it('an anonymous visitor is sent to the login page and back to the page they asked for after signing in', async () => {
    const page = await env.page({ role: null, viewport: 'desktop' });
    await page.goto('/sites?q=sjukhus');
    await page.waitForURL(/\/login\?next=/);
    await page.locator('kk-login-page h1').waitFor();
    expect(await page.locator('kk-login-page h1').textContent()).toBe('Logga in i Konstkoll');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'login-1440');

    await signIn(page, 'karin@test.konstkoll.se', 'wrong password!!');
    await expect.poll(() => page.locator('kk-login-page [role=alert]').textContent()).toContain('Fel e-postadress eller lösenord');
    expect(new URL(page.url()).pathname).toBe('/login');

    await signIn(page);
    await page.waitForURL((u) => u.pathname === '/sites');
    expect(new URL(page.url()).search).toBe('?q=sjukhus');
    // The shell shows who is signed in, and in which role.
    await expect.poll(() => page.locator('kk-app header .who').innerText()).toMatch(/Karin Lindqvist\s+Intendent/);
    await page.context().close();
  });

  it('signing out ends the session: a reload stays on the login page', async () => {
    const page = await env.page({ role: null, viewport: 'phone' });
    await page.goto('/login');
    await page.locator('kk-login-page h1').waitFor();
    await screenshot(page, 'login-390');
    await signIn(page);
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('kk-app header wa-dropdown wa-button').click();
    await page.locator('wa-dropdown-item[value=logout]').click();
    await page.waitForURL(/\/login$/);
    await page.reload();
    await page.locator('kk-login-page h1').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    const status = await page.evaluate(() => fetch('/api/session').then((r) => r.status));
    expect(status).toBe(401);
    await page.context().close();
  });
});

describe('the shell', () => {
  it('switches to English and back; the choice survives a reload', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop', locale: 'sv-SE' });
    await page.goto('/sites');
    const heading = page.locator('kk-sites-page h1');
    await expect.poll(() => heading.textContent()).toBe('Anläggningar');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading.textContent()).toBe('Sites');
    await expect.poll(() => page.locator('kk-app nav a[href="/search"]').textContent()).toBe('Search');
    await page.reload();
    await expect.poll(() => page.locator('kk-sites-page h1').textContent()).toBe('Sites');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(() => page.locator('kk-sites-page h1').textContent()).toBe('Anläggningar');
    await page.context().close();
  });

  it('an English browser gets English by default', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop', locale: 'en-GB' });
    await page.goto('/sites');
    await expect.poll(() => page.locator('kk-sites-page h1').textContent()).toBe('Sites');
    await page.context().close();
  });

  it('routes are real links: back and forward keep the page, an unknown address says so', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    await page.goto('/sites');
    await page.locator('kk-sites-page h1').waitFor();
    await page.locator('kk-app nav a[href="/search"]').click();
    await page.waitForURL((u) => u.pathname === '/search');
    await page.locator('kk-search-page #q').waitFor();
    await page.goBack();
    await page.locator('kk-sites-page h1').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sites');
    await page.goForward();
    await page.locator('kk-search-page #q').waitFor();

    await page.goto('/no/such/page');
    await expect.poll(() => page.locator('kk-app main h1').textContent()).toBe('Sidan finns inte');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a viewer sees no editing actions on a work', async () => {
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    await page.goto('/works/1');
    await page.locator('kk-artwork-page h1').waitFor();
    expect(await page.locator('kk-artwork-page .actions a[href="/works/1/edit"]').count()).toBe(0);
    expect(await page.locator('kk-artwork-page .actions').innerText()).toContain('Skickrapport');
    await page.context().close();
  });
});
