// Browser tests: the real server (createApp on a seeded temporary database) + headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';
import type { Role } from '../../server/users/permissions.js';

export const ARTIFACTS_DIR = path.resolve('test-artifacts');

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  // In CI a missing browser is a failure, not a skip.
  if (!fs.existsSync(p)) throw new Error(`Chromium not found at ${p}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return p;
}

export type BrowserEnv = {
  app: TestApp;
  browser: Browser;
  /** A new browser context (own cookies), signed in with a fresh user of this role unless role is null. */
  context(opts?: { role?: Role | null; viewport?: keyof typeof VIEWPORTS; locale?: string; siteIds?: number[] }): Promise<BrowserContext>;
  page(opts?: Parameters<BrowserEnv['context']>[0]): Promise<Page>;
  close(): Promise<void>;
};

export async function startBrowserEnv(opts: TestAppOptions = { works: 3000 }): Promise<BrowserEnv> {
  const app = await startTestApp(opts);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const env: BrowserEnv = {
    app,
    browser,
    async context(o = {}) {
      const viewport = VIEWPORTS[o.viewport ?? 'desktop'];
      const ctx = await browser.newContext({ viewport, locale: o.locale ?? 'sv-SE', baseURL: app.baseUrl });
      const role = o.role === undefined ? 'curator' : o.role;
      if (role) {
        const client = await app.as(role, o.siteIds ? { siteIds: o.siteIds } : {});
        const [name, value] = client.cookie.split('=');
        await ctx.addCookies([{ name: name!, value: value!, url: app.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
      }
      return ctx;
    },
    async page(o) {
      const ctx = await env.context(o);
      return ctx.newPage();
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
  return env;
}

/** Runs axe-core in the page; returns the serious and critical violations (empty = pass). */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const axeSource = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = (await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  })) as { id: string; impact: string; help: string; nodes: string[] }[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a screenshot under test-artifacts/ (kept by CI, looked at by people). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
