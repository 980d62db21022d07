import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as img from './fixtures/images.js';
import { magicFormat, makeDerivatives } from './media.pipeline.js';
import { createJobQueue } from './media.queue.js';
import { derivativePath, originalPath, safeFileName } from './media.store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-media-unit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('type from content', () => {
  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'jpeg'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
    ['WebP', [...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')], 'webp'],
    ['TIFF (Intel)', [...Buffer.from('II*\0')], 'tiff'],
    ['TIFF (Motorola)', [...Buffer.from('MM\0*')], 'tiff'],
    ['HEIC', [0, 0, 0, 0x18, ...Buffer.from('ftypheic')], 'heif'],
    ['AVIF', [0, 0, 0, 0x18, ...Buffer.from('ftypavif')], 'heif'],
    ['PDF', [...Buffer.from('%PDF-1.7')], 'pdf'],
    ['MP4 video', [0, 0, 0, 0x18, ...Buffer.from('ftypisom')], null],
    ['an EXE', [...Buffer.from('MZ\x90\0')], null],
    ['HTML', [...Buffer.from('<!doctype html>')], null],
    ['GIF', [...Buffer.from('GIF89a')], null],
    ['nothing', [], null],
  ])('%s → %s', (_n, bytes, expected) => {
    expect(magicFormat(Buffer.from(bytes as number[]))).toBe(expected);
  });
});

describe('storage paths', () => {
  const sha = 'abcdef' + '0'.repeat(58);
  it('fans out in two levels by the hash and never use the client’s name', () => {
    expect(originalPath('/u', sha, 'jpg')).toBe(`/u/ab/cd/${sha}.jpg`);
    expect(derivativePath('/u', sha, 'thumb')).toBe(`/u/ab/cd/${sha}/thumb.webp`);
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['C:\\Users\\anna\\Bilder\\tavla.jpg', 'tavla.jpg'],
    ['.htaccess', 'htaccess'],
    ['evil"\r\nX-Header: 1.jpg', 'evilX-Header: 1.jpg'],
    ['', null],
    ['../', null],
  ])('keeps only a harmless label of %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });
});

describe('the job queue', () => {
  it('never runs more jobs at once than its concurrency, and runs them all in order', async () => {
    const q = createJobQueue(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const job = (i: number) => () =>
      new Promise<number>((resolve) => {
        started.push(i);
        peak = Math.max(peak, ++running);
        setTimeout(() => {
          running--;
          resolve(i);
        }, 5);
      });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => q.run(job(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(started).toEqual(results);
    expect(peak).toBe(2);
    await q.idle();
    expect([q.active, q.waiting]).toEqual([0, 0]);
  });

  it('keeps going after a failed job', async () => {
    const q = createJobQueue(1);
    await expect(q.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await q.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('refuses new work with 503 when too much is waiting', async () => {
    const q = createJobQueue(1, 2);
    const block = new Promise<void>((r) => setTimeout(r, 20));
    const running = [q.run(() => block), q.run(() => block), q.run(() => block)];
    await expect(q.run(() => block)).rejects.toMatchObject({ status: 503, code: 'media.busy' });
    await Promise.all(running);
  });
});

describe('the pipeline on its own', () => {
  it('refuses a decompression bomb by its pixel limit, without decoding it into memory', async () => {
    // Straight to the decoder (the upload path refuses it earlier, from the header).
    const file = path.join(dir, 'bomb.png');
    fs.writeFileSync(file, img.pngBomb());
    const rssBefore = process.memoryUsage().rss;
    await expect(makeDerivatives(file, path.join(dir, 'bomb.d'))).rejects.toMatchObject({ status: 422, code: 'media.too_many_pixels' });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
    expect(fs.existsSync(path.join(dir, 'bomb.d'))).toBe(false);
  });
});
