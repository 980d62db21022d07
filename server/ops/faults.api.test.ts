// Fault tests: a full disk during an upload, and a burst of concurrent edits of one record.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.js';
import { verifyDataDir } from './verify.js';

describe('the disk fills up while a photo is uploaded', () => {
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-full-'));
  let t: TestApp;
  beforeAll(async () => {
    // A 3 MB filesystem for the uploads folder (root may mount tmpfs on this machine and in CI).
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mount]);
    t = await startTestApp({ works: 50, env: { KONSTKOLL_UPLOADS: mount } });
  });
  afterAll(async () => {
    await t?.close();
    execFileSync('umount', [mount]);
    fs.rmSync(mount, { recursive: true, force: true });
  });

  it('answers 507 with a clear message, stores no record and leaves no partial file', async () => {
    const curator = await t.as('curator');
    const artworkId = t.db.$client.prepare('select id from artworks limit 1').pluck().get() as number;
    // Noise does not compress: about 5 MB of JPEG, more than the filesystem holds.
    const noise = Buffer.alloc(2400 * 1800 * 3);
    crypto.randomFillSync(noise);
    const photo = await sharp(noise, { raw: { width: 2400, height: 1800, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    const form = new FormData();
    form.set('entityType', 'artwork');
    form.set('entityId', String(artworkId));
    form.set('role', 'detail');
    form.set('files', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'stor.jpg');
    const res = await curator.post('/api/media', form);
    expect(res.status).toBe(507);
    expect(res.body).toMatchObject({ code: 'storage.full', status: 507 });
    expect(t.db.$client.prepare('select count(*) from media').pluck().get()).toBe(0);
    expect(t.db.$client.prepare('select count(*) from media_links').pluck().get()).toBe(0);
    const files = fs.readdirSync(mount, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files.map((f) => f.name)).toEqual([]);
    expect(verifyDataDir(t.db.$client, mount).ok).toBe(true);

    // Once there is room again, a normal photo goes through.
    const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const ok = new FormData();
    ok.set('entityType', 'artwork');
    ok.set('entityId', String(artworkId));
    ok.set('role', 'detail');
    ok.set('files', new Blob([new Uint8Array(small)], { type: 'image/jpeg' }), 'liten.jpg');
    expect((await curator.post('/api/media', ok)).status).toBe(201);
    expect(verifyDataDir(t.db.$client, mount).ok).toBe(true);
  });
});

describe('a burst of concurrent edits of the same record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ works: 50 });
  });
  afterAll(() => t.close());

  it('lets exactly one of 20 simultaneous edits of the same version win; the others get 412 with the current record', async () => {
    const clients = await Promise.all(Array.from({ length: 4 }, () => t.as('curator')));
    const id = t.db.$client.prepare("select id from artworks where status = 'in_place' limit 1").pluck().get() as number;
    const before = await clients[0]!.get(`/api/artworks/${id}`);
    const version = before.body.version as number;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => clients[i % 4]!.patch(`/api/artworks/${id}`, { title: `Samtidig titel ${i}` }, { 'if-match': `"${version}"` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!;
    for (const loser of results.filter((r) => r.status === 412)) expect(loser.body.current).toMatchObject({ version: version + 1, title: winner.body.title });
    const after = await clients[0]!.get(`/api/artworks/${id}`);
    expect(after.body).toMatchObject({ version: version + 1, title: winner.body.title });
    const audits = t.db.$client.prepare("select count(*) from audit_log where entity_type = 'artwork' and entity_id = ? and action = 'update'").pluck().get(id);
    expect(audits).toBe(1);
    expect(verifyDataDir(t.db.$client, t.deps.config.uploadsDir).ok).toBe(true);
  });
});
