import crypto from 'node:crypto';
import http from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';
import * as img from './fixtures/images.js';
import { insertRecords, type MediaFixture } from './fixtures/records.js';
import { upload } from './fixtures/upload-helpers.js';
import { isPublicMedia } from './media.service.js';

let t: TestApp;
let fx: MediaFixture;
let curator: Client;
let photo: Buffer;
let photoSha: string;
let pdfSha: string;
let publicSha: string;
let conditionOnPublicSha: string;
let sharedSha: string;

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  t = await startTestApp();
  fx = insertRecords(t.db.$client);
  curator = await t.as('curator');
  photo = await img.jpeg(1200, 800);
  photoSha = sha(photo);
  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const res = await p;
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.items[0].sha256 as string;
  };
  await ok(upload(curator, { entityType: 'artwork', entityId: fx.workA, role: 'primary' }, { name: 'Blå rummet (detalj) "1".exe', data: photo }));
  pdfSha = await ok(upload(curator, { entityType: 'artwork', entityId: fx.workA, role: 'document' }, { name: 'rapport.pdf', data: img.pdf() }));
  publicSha = await ok(upload(curator, { entityType: 'artwork', entityId: fx.publicWork, role: 'primary' }, { name: 'fontan.png', data: await img.png(300, 200, '#2a6') }));
  conditionOnPublicSha = await ok(upload(curator, { entityType: 'artwork', entityId: fx.publicWork, role: 'condition' }, { name: 'skada.png', data: await img.png(301, 200, '#a26') }));
  const shared = await img.png(302, 200, '#62a');
  sharedSha = await ok(upload(curator, { entityType: 'artwork', entityId: fx.workA2, role: 'detail' }, { name: 's.png', data: shared }));
  await ok(upload(curator, { entityType: 'artwork', entityId: fx.workB, role: 'detail' }, { name: 's.png', data: shared }));
});
afterAll(() => t?.close());

describe('serving derivatives', () => {
  it.each([
    ['thumb', 256, 171],
    ['medium', 1024, 683],
    ['large', 1200, 800],
  ])('serves %s.webp as image/webp with an immutable private cache and an ETag of hash and size', async (size, w, h) => {
    const res = await fetch(`${t.baseUrl}/media/${photoSha}/${size}.webp`, { headers: { cookie: curator.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBe(`"${photoSha}-${size}"`);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', w, h]);
  });

  it('answers 304 to a matching If-None-Match (a browser revalidating its cache)', async () => {
    // Plain http: fetch() adds Cache-Control: no-cache to conditional requests, which a browser's image cache does not.
    const status = (etag: string) =>
      new Promise<number>((resolve, reject) => {
        http.get(`${t.baseUrl}/media/${photoSha}/thumb.webp`, { headers: { cookie: curator.cookie, 'if-none-match': etag } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        }).on('error', reject);
      });
    expect(await status(`"${photoSha}-thumb"`)).toBe(304);
    expect(await status(`"${photoSha}-medium"`)).toBe(200);
  });

  it('has no picture sizes for a PDF (404), but serves its original as application/pdf', async () => {
    const thumb = await curator.get(`/media/${pdfSha}/thumb.webp`);
    expect(thumb.status).toBe(404);
    expect(thumb.body.code).toBe('media.no_derivative');
    const original = await fetch(`${t.baseUrl}/media/${pdfSha}/original`, { headers: { cookie: curator.cookie } });
    expect(original.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await original.arrayBuffer()).equals(img.pdf())).toBe(true);
  });

  it.each([
    ['an unknown hash', `/media/${'0'.repeat(64)}/thumb.webp`],
    ['a malformed hash', '/media/..%2F..%2Fetc%2Fpasswd/thumb.webp'],
    ['an unknown size', `/media/HASH/huge.webp`],
  ])('answers 404 for %s', async (_n, url) => {
    const res = await curator.get(url.replace('HASH', photoSha));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('serving originals', () => {
  it('serves the original byte for byte with its type and a safe inline file name with the real extension', async () => {
    const res = await fetch(`${t.baseUrl}/media/${photoSha}/original`, { headers: { cookie: curator.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${photoSha}-original"`);
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="Bl_ rummet (detalj) 1.jpg"; filename*=UTF-8''Bl%C3%A5%20rummet%20%28detalj%29%201.jpg`);
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('answers a range request with 206 and exactly those bytes', async () => {
    const res = await fetch(`${t.baseUrl}/media/${photoSha}/original`, { headers: { cookie: curator.cookie, range: 'bytes=100-1099' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-1099/${photo.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(photo.subarray(100, 1100))).toBe(true);
    const tail = await fetch(`${t.baseUrl}/media/${photoSha}/original`, { headers: { cookie: curator.cookie, range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(photo.subarray(photo.length - 10))).toBe(true);
  });

  it('answers 416 to a range beyond the end', async () => {
    const res = await fetch(`${t.baseUrl}/media/${photoSha}/original`, { headers: { cookie: curator.cookie, range: `bytes=${photo.length + 10}-` } });
    expect(res.status).toBe(416);
  });
});

describe('who may fetch a file', () => {
  it('answers 401 to anonymous callers for a private work, whether or not the file exists', async () => {
    for (const url of [`/media/${photoSha}/thumb.webp`, `/media/${photoSha}/original`, `/media/${'1'.repeat(64)}/thumb.webp`]) {
      const res = await t.anonymous().get(url);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('auth.required');
    }
  });

  it('answers 403 to a user limited to another site, and 200 for their own site', async () => {
    const siteB = await t.as('viewer', { siteIds: [fx.siteB] });
    const other = await siteB.get(`/media/${photoSha}/thumb.webp`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('auth.site_forbidden');
    expect((await siteB.get(`/media/${publicSha}/thumb.webp`)).status).toBe(200);
    // Linked to a work on each site: either site's users may fetch it.
    expect((await siteB.get(`/media/${sharedSha}/thumb.webp`)).status).toBe(200);
    const siteA = await t.as('viewer', { siteIds: [fx.siteA] });
    expect((await siteA.get(`/media/${sharedSha}/thumb.webp`)).status).toBe(200);
    expect((await siteA.get(`/media/${publicSha}/original`)).status).toBe(200); // public anyway
  });

  it('lets anyone fetch the primary picture of a work marked public, cached publicly', async () => {
    expect(isPublicMedia(t.db.$client, publicSha)).toBe(true);
    const res = await fetch(`${t.baseUrl}/media/${publicSha}/medium.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps a condition photo of a public work private', async () => {
    expect(isPublicMedia(t.db.$client, conditionOnPublicSha)).toBe(false);
    expect((await t.anonymous().get(`/media/${conditionOnPublicSha}/thumb.webp`)).status).toBe(401);
  });

  it('stops serving a work’s picture anonymously once the work is no longer public', async () => {
    t.db.$client.prepare('update artworks set is_public = 0 where id = ?').run(fx.publicWork);
    expect((await t.anonymous().get(`/media/${publicSha}/thumb.webp`)).status).toBe(401);
    t.db.$client.prepare('update artworks set is_public = 1 where id = ?').run(fx.publicWork);
  });
});
