import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSvg, generateDemoImages, markDemoImagesPending, scheduleDemoImages } from '../../scripts/demo-images.js';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.js';
import { getSetting } from '../settings.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ works: 300, env: { KONSTKOLL_DEMO_IMAGES: '40' } });
});
afterAll(() => t?.close());

const primaries = () =>
  t.db.$client
    .prepare(
      `select a.id, a.is_public as isPublic, a.site_id as siteId, a.primary_media_id as primaryMediaId, m.width, m.height, m.dominant_color as colour
         from artworks a join media m on m.id = a.primary_media_id order by a.id`,
    )
    .all() as { id: number; isPublic: number; siteId: number | null; primaryMediaId: number; width: number; height: number; colour: string }[];

describe('demo pictures', () => {
  it('gives works a primary picture, public works first and spread over sites', async () => {
    const r = await generateDemoImages(t.deps, { n: 24 });
    expect(r).toMatchObject({ created: 24, skipped: 0 });
    const rows = primaries();
    expect(rows).toHaveLength(24);
    const publicCount = t.db.$client.prepare('select count(*) from artworks where is_public = 1').pluck().get() as number;
    expect(rows.filter((w) => w.isPublic).length).toBe(Math.min(publicCount, 24));
    expect(new Set(rows.map((w) => w.siteId)).size).toBeGreaterThan(3);
    for (const w of rows) {
      expect(Math.max(w.width, w.height)).toBe(1200);
      expect(w.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    // The pictures differ from work to work.
    expect(new Set(rows.map((w) => w.colour)).size).toBeGreaterThan(5);
  });

  it('is safe to run again: works that have a picture are skipped, the rest are added', async () => {
    const r = await generateDemoImages(t.deps, { n: 30 });
    expect(r).toMatchObject({ created: 6, skipped: 24 });
    expect(primaries()).toHaveLength(30);
  });

  it('draws the same picture for the same work every time', async () => {
    const work = { id: 4711, inventoryNumber: 'SLL 4711', objectType: 'painting', heightCm: 60, widthCm: 90 };
    expect(demoSvg(work)).toBe(demoSvg(work));
    expect(demoSvg(work)).not.toBe(demoSvg({ ...work, id: 4712 }));
    const meta = await sharp(Buffer.from(demoSvg(work))).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 800]);
  });

  it('runs in the background only for a database the demo seed marked, and marks it done', async () => {
    scheduleDemoImages(t.deps);
    t.deps.events.emit('started');
    expect(getSetting(t.db, 'demo_images')).toBeUndefined();
    markDemoImagesPending(t.db);
    scheduleDemoImages(t.deps);
    t.deps.events.emit('started');
    const end = Date.now() + 60_000;
    while (!getSetting(t.db, 'demo_images')?.startsWith('done') && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(getSetting(t.db, 'demo_images')).toMatch(/^done /);
    expect(primaries().length).toBe(Math.min(t.deps.config.demoImages, 300));
  });
});
