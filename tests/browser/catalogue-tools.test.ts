// Follow-ups in the web client: the condition tab's timeline, editing a work's artists, moving
// many works at once, "show on map" from a search, and server errors in the user's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, startBrowserEnv, type BrowserEnv } from '../helpers/browser.js';
import type { Client } from '../helpers/test-app.js';
import { mapHref } from '../../client/src/map/map-url.js';
import { stateFromQuery } from '../../client/src/lib/search-state.js';

let env: BrowserEnv;
let curator: Client;
beforeAll(async () => {
  env = await startBrowserEnv({ works: 1000 });
  curator = await env.app.as('curator');
});
afterAll(() => env?.close());

const sql = () => env.app.db.$client;
const rows = (page: Page) => page.locator('kk-search-page kk-artwork-list li');
const waitingRoom = () => sql().prepare("select id, name from locations where kind = 'room' and name like 'Väntrum%' order by id desc limit 1").get() as { id: number; name: string };

describe('the condition tab', () => {
  it('shows checks, treatment steps, moves and status changes as one timeline, filtered by kind', async () => {
    const id = sql().prepare("select id from artworks where status = 'in_place' order by id limit 1 offset 20").pluck().get() as number;
    // A history with every kind: a move, a check, a status change.
    expect((await curator.post('/api/movements', { artworkIds: [id], toLocationId: waitingRoom().id, reason: 'Ny väntsal' })).status).toBe(201);
    expect((await curator.post('/api/condition-checks', { artworkId: id, grade: 2, damageTypes: ['dust'], priority: 'routine', note: 'Dammig ram' })).status).toBe(201);
    const v = Number((await curator.get(`/api/artworks/${id}`)).headers.get('etag')!.replace(/\D/g, ''));
    expect((await curator.post(`/api/artworks/${id}/status`, { status: 'on_loan', note: 'Utlånad till Liljevalchs' }, { 'if-match': `"${v}"` })).status).toBe(200);
    const api = (await curator.get(`/api/artworks/${id}/timeline`)).body as { items: { type: string }[]; total: number };
    const of = (t: string) => api.items.filter((i) => i.type === t).length;

    const page = await env.page({ role: 'conservator', viewport: 'desktop' });
    await page.goto(`/works/${id}?tab=condition`);
    const items = page.locator('kk-timeline li');
    await expect.poll(() => items.count()).toBe(api.total);
    // Newest first, in the server's order: the status change, then the check, then the move.
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual(api.items.map((i) => i.type));
    expect(await items.first().locator('kk-status-badge').evaluateAll((els) => els.map((e) => e.getAttribute('status')))).toEqual(['in_place', 'on_loan']);
    expect(await items.first().innerText()).toContain('Utlånad till Liljevalchs');
    const check = page.locator('kk-timeline li[data-type=check]').first();
    expect(await check.locator('kk-status-badge').getAttribute('grade')).toBe('2');
    expect(await check.innerText()).toMatch(/Damm[\s\S]*Dammig ram/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'timeline-1440');

    const filter = (name: RegExp) => page.locator('kk-timeline .filters button', { hasText: name });
    await filter(/^Förflyttningar/).click();
    expect(await filter(/^Förflyttningar/).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => items.count()).toBe(of('movement'));
    expect(new Set(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-type'))))).toEqual(new Set(['movement']));
    await filter(/^Skickbedömningar/).click();
    await expect.poll(() => items.count()).toBe(of('movement') + of('check'));
    await filter(/^Alla/).click();
    await expect.poll(() => items.count()).toBe(api.total);
    await page.context().close();

    const phone = await env.page({ role: 'conservator', viewport: 'phone' });
    await phone.goto(`/works/${id}?tab=condition`);
    await phone.locator('kk-timeline li').first().waitFor();
    await phone.locator('kk-timeline').scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'timeline-390');
    await phone.context().close();
  });
});

describe("editing a work's artists", () => {
  it('picks from the register, creates a new artist inline, sets roles and order, and saves it with the rest', async () => {
    const id = sql().prepare('select artwork_id from artwork_artists group by artwork_id having count(*) = 1 order by artwork_id limit 1 offset 5').pluck().get() as number;
    const original = sql().prepare('select ar.id, ar.name from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = ?').get(id) as { id: number; name: string };
    const other = sql().prepare('select id, name from artists where id != ? and merged_into_id is null and length(name) > 6 order by id limit 1').get(original.id) as { id: number; name: string };

    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await page.goto(`/works/${id}/edit`);
    const editor = page.locator('kk-artist-editor');
    await expect.poll(() => editor.locator('ol.chosen li').allInnerTexts()).toEqual([expect.stringContaining(original.name)]);

    // Search as you type, then pick.
    await editor.locator('wa-input.search input').fill(other.name.slice(0, 5));
    await editor.locator('li[role=option]', { hasText: other.name }).first().click();
    await expect.poll(() => editor.locator('ol.chosen li').count()).toBe(2);

    // Not in the register yet: create it right here.
    await editor.locator('wa-input.search input').fill('Testa Nyström');
    await editor.locator('li[role=option].new').click();
    const create = editor.locator('.create');
    await create.locator('wa-input').nth(1).locator('input').fill('1950');
    await create.locator('wa-input').nth(2).locator('input').fill('1940');
    await create.getByRole('button', { name: 'Skapa och lägg till' }).click();
    // The server's rule (death before birth) shows at its field.
    await expect.poll(() => create.locator('wa-input').nth(2).getAttribute('hint')).toBe('Death year (1940) is before birth year (1950)');
    await create.locator('wa-input').nth(2).locator('input').fill('');
    await create.getByRole('button', { name: 'Skapa och lägg till' }).click();
    await expect.poll(() => editor.locator('ol.chosen li').count()).toBe(3);
    expect(sql().prepare("select birth_year from artists where name = 'Testa Nyström'").pluck().get()).toBe(1950);

    await editor.getByRole('combobox', { name: `Roll för ${other.name}` }).selectOption('designer');
    // Reorder by keyboard: the focus stays on the moved artist's button.
    await editor.getByRole('button', { name: 'Flytta upp Testa Nyström' }).focus();
    await page.keyboard.press('Enter');
    expect(await editor.evaluate((el) => el.shadowRoot!.activeElement?.getAttribute('aria-label'))).toBe('Flytta upp Testa Nyström');
    await page.keyboard.press('Enter');
    await editor.getByRole('button', { name: `Ta bort ${original.name}` }).click();
    await expect.poll(() => editor.locator('ol.chosen li .name').allInnerTexts()).toEqual([expect.stringContaining('Testa Nyström'), expect.stringContaining(other.name)]);
    // Each row keeps its own role through the reordering.
    expect(await editor.getByRole('combobox', { name: `Roll för ${other.name}` }).inputValue()).toBe('designer');
    expect(await editor.getByRole('combobox', { name: 'Roll för Testa Nyström' }).inputValue()).toBe('artist');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await editor.scrollIntoViewIfNeeded();
    await screenshot(page, 'artist-editor-1440');

    await page.locator('kk-artwork-edit-page wa-button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === `/works/${id}`);
    await expect.poll(() => page.locator('kk-artwork-page .byline').innerText()).toMatch(new RegExp(`^Testa Nyström, ${other.name}`));
    const saved = sql().prepare('select ar.name, aa.role from artwork_artists aa join artists ar on ar.id = aa.artist_id where aa.artwork_id = ? order by aa.position').all(id);
    expect(saved).toEqual([{ name: 'Testa Nyström', role: 'artist' }, { name: other.name, role: 'designer' }]);
    const audit = sql().prepare("select before, after from audit_log where entity_type = 'artwork' and entity_id = ? and action = 'update' order by id desc limit 1").get(id) as { before: string; after: string };
    expect(JSON.parse(audit.before).artists).toEqual([{ artistId: original.id, role: 'artist' }]);
    expect(JSON.parse(audit.after).artists.map((a: { role: string }) => a.role)).toEqual(['artist', 'designer']);
    // The change history names the artists (the audit keeps their ids) with their roles.
    await page.goto(`/works/${id}?tab=history`);
    const change = page.locator('kk-history-list li').first().locator('tbody tr', { hasText: 'Konstnärer' });
    await expect.poll(() => change.locator('td').nth(1).innerText()).toBe(`Testa Nyström, ${other.name} (Formgivare)`);
    expect(await change.locator('td.before').innerText()).toBe(original.name);
    await page.context().close();

    const phone = await env.page({ role: 'curator', viewport: 'phone' });
    await phone.goto(`/works/${id}/edit`);
    await phone.locator('kk-artist-editor ol.chosen li').first().waitFor();
    await phone.locator('kk-artist-editor wa-input.search input').fill(other.name.slice(0, 5));
    await phone.locator('kk-artist-editor li[role=option]').first().waitFor();
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'artist-editor-390');
    await phone.context().close();
  });
});

describe('moving many works at once', () => {
  it('batch edit moves the selected works to a picked location, with a preview count and undo', async () => {
    // A room whose name is its own, so the first match is the one.
    const room = sql()
      .prepare("select min(id) as id, name from locations where kind = 'room' and active = 1 and site_id in (select id from locations where kind = 'site' and site_type = 'hospital') group by name having count(*) = 1 order by name limit 1")
      .get() as { id: number; name: string };
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await page.goto('/search?status=in_place&sort=inventory');
    await rows(page).first().waitFor();
    const ids = await rows(page).locator('a.work').evaluateAll((as) => as.slice(0, 2).map((a) => Number(a.getAttribute('href')!.split('/').pop())));
    const before = ids.map((id) => sql().prepare('select location_id from artworks where id = ?').pluck().get(id));
    await rows(page).nth(0).locator('input[type=checkbox]').check();
    await rows(page).nth(1).locator('input[type=checkbox]').check();
    await page.locator('kk-search-page .selection wa-button').click();
    const dialog = page.locator('kk-batch-dialog');
    await dialog.locator('select').first().selectOption('move');
    await expect.poll(() => dialog.locator('.preview').innerText()).toBe('Välj vart verken ska för att se hur många som flyttas.');
    await dialog.locator('kk-location-picker wa-input input').fill(room.name);
    const exact = new RegExp(`› ${room.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await dialog.locator('kk-location-picker li[role=option]').filter({ hasText: exact }).click();
    await expect.poll(() => dialog.locator('.preview strong').innerText()).toBe('2 poster ändras');
    // The reason is required.
    await dialog.locator('wa-button[variant=brand]').click();
    await expect.poll(() => dialog.locator('wa-input[required]').getAttribute('hint')).toBe('Ange varför verken flyttas.');
    await dialog.locator('wa-input[required] input').fill('Ommöblering av väntsalen');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'batch-move-1440');
    await dialog.locator('wa-button[variant=brand]').click();
    const where = () => ids.map((id) => sql().prepare('select location_id from artworks where id = ?').pluck().get(id));
    await expect.poll(where).toEqual([room.id, room.id]);
    expect(sql().prepare('select reason from movements where artwork_id = ? order by id desc limit 1').pluck().get(ids[0])).toBe('Ommöblering av väntsalen');
    await page.locator('wa-toast-item .kk-toast-action').click();
    await expect.poll(where).toEqual(before);
    await page.context().close();

    const phone = await env.page({ role: 'curator', viewport: 'phone' });
    await phone.goto('/search?status=in_place&sort=inventory');
    await rows(phone).first().waitFor();
    await rows(phone).nth(0).locator('input[type=checkbox]').check();
    await phone.locator('kk-search-page .selection wa-button').click();
    await phone.locator('kk-batch-dialog select').first().selectOption('move');
    await phone.locator('kk-batch-dialog kk-location-picker wa-input input').fill(room.name);
    await phone.locator('kk-batch-dialog kk-location-picker li[role=option]').first().waitFor();
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await screenshot(phone, 'batch-move-390');
    await phone.context().close();
  });
});

describe('from the search to the map', () => {
  it('"Show on map" carries the search and its filters', async () => {
    const query = 'q=skulptur&status=in_place,in_storage&sort=title';
    const page = await env.page({ role: 'viewer', viewport: 'desktop' });
    await page.goto(`/search?${query}`);
    const link = page.getByRole('link', { name: 'Visa på karta' });
    const expected = mapHref(stateFromQuery(new URLSearchParams(query)));
    await expect.poll(() => link.getAttribute('href')).toBe(expected);
    // The same text and filters; the list's sort order means nothing on a map.
    const params = (u: URL) => Object.fromEntries(u.searchParams);
    expect(params(new URL(expected, env.app.baseUrl))).toEqual({ q: 'skulptur', status: 'in_place,in_storage' });
    await link.click();
    await page.waitForURL((u) => u.pathname === '/map');
    expect(params(new URL(page.url()))).toEqual({ q: 'skulptur', status: 'in_place,in_storage' });
    await page.context().close();

    // On a phone the link fits beside the sort and view controls without a sideways scroll.
    const phone = await env.page({ role: 'viewer', viewport: 'phone' });
    await phone.goto('/search?status=in_place');
    await rows(phone).first().waitFor();
    await phone.getByRole('link', { name: 'Visa på karta' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
  });
});

describe('server errors in the user language', () => {
  it('a used inventory number is named at its field, in Swedish and in English', async () => {
    const taken = sql().prepare('select inventory_number from artworks where id = 30').pluck().get() as string;
    for (const [locale, text] of [
      ['sv-SE', `Inventarienummer ${taken} används redan av ett annat verk.`],
      ['en-GB', `Inventory number ${taken} is already used by another work.`],
    ] as const) {
      const page = await env.page({ role: 'curator', viewport: 'desktop', locale });
      await page.goto('/works/31/edit');
      const inv = page.locator('kk-field[key="inventoryNumber"]');
      await expect.poll(() => inv.locator('input').inputValue()).not.toBe('');
      await inv.locator('input').fill(taken);
      await page.locator('kk-artwork-edit-page wa-button[type=submit]').click();
      await expect.poll(() => inv.getAttribute('error')).toBe(text);
      await page.context().close();
    }
  });

  it('a broken status rule in a batch is explained in Swedish', async () => {
    const page = await env.page({ role: 'curator', viewport: 'desktop' });
    await page.goto('/search?status=in_storage&sort=inventory');
    await rows(page).first().waitFor();
    await rows(page).nth(0).locator('input[type=checkbox]').check();
    await page.locator('kk-search-page .selection wa-button').click();
    const dialog = page.locator('kk-batch-dialog');
    await dialog.locator('select').first().selectOption('status');
    await dialog.locator('select').nth(1).selectOption('in_place');
    await expect.poll(() => dialog.locator('.error-box').innerText()).toBe('”På plats” kräver en placering i ett rum utanför magasin och ateljéer; flytta verket dit.');
    await page.context().close();
  });
});
