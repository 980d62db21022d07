import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import * as img from './fixtures/images.js';
import { insertRecords, type MediaFixture } from './fixtures/records.js';
import { count, eventually, storedFiles, tmpFiles, upload } from './fixtures/upload-helpers.js';

let t: TestApp;
let fx: MediaFixture;
let curator: Client;
let photo: Buffer;

beforeAll(async () => {
  t = await startTestApp();
  fx = insertRecords(t.db.$client);
  curator = await t.as('curator');
  photo = await img.jpeg(900, 600);
});
afterAll(() => t?.close());

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const onWork = (id = fx.workA, role = 'detail') => ({ entityType: 'artwork', entityId: id, role });

describe('uploading pictures', () => {
  it('stores the original unchanged under ab/cd/<hash>.jpg with three WebP sizes, and answers 201 with the link', async () => {
    const res = await upload(curator, onWork(), { name: 'blå rummet.jpg', data: photo, type: 'image/jpeg' });
    expect(res.status).toBe(201);
    const h = sha(photo);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        entityType: 'artwork',
        entityId: fx.workA,
        role: 'detail',
        position: 0,
        version: 1,
        sha256: h,
        mime: 'image/jpeg',
        bytes: photo.length,
        width: 900,
        height: 600,
        originalName: 'blå rummet.jpg',
        created: true,
        dominantColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
        urls: { thumb: `/media/${h}/thumb.webp`, medium: `/media/${h}/medium.webp`, large: `/media/${h}/large.webp`, original: `/media/${h}/original` },
      }),
    ]);
    const dir = `${h.slice(0, 2)}/${h.slice(2, 4)}`;
    expect(storedFiles(t).filter((f) => f.includes(h))).toEqual([`${dir}/${h}.jpg`, `${dir}/${h}/large.webp`, `${dir}/${h}/medium.webp`, `${dir}/${h}/thumb.webp`].sort());
    expect(fs.readFileSync(path.join(t.deps.config.uploadsDir, `${dir}/${h}.jpg`)).equals(photo)).toBe(true);
    const sizes = await Promise.all(['thumb', 'medium', 'large'].map((s) => sharp(path.join(t.deps.config.uploadsDir, `${dir}/${h}/${s}.webp`)).metadata()));
    expect(sizes.map((m) => [m.format, m.width, m.height])).toEqual([
      ['webp', 256, 171],
      ['webp', 900, 600], // never enlarged
      ['webp', 900, 600],
    ]);
    expect(tmpFiles(t)).toEqual([]);
    const audit = t.db.$client.prepare(`select action, entity_type as entityType from audit_log where entity_type in ('media', 'media_link') order by id`).all();
    expect(audit).toEqual([
      { action: 'create', entityType: 'media' },
      { action: 'create', entityType: 'media_link' },
    ]);
  });

  it('stores the same file once: a second record gets a new link to the same media, the same record keeps its one link', async () => {
    const file = await img.jpeg(400, 300, '#123456');
    const first = await upload(curator, onWork(fx.workA2), { name: 'a.jpg', data: file });
    const again = await upload(curator, onWork(fx.workA2), { name: 'copy of a.jpg', data: file });
    const other = await upload(curator, { entityType: 'location', entityId: fx.floorA, role: 'detail' }, { name: 'b.jpg', data: file });
    expect([first.status, again.status, other.status]).toEqual([201, 201, 201]);
    expect(again.body.items[0]).toMatchObject({ id: first.body.items[0].id, created: false });
    expect(other.body.items[0]).toMatchObject({ mediaId: first.body.items[0].mediaId, created: true });
    expect(t.db.$client.prepare('select count(*) from media where sha256 = ?').pluck().get(sha(file))).toBe(1);
    expect(storedFiles(t).filter((f) => f.includes(sha(file)))).toHaveLength(4);
  });

  it('takes several files in one request, in order', async () => {
    const files = await Promise.all([1, 2, 3].map((i) => img.png(100 * i, 80, `#${i}${i}${i}`)));
    const res = await upload(curator, onWork(fx.workB, 'detail'), ...files.map((data, i) => ({ name: `p${i}.png`, data })));
    expect(res.status).toBe(201);
    expect(res.body.items.map((i: any) => [i.position, i.mime, i.width])).toEqual([
      [0, 'image/png', 100],
      [1, 'image/png', 200],
      [2, 'image/png', 300],
    ]);
  });

  it('applies the EXIF orientation and strips EXIF and the GPS position from every size, keeping the original as sent', async () => {
    const file = await img.orientedJpegWithGps();
    const original = await sharp(file).metadata();
    expect(original.exif?.includes(Buffer.from('KonstkollCam'))).toBe(true);
    expect(original.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPS IFD pointer tag
    const res = await upload(curator, { entityType: 'condition_check', entityId: fx.checkA, role: 'condition' }, { name: 'skada.jpg', data: file });
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({ width: 400, height: 600, dominantColor: expect.stringMatching(/^#[c-f][0-9a-f]0[0-9a-f]0[0-9a-f]$/) });
    const h = sha(file);
    const dir = path.join(t.deps.config.uploadsDir, h.slice(0, 2), h.slice(2, 4));
    for (const size of ['thumb', 'medium', 'large']) {
      const m = await sharp(path.join(dir, h, `${size}.webp`)).metadata();
      expect({ size, exif: m.exif, xmp: m.xmp, icc: m.icc, orientation: m.orientation }).toEqual({ size, exif: undefined, xmp: undefined, icc: undefined, orientation: undefined });
      expect(m.height).toBeGreaterThan(m.width!); // portrait, as shown
    }
    // Red (the stored left half) is on top once turned; blue at the bottom.
    const { data, info } = await sharp(path.join(dir, h, 'thumb.webp')).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(px(info.width >> 1, 10)[0]).toBeGreaterThan(200);
    expect(px(info.width >> 1, info.height - 10)[2]).toBeGreaterThan(200);
    expect(fs.readFileSync(path.join(dir, `${h}.jpg`)).equals(file)).toBe(true);
  });

  it('accepts a PDF as a document and serves no picture sizes for it', async () => {
    const res = await upload(curator, onWork(fx.workA, 'document'), { name: 'rapport.pdf', data: img.pdf() });
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({ mime: 'application/pdf', width: null, height: null, urls: { thumb: null, original: `/media/${sha(img.pdf())}/original` } });
  });

  it('ignores path tricks in file names: the name is only a label, the file lands under its hash', async () => {
    const file = await img.png(50, 50, '#0a0');
    const res = await upload(curator, onWork(), { name: '../../../../etc/cron.d/evil.png', data: file });
    expect(res.status).toBe(201);
    expect(res.body.items[0].originalName).toBe('evil.png');
    const h = sha(file);
    expect(storedFiles(t)).toContain(`${h.slice(0, 2)}/${h.slice(2, 4)}/${h}.png`);
    expect(fs.existsSync(path.join(t.dir, 'etc'))).toBe(false);
    expect(storedFiles(t).every((f) => !f.startsWith('..') && !f.includes('evil'))).toBe(true);
  });
});

describe('bad input is refused with nothing stored', () => {
  const cases: [string, number, string, () => Promise<Buffer> | Buffer, string][] = [
    ['a Windows program renamed to .jpg', 415, 'media.unsupported_type', img.fakeExe, 'image/jpeg'],
    ['an HTML page renamed to .jpg', 415, 'media.unsupported_type', img.html, 'image/jpeg'],
    ['an SVG with a script', 415, 'media.unsupported_type', img.svg, 'image/svg+xml'],
    ['a PDF as the primary picture', 415, 'media.unsupported_type', img.pdf, 'application/pdf'],
    ['a truncated JPEG', 422, 'media.corrupt', img.truncatedJpeg, 'image/jpeg'],
    ['a JPEG header followed by garbage', 422, 'media.corrupt', img.corruptJpeg, 'image/jpeg'],
    ['a truncated PDF', 422, 'media.corrupt', () => img.pdf().subarray(0, 300), 'application/pdf'],
    ['a decompression bomb (50 KB PNG, 400 megapixels)', 422, 'media.too_many_pixels', img.pngBomb, 'image/png'],
  ];

  it.each(cases)('%s → %i %s', async (_name, status, code, make, type) => {
    const before = { media: count(t, 'media'), links: count(t, 'media_links'), files: storedFiles(t).length };
    const role = type === 'application/pdf' && code === 'media.corrupt' ? 'document' : 'primary';
    const res = await upload(curator, onWork(fx.workA2, role), { name: 'photo.jpg', data: await make(), type });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, errors: [{ path: 'files[0]', message: expect.stringContaining('photo.jpg') }] });
    expect({ media: count(t, 'media'), links: count(t, 'media_links'), files: storedFiles(t).length }).toEqual(before);
    expect(await eventually(() => tmpFiles(t).length === 0)).toBe(true);
  });

  it('refuses the whole request when one of several files is bad, naming it', async () => {
    const before = { media: count(t, 'media'), files: storedFiles(t).length };
    const res = await upload(curator, onWork(fx.workA2), { name: 'ok.jpg', data: await img.jpeg(300, 200, '#777') }, { name: 'bad.jpg', data: await img.truncatedJpeg() });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'files[1]', message: expect.stringContaining('bad.jpg') }]);
    expect({ media: count(t, 'media'), files: storedFiles(t).length }).toEqual(before);
    expect(await eventually(() => tmpFiles(t).length === 0)).toBe(true);
  });

  it('answers 413 to a file over 50 MB and keeps none of it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 1);
    big.set([0xff, 0xd8, 0xff], 0);
    const res = await upload(curator, onWork(), { name: 'huge.jpg', data: big, type: 'image/jpeg' });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('media.too_large');
    expect(await eventually(() => tmpFiles(t).length === 0)).toBe(true);
  });

  it('answers 413 to more than 20 files in one request', async () => {
    const tiny = await img.png(8, 8);
    const before = count(t, 'media_links');
    const res = await upload(curator, onWork(), ...Array.from({ length: 21 }, (_, i) => ({ name: `${i}.png`, data: tiny })));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('media.too_large');
    expect(count(t, 'media_links')).toBe(before);
    expect(await eventually(() => tmpFiles(t).length === 0)).toBe(true);
  });

  it.each([
    ['no files', {}, 'files'],
    ['no entity type', { entityType: undefined }, 'entityType'],
    ['an unknown role', { role: 'selfie' }, 'role'],
    ['a role that does not fit the record', { role: 'floor_plan' }, 'role'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('answers 400 naming the field for %s', async (name, patch, field) => {
    const fields = Object.fromEntries(Object.entries({ ...onWork(), ...patch }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const res = await upload(curator, fields, ...(name === 'no files' ? [] : [{ name: 'x.png', data: await img.png(10, 10) }]));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.path)).toContain(field);
    expect(await eventually(() => tmpFiles(t).length === 0)).toBe(true);
  });

  it('answers 422 for a record that does not exist', async () => {
    const res = await upload(curator, onWork(999_999), { name: 'x.png', data: await img.png(10, 10) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'media.unknown_entity', errors: [{ path: 'entityId' }] });
  });

  it('leaves no temp file and no record when the upload is cut off mid-way', async () => {
    const before = { media: count(t, 'media'), links: count(t, 'media_links'), files: storedFiles(t).length };
    const boundary = '----kkcut' + crypto.randomBytes(6).toString('hex');
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="entityType"\r\n\r\nartwork\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${fx.workA}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\ndetail\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cut.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const url = new URL(t.baseUrl);
    const req = http.request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/api/media',
      headers: { cookie: curator.cookie, 'x-csrf-token': curator.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 8_000_000) },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(photo);
    req.write(Buffer.alloc(1_000_000, 7));
    // Wait until the server is writing the file, then drop the connection.
    expect(await eventually(() => tmpFiles(t).length > 0)).toBe(true);
    req.destroy();
    expect(await eventually(() => tmpFiles(t).length === 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect({ media: count(t, 'media'), links: count(t, 'media_links'), files: storedFiles(t).length }).toEqual(before);
    expect(tmpFiles(t)).toEqual([]);
  });
});

describe('who may upload what', () => {
  const png = () => img.png(12, 12, '#345');

  it('refuses viewers before reading the body', async () => {
    const viewer = await t.as('viewer');
    const res = await upload(viewer, onWork(), { name: 'x.png', data: await png() });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
  });

  it('refuses anonymous callers with 401', async () => {
    const res = await upload(t.anonymous(), onWork(), { name: 'x.png', data: await png() });
    expect(res.status).toBe(401);
  });

  it('lets conservators add condition and before/after photos but not catalogue pictures', async () => {
    const conservator = await t.as('conservator');
    expect((await upload(conservator, { entityType: 'condition_check', entityId: fx.checkA, role: 'condition' }, { name: 'c.png', data: await png() })).status).toBe(201);
    expect((await upload(conservator, { entityType: 'treatment', entityId: fx.treatmentA, role: 'before' }, { name: 'b.png', data: await img.png(13, 12) })).status).toBe(201);
    const res = await upload(conservator, onWork(fx.workA, 'primary'), { name: 'p.png', data: await img.png(14, 12) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
  });

  it('refuses project leads on artworks (project pictures need project.write)', async () => {
    const lead = await t.as('project_lead');
    const res = await upload(lead, onWork(), { name: 'x.png', data: await png() });
    expect(res.status).toBe(403);
  });

  it('refuses a user limited to another site with 403, storing nothing', async () => {
    const limited = await t.as('curator', { siteIds: [fx.siteB] });
    const before = storedFiles(t).length;
    const res = await upload(limited, onWork(fx.workA), { name: 'x.png', data: await img.png(15, 15, '#987') });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.site_forbidden');
    expect(storedFiles(t).length).toBe(before);
    expect((await upload(limited, onWork(fx.workB), { name: 'y.png', data: await img.png(15, 16, '#987') })).status).toBe(201);
  });
});
