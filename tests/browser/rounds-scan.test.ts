// Scanning in the field app: a generated label's QR code fed to Chromium as the camera (a fake
// capture device playing a Y4M file) jumps to the work; a typed number works the same way; a work
// that is not on the round is offered as "found here" and reaches the server when synced.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, screenshot, seriousA11yViolations, VIEWPORTS } from '../helpers/browser.js';
import { startTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { planRound, rows, waitForServiceWorker } from './rounds-fixtures.js';

let app: TestApp;
let browser: Browser;
let phone: Client;
let dir: string;
let round: Awaited<ReturnType<typeof planRound>>;
let target: (typeof round)['items'][number];

/** A Y4M video (4:2:0, a few identical frames) of the QR code a label carries, on white. */
async function labelVideo(text: string, file: string): Promise<void> {
  const [w, h] = [640, 480];
  const qr = await QRCode.toBuffer(text, { margin: 4, width: 320, errorCorrectionLevel: 'M' });
  const y = await sharp({ create: { width: w, height: h, channels: 3, background: '#ffffff' } })
    .composite([{ input: qr, left: (w - 320) / 2, top: (h - 320) / 2 }])
    .greyscale()
    .raw()
    .toBuffer();
  const chroma = Buffer.alloc((w / 2) * (h / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y.subarray(0, w * h), chroma, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
}

beforeAll(async () => {
  app = await startTestApp({ works: 3000 });
  phone = await app.as('conservator');
  round = await planRound(app, await app.as('curator'), phone.userId, 30, { name: 'Skanningsrunda' });
  target = round.items[17]!;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-scan-'));
  const video = path.join(dir, 'label.y4m');
  // Exactly what a printed label holds (server/labels/labels.pdf.ts: workUrl).
  await labelVideo(`${app.baseUrl}/w/${encodeURIComponent(target.work.inventoryNumber.replace(/\s+/g, ''))}`, video);
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`,
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function phonePage(opts: { camera: boolean }): Promise<Page> {
  const ctx = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'sv-SE', baseURL: app.baseUrl, permissions: opts.camera ? ['camera'] : [] });
  // The fake camera always shows the same label; a phone whose camera is refused must still work by typing.
  if (!opts.camera) await ctx.addInitScript(() => (navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))));
  const [name, value] = phone.cookie.split('=');
  await ctx.addCookies([{ name: name!, value: value!, url: app.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

const highlighted = (page: Page) => page.locator('kk-round-page kk-work-row[highlight]');

describe('scanning labels in the field app', () => {
  it("the camera reads a label's QR code and the list jumps to that work", async () => {
    const page = await phonePage({ camera: true });
    await page.goto(`/rounds/${round.id}`);
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(30);
    await page.locator('kk-round-page button[data-action=scan]').click();
    await page.locator('kk-scan-sheet dialog[open] video').waitFor();
    await highlighted(page).waitFor({ timeout: 20_000 });
    expect(await highlighted(page).getAttribute('id')).toBe(`item-${target.id}`);
    expect(await page.locator('kk-scan-sheet dialog[open]').count()).toBe(0);
    // The highlighted row is in view, ready for its one tap.
    expect(await highlighted(page).evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    console.log(`QR read by: ${await page.locator('kk-scan-sheet').getAttribute('data-reader')}`);
    await page.context().close();
  });

  it('without the camera a typed number jumps too; a work not on the round is offered as found here and synced as such', async () => {
    const page = await phonePage({ camera: false });
    await page.goto(`/rounds/${round.id}`);
    await waitForServiceWorker(page);
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(30);

    await page.locator('kk-round-page button[data-action=scan]').click();
    const input = page.locator('kk-scan-sheet dialog[open] input[name=number]');
    await expect.poll(() => page.locator('kk-scan-sheet dialog[open] .status').innerText()).toMatch(/skriv numret/);
    await input.fill(round.items[5]!.work.inventoryNumber.toLowerCase().replace(/\s+/g, '-'));
    await input.press('Enter');
    await expect.poll(() => highlighted(page).getAttribute('id')).toBe(`item-${round.items[5]!.id}`);

    const sqlite = app.db.$client;
    const stranger = sqlite
      .prepare(`select id, inventory_number as inv from artworks where status = 'in_place' and id not in (select value from json_each(?)) order by id limit 1`)
      .get(JSON.stringify(round.items.map((i) => i.work.id))) as { id: number; inv: string };
    await page.locator('kk-round-page button[data-action=scan]').click();
    await input.fill(stranger.inv);
    await screenshot(page, 'rounds-phone-scan');
    await input.press('Enter');
    const offer = page.locator('kk-scan-sheet dialog[open] .notice');
    await offer.waitFor();
    expect(await offer.innerText()).toContain(stranger.inv);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('kk-scan-sheet dialog[open] button.primary').click();
    await expect.poll(() => page.locator('kk-round-page .extra').innerText()).toContain(stranger.inv);

    // After the undo window the sync looks the work up by its number and records it as found here.
    expect(await page.locator('kk-sync-pill button').getAttribute('data-sync')).toBe('queued');
    const addedItem = async () => (await phone.get(`/api/rounds/${round.id}`)).body.items.find((i: { work: { id: number } }) => i.work.id === stranger.id);
    await expect.poll(addedItem, { timeout: 30_000, interval: 500 }).toBeTruthy();
    const added = await addedItem();
    expect(added).toMatchObject({ expected: false, outcome: 'found_here' });
    expect(added.current.locationId).toBe(round.items[5]!.expectedLocation.id);
    // The round on the phone now shows it as one of its works.
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(31);
    await expect.poll(() => page.locator('kk-sync-pill button').getAttribute('data-sync')).toBe('synced');
    await page.context().close();
  });
});
