// A work's page, the edit form (validation, saving, conflicts), and the place and artist pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';
import { withDemoPictures } from './demo-pictures.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ works: 3000 });
  await withDemoPictures(env, 20);
});
afterAll(() => env?.close());

const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const field = (page: Page, key: string) => page.locator(`kk-artwork-edit-page kk-field[key="${key}"]`);
const input = (page: Page, key: string) => field(page, key).locator('input, textarea').first();

async function openEdit(page: Page, id: number): Promise<void> {
  await page.goto(`/works/${id}/edit`);
  await page.locator('kk-artwork-edit-page form').waitFor();
  await expect.poll(() => input(page, 'title').inputValue()).not.toBe('');
}

async function save(page: Page): Promise<void> {
  await page.locator('kk-artwork-edit-page wa-button[type=submit]').click();
}

describe('the artwork page', () => {
  it('shows the record grouped as a curator reads it, with linked location path and the tabs', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    const work = env.app.db.$client
      .prepare(
        `select a.id, a.title, a.inventory_number as inv, m.dominant_color as color from artworks a
           join media_links l on l.entity_type = 'artwork' and l.entity_id = a.id and l.role = 'primary' join media m on m.id = l.media_id
          where a.location_id is not null order by a.id limit 1`,
      )
      .get() as { id: number; title: string; inv: string; color: string };
    await page.goto(`/works/${work.id}`);
    await expect.poll(() => page.locator('kk-artwork-page h1').innerText()).toBe(work.title);
    const fieldsText = async () => (await page.locator('kk-artwork-fields section').allInnerTexts()).join('\n');
    await expect.poll(fieldsText).toContain(work.inv);
    for (const group of ['IDENTIFIERING', 'OBJEKT', 'FÖRVÄRV']) expect((await fieldsText()).toUpperCase()).toContain(group);
    // The picture: its dominant colour shows first, then the image itself.
    const main = page.locator('kk-image-gallery a.main');
    expect(await main.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(hexToRgb(work.color));
    await expect.poll(() => main.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const path = page.locator('kk-location-path a');
    expect(await path.first().getAttribute('href')).toMatch(/^\/sites\/\d+$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'artwork-1440');

    // The condition and history tabs load their own data and keep their place in the URL.
    await page.locator('kk-artwork-page wa-tab[panel=condition]').click();
    await page.waitForURL(/tab=condition/);
    await page.locator('kk-condition-panel .summary').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.reload();
    await page.locator('kk-condition-panel .summary').waitFor();
    await page.locator('kk-artwork-page wa-tab[panel=history]').click();
    await page.locator('kk-history-list ol, kk-history-list p').first().waitFor();
    await page.context().close();
  });

  it('looks right on a phone', async () => {
    const page = await env.page({ role: 'curator', viewport: 'phone' });
    await page.goto('/works/2');
    await page.locator('kk-artwork-page h1').waitFor();
    await page.waitForTimeout(300);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'artwork-390');
    await page.context().close();
  });
});

describe('adding pictures', () => {
  it('uploaded files show their own progress and land in the gallery', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    const id = env.app.db.$client.prepare("select id from artworks a where not exists (select 1 from media_links l where l.entity_type = 'artwork' and l.entity_id = a.id) order by id limit 1").pluck().get() as number;
    await page.goto(`/works/${id}`);
    await page.locator('kk-artwork-page h1').waitFor();
    expect(await page.locator('kk-image-gallery .empty').count()).toBe(1);
    await page.getByRole('button', { name: 'Ladda upp bilder' }).click();
    const dialog = page.locator('kk-upload-dialog');
    await dialog.locator('.drop').waitFor();
    const picture = (r: number, g: number, b: number) => sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g, b } } }).jpeg().toBuffer();
    await dialog.locator('input[type=file]').setInputFiles([
      { name: 'framsida.jpg', mimeType: 'image/jpeg', buffer: await picture(180, 40, 40) },
      { name: 'detalj.jpg', mimeType: 'image/jpeg', buffer: await picture(40, 90, 180) },
      { name: 'anteckning.txt', mimeType: 'text/plain', buffer: Buffer.from('inte en bild') },
    ]);
    await expect.poll(() => dialog.locator('.files li').count()).toBe(3);
    await expect.poll(() => dialog.locator('.files li').nth(1).innerText(), { timeout: 20_000 }).toContain('Klar');
    expect(await dialog.locator('.files li').nth(0).innerText()).toContain('Klar');
    // The text file is refused by the server, and the dialog says so at that file.
    await expect.poll(() => dialog.locator('.files li').nth(2).locator('[role=alert]').count(), { timeout: 20_000 }).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'upload-1440');
    await dialog.locator('wa-button[slot=footer]').click();
    await expect.poll(() => page.locator('kk-image-gallery .thumbs li').count(), { timeout: 20_000 }).toBe(2);
    await page.context().close();
  });
});

describe('actions by role', () => {
  it('a conservator records a condition check and sees it in the condition history', async () => {
    const page = await env.page({ role: 'conservator', viewport: 'desktop' });
    const id = env.app.db.$client.prepare("select id from artworks where status = 'in_place' order by id limit 1 offset 10").pluck().get() as number;
    await page.goto(`/works/${id}?tab=condition`);
    await page.locator('kk-condition-panel .summary').waitFor();
    // A conservator may check condition but not edit the catalogue.
    expect(await page.locator('kk-artwork-page .actions a[href$="/edit"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Ny skickbedömning' }).click();
    const dialog = page.locator('kk-check-dialog');
    await dialog.locator('wa-radio[value="3"]').click();
    await dialog.locator('wa-checkbox', { hasText: 'Fuktskada' }).click();
    await dialog.locator('wa-textarea').first().locator('textarea').fill('Byt ut passepartout');
    await dialog.locator('select').selectOption('soon');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.locator('wa-button[variant=brand]').click();
    const latest = page.locator('kk-condition-panel .timeline li').first();
    await expect.poll(() => latest.innerText()).toMatch(/Fuktskada[\s\S]*Byt ut passepartout/);
    expect(await latest.locator('kk-status-badge').getAttribute('grade')).toBe('3');
    // The summary follows: the work's condition is now "poor".
    expect(await page.locator('kk-artwork-page .meta kk-status-badge[grade]').getAttribute('grade')).toBe('3');
    const row = env.app.db.$client.prepare('select grade, priority, recommended_action as action from condition_checks where artwork_id = ? order by id desc limit 1').get(id);
    expect(row).toEqual({ grade: 3, priority: 'soon', action: 'Byt ut passepartout' });
    await page.context().close();
  });

  it('a curator moves a work; the new place shows in its location and movements', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    const room = env.app.db.$client.prepare("select id, name from locations where kind = 'room' and name like 'Väntrum%' order by id desc limit 1").get() as { id: number; name: string };
    const id = env.app.db.$client.prepare("select id from artworks where status = 'in_place' order by id limit 1 offset 11").pluck().get() as number;
    await page.goto(`/works/${id}`);
    await page.locator('kk-artwork-page h1').waitFor();
    await page.getByRole('button', { name: 'Flytta' }).click();
    const dialog = page.locator('kk-move-dialog');
    await dialog.locator('kk-location-picker wa-input input').fill(room.name);
    await dialog.locator('li[role=option]').first().waitFor();
    await dialog.locator('li[role=option]').first().click();
    await dialog.getByLabel('Orsak').fill('Omflyttning efter renovering');
    await dialog.locator('wa-button[variant=brand]').click();
    await expect.poll(() => page.locator('kk-location-path').evaluate((el) => el.shadowRoot!.textContent ?? '')).toContain('Väntrum');
    const moved = env.app.db.$client.prepare('select reason from movements where artwork_id = ? order by id desc limit 1').pluck().get(id);
    expect(moved).toBe('Omflyttning efter renovering');
    await page.context().close();
  });
});

describe('editing a work', () => {
  it('validates as you type with the server rules and saves the change', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await openEdit(page, 5);
    await screenshot(page, 'edit-1440');
    // The same rule as the server: year to may not be before year from.
    await input(page, 'yearFrom').fill('1990');
    await input(page, 'yearTo').fill('1980');
    await expect.poll(() => field(page, 'yearTo').getAttribute('error')).toBe('Year to (1980) is before year from (1990)');
    await input(page, 'heightCm').fill('abc');
    await expect.poll(() => field(page, 'heightCm').getAttribute('error')).toBe('Ange ett tal');
    await input(page, 'title').fill('');
    await expect.poll(() => field(page, 'title').getAttribute('error')).toBe('Obligatoriskt');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Nothing is sent while fields are invalid.
    await save(page);
    expect(new URL(page.url()).pathname).toBe('/works/5/edit');

    await input(page, 'yearTo').fill('1995');
    await input(page, 'heightCm').fill('80,5');
    await input(page, 'title').fill('Sommarljus över Mälaren');
    await save(page);
    await page.waitForURL((u) => u.pathname === '/works/5');
    await expect.poll(() => page.locator('kk-artwork-page h1').innerText()).toBe('Sommarljus över Mälaren');
    const row = env.app.db.$client.prepare('select title, year_from as yf, year_to as yt, height_cm as h, version from artworks where id = 5').get() as Record<string, unknown>;
    expect(row).toMatchObject({ title: 'Sommarljus över Mälaren', yf: 1990, yt: 1995, h: 80.5 });
    await page.context().close();
  });

  it('server errors show at their field', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    const taken = (env.app.db.$client.prepare('select inventory_number from artworks where id = 7').pluck().get()) as string;
    await openEdit(page, 6);
    await input(page, 'inventoryNumber').fill(taken);
    await save(page);
    await expect.poll(() => field(page, 'inventoryNumber').getAttribute('error')).toMatch(/./);
    expect(new URL(page.url()).pathname).toBe('/works/6/edit');
    await page.context().close();
  });

  it('two people edit the same work: the second sees both versions side by side and loses nothing', async () => {
    const alice = await env.page({ role: 'curator', viewport: 'desktop' });
    const bob = await env.page({ role: 'curator', viewport: 'phone' });
    await openEdit(alice, 9);
    await openEdit(bob, 9);
    await input(alice, 'title').fill('Alices titel');
    await input(alice, 'technique').fill('olja på duk');
    await save(alice);
    await alice.waitForURL((u) => u.pathname === '/works/9');

    await input(bob, 'title').fill('Bobs titel');
    await input(bob, 'description').fill('Bobs beskrivning, som inte får försvinna.');
    await save(bob);
    const conflict = bob.locator('kk-conflict-view');
    await conflict.waitFor();
    expect(new URL(bob.url()).pathname).toBe('/works/9/edit');
    // Their title and Bob's, next to each other; Bob's description is still there.
    const titleRow = conflict.locator('tr[data-key=title]');
    expect(await titleRow.innerText()).toMatch(/Alices titel[\s\S]*Bobs titel/);
    expect(await conflict.locator('tr[data-key=description]').innerText()).toContain('Bobs beskrivning');
    expect(await conflict.locator('tr[data-key=technique]').innerText()).toContain('olja på duk');
    expect(await input(bob, 'description').inputValue()).toBe('Bobs beskrivning, som inte får försvinna.');
    expect(await seriousA11yViolations(bob)).toEqual([]);
    await screenshot(bob, 'conflict-390');
    // The server still has Alice's version: nothing was overwritten.
    expect(env.app.db.$client.prepare('select title from artworks where id = 9').pluck().get()).toBe('Alices titel');

    // Bob keeps Alice's title, his description, and her technique; then saves the merge.
    await titleRow.locator('input[value=theirs]').check();
    await conflict.locator('wa-button[variant=brand]').click();
    await bob.waitForURL((u) => u.pathname === '/works/9');
    const row = env.app.db.$client.prepare('select title, description, technique from artworks where id = 9').get();
    expect(row).toEqual({ title: 'Alices titel', description: 'Bobs beskrivning, som inte får försvinna.', technique: 'olja på duk' });
    await alice.context().close();
    await bob.context().close();
  });

  it('looks right on a phone', async () => {
    const page = await env.page({ role: 'curator', viewport: 'phone' });
    await openEdit(page, 11);
    await screenshot(page, 'edit-390');
    await page.context().close();
  });
});

describe('places and artists', () => {
  it('the sites page lists sites with counts and opens into the tree; a site lists its works', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await env.page({ role: 'viewer', viewport });
      await page.goto('/sites');
      const firstSite = page.locator('kk-location-tree li').first();
      await firstSite.waitFor();
      expect(Number((await firstSite.locator('.count').first().innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `sites-${viewport === 'phone' ? 390 : 1440}`);
      await page.context().close();
    }
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    const site = env.app.db.$client
      .prepare("select l.id, l.name, count(a.id) as n from locations l join artworks a on a.site_id = l.id and a.status != 'deaccessioned' where l.kind = 'site' group by l.id order by n desc limit 1")
      .get() as { id: number; name: string; n: number };
    await page.goto('/sites');
    await page.locator(`kk-location-tree a[href="/sites/${site.id}"]`).click();
    await page.waitForURL((u) => u.pathname === `/sites/${site.id}`);
    await expect.poll(() => page.locator('kk-location-page h1').innerText()).toBe(site.name);
    await expect.poll(() => page.locator('kk-works-panel .count').innerText()).toBe(String(site.n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0'));
    // Opening a building in the tree loads its floors, with counts.
    // (a building with works, so it has floors below it)
    const building = page.locator('kk-location-page kk-location-tree li').filter({ hasNot: page.locator('.count', { hasText: /^0$/ }) }).first();
    await building.locator('button.twisty').first().click();
    await building.locator('ul li .count').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'site-1440');
    await page.context().close();
  });

  it("an artist's page shows the record and the artist's works", async () => {
    const artist = env.app.db.$client
      .prepare('select ar.id, ar.name, count(*) as n from artists ar join artwork_artists aa on aa.artist_id = ar.id group by ar.id order by n desc limit 1')
      .get() as { id: number; name: string; n: number };
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await env.page({ role: 'viewer', viewport });
      await page.goto(`/artists/${artist.id}`);
      await expect.poll(() => page.locator('kk-artist-page h1').innerText()).toBe(artist.name);
      await page.locator('kk-works-panel kk-artwork-list li').first().waitFor();
      expect(await page.locator('kk-works-panel kk-artwork-list li').count()).toBe(Math.min(artist.n, 50));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `artist-${viewport === 'phone' ? 390 : 1440}`);
      await page.context().close();
    }
  });
});
