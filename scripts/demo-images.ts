// Pictures for the demo collection: abstract compositions drawn as SVG and rendered with sharp,
// seeded by the artwork id (the same work always gets the same picture), linked as primary images.
// The server runs this in the background after the first demo start; by hand:
//   npx tsx scripts/demo-images.ts [--n 400]
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Deps } from '../server/deps.js';
import { linkMedia, storeMedia } from '../server/media/media.service.js';
import { getSetting, setSetting } from '../server/settings.js';

/** 'pending' after the demo seed, 'done <when>' once every picture is drawn. */
const STATE_KEY = 'demo_images';
/** Long edge of the rendered "photo": plenty for the 1024 px medium size, cheap to draw. */
const LONG_EDGE = 1200;

type Work = { id: number; inventoryNumber: string; objectType: string; heightCm: number | null; widthCm: number | null };

const PALETTES = [
  ['#1d3557', '#457b9d', '#a8dadc', '#f1faee', '#e63946'],
  ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51'],
  ['#22223b', '#4a4e69', '#9a8c98', '#c9ada7', '#f2e9e4'],
  ['#003049', '#d62828', '#f77f00', '#fcbf49', '#eae2b7'],
  ['#0b3954', '#087e8b', '#bfd7ea', '#ff5a5f', '#c81d25'],
  ['#2b2d42', '#8d99ae', '#edf2f4', '#ef233c', '#d90429'],
  ['#3d405b', '#81b29a', '#f2cc8f', '#e07a5f', '#f4f1de'],
  ['#10451d', '#25a244', '#6ede8a', '#b7efc5', '#f7f7e8'],
  ['#5f0f40', '#9a031e', '#fb8b24', '#e36414', '#0f4c5c'],
  ['#f6bd60', '#f7ede2', '#f5cac3', '#84a59d', '#f28482'],
  ['#0d1b2a', '#1b263b', '#415a77', '#778da9', '#e0e1dd'],
  ['#ffbe0b', '#fb5607', '#ff006e', '#8338ec', '#3a86ff'],
];

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function rng(seed: number) {
  let a = (seed * 2654435761) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (lo: number, hi: number) => lo + next() * (hi - lo),
    int: (lo: number, hi: number) => Math.floor(lo + next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

function size(work: Work, r: Rng): { w: number; h: number } {
  const ratio = work.heightCm && work.widthCm ? work.widthCm / work.heightCm : r.pick([0.75, 0.8, 1, 1.25, 1.5]);
  const clamped = Math.min(2, Math.max(0.5, ratio));
  return clamped >= 1 ? { w: LONG_EDGE, h: Math.round(LONG_EDGE / clamped) } : { w: Math.round(LONG_EDGE * clamped), h: LONG_EDGE };
}

const f = (n: number) => n.toFixed(1);

function composition(r: Rng, w: number, h: number, pal: string[]): string {
  const shapes: string[] = [];
  for (let i = 0, n = r.int(4, 9); i < n; i++) {
    const c = r.pick(pal);
    const op = f(r.range(0.55, 0.95));
    const x = r.range(0, w);
    const y = r.range(0, h);
    const s = r.range(0.08, 0.45) * Math.min(w, h);
    switch (r.int(0, 3)) {
      case 0:
        shapes.push(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(s)}" fill="${c}" opacity="${op}"/>`);
        break;
      case 1:
        shapes.push(`<rect x="${f(x - s)}" y="${f(y - s / 2)}" width="${f(s * 2)}" height="${f(s)}" fill="${c}" opacity="${op}" transform="rotate(${f(r.range(-40, 40))} ${f(x)} ${f(y)})"/>`);
        break;
      case 2:
        shapes.push(`<polygon points="${[0, 1, 2].map(() => `${f(x + r.range(-s, s))},${f(y + r.range(-s, s))}`).join(' ')}" fill="${c}" opacity="${op}"/>`);
        break;
      default:
        shapes.push(`<path d="M${f(r.range(0, w))},${f(r.range(0, h))} C${[0, 1, 2].map(() => `${f(r.range(0, w))},${f(r.range(0, h))}`).join(' ')}" stroke="${c}" stroke-width="${f(r.range(6, 40))}" fill="none" stroke-linecap="round" opacity="${op}"/>`);
    }
  }
  return `<rect width="${w}" height="${h}" fill="${pal[r.int(0, pal.length - 1)]}"/>${shapes.join('')}`;
}

function landscape(r: Rng, w: number, h: number, pal: string[]): string {
  const horizon = r.range(0.45, 0.7) * h;
  const hills = [0, 1, 2]
    .map((i) => {
      const y = horizon + i * h * 0.08;
      const pts = Array.from({ length: 7 }, (_, k) => `${f((k / 6) * w)},${f(y - r.range(0, h * 0.12))}`).join(' L');
      return `<path d="M0,${f(h)} L${pts} L${w},${f(h)} Z" fill="${pal[(i + 1) % pal.length]}" opacity="0.9"/>`;
    })
    .join('');
  return (
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal[0]}"/><stop offset="1" stop-color="${pal[3]}"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#sky)"/><circle cx="${f(r.range(0.15, 0.85) * w)}" cy="${f(horizon * r.range(0.3, 0.7))}" r="${f(Math.min(w, h) * r.range(0.05, 0.12))}" fill="${pal[4]}" opacity="0.9"/>${hills}`
  );
}

function sculpture(r: Rng, w: number, h: number, pal: string[]): string {
  const cx = w / 2;
  const base = h * 0.82;
  const bw = w * r.range(0.25, 0.4);
  const body =
    r.next() < 0.5
      ? `<ellipse cx="${f(cx)}" cy="${f(base - h * 0.28)}" rx="${f(bw * 0.5)}" ry="${f(h * 0.26)}" fill="url(#lit)"/>`
      : `<path d="M${f(cx - bw / 2)},${f(base - 10)} C${f(cx - bw)},${f(h * 0.2)} ${f(cx + bw)},${f(h * 0.1)} ${f(cx + bw / 3)},${f(base - 10)} Z" fill="url(#lit)"/>`;
  return (
    `<defs><radialGradient id="lit" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="${pal[3]}"/><stop offset="1" stop-color="${pal[0]}"/></radialGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="#e9e6df"/><rect y="${f(base)}" width="${w}" height="${f(h - base)}" fill="#cfc9bd"/>` +
    `<ellipse cx="${f(cx)}" cy="${f(base + 6)}" rx="${f(bw * 0.6)}" ry="12" fill="#000" opacity="0.18"/>${body}`
  );
}

function pattern(r: Rng, w: number, h: number, pal: string[], mosaic: boolean): string {
  const cell = mosaic ? r.int(24, 48) : r.int(30, 90);
  const out: string[] = [`<rect width="${w}" height="${h}" fill="${pal[0]}"/>`];
  if (mosaic) {
    for (let y = 0; y < h; y += cell) for (let x = 0; x < w; x += cell) out.push(`<rect x="${x + 2}" y="${y + 2}" width="${cell - 4}" height="${cell - 4}" fill="${r.pick(pal)}"/>`);
  } else {
    for (let y = 0; y < h; y += cell) out.push(`<rect y="${y}" width="${w}" height="${f(cell * r.range(0.3, 0.9))}" fill="${r.pick(pal)}" opacity="0.85"/>`);
    for (let x = 0; x < w; x += cell * 2) out.push(`<rect x="${x}" width="${f(cell * 0.5)}" height="${h}" fill="${r.pick(pal)}" opacity="0.35"/>`);
  }
  return out.join('');
}

/** The SVG of a work's picture; deterministic in the work's id. */
export function demoSvg(work: Work): string {
  const r = rng(work.id);
  const pal = r.pick(PALETTES);
  const { w, h } = size(work, r);
  const body =
    work.objectType === 'photograph'
      ? landscape(r, w, h, pal)
      : ['sculpture', 'ceramics', 'glass', 'installation'].includes(work.objectType)
        ? sculpture(r, w, h, pal)
        : work.objectType === 'textile'
          ? pattern(r, w, h, pal, false)
          : work.objectType === 'mosaic'
            ? pattern(r, w, h, pal, true)
            : composition(r, w, h, pal);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
}

/**
 * The works that get pictures: public works first (the guide shows them), then a spread over all
 * sites (every site's first works before any site's later ones), never deaccessioned ones.
 */
function chooseWorks(deps: Deps, n: number): Work[] {
  return deps.db.$client
    .prepare(
      `with ranked as (
         select id, inventory_number as inventoryNumber, object_type as objectType, height_cm as heightCm, width_cm as widthCm, is_public as isPublic,
                row_number() over (partition by is_public, site_id order by id) as rn
           from artworks where status != 'deaccessioned')
       select id, inventoryNumber, objectType, heightCm, widthCm from ranked
        order by case when isPublic = 1 and rn <= 10 then 0 else 1 end, rn, id limit ?`,
    )
    .all(n) as Work[];
}

export type DemoImageResult = { created: number; skipped: number; ms: number };

/** Draws, stores and links a primary picture for up to `n` works; works that already have one are skipped (safe to rerun). */
export async function generateDemoImages(deps: Deps, opts: { n: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<DemoImageResult> {
  const t0 = performance.now();
  const sqlite = deps.db.$client;
  const works = chooseWorks(deps, opts.n);
  const hasPrimary = sqlite.prepare(`select 1 from media_links where entity_type = 'artwork' and entity_id = ? and role = 'primary' limit 1`);
  const todo = works.filter((w) => !hasPrimary.get(w.id));
  const done: number[] = [];
  // Two at a time: the media queue runs two jobs anyway, and rendering the SVG overlaps with it.
  let next = 0;
  const worker = async () => {
    while (next < todo.length && !opts.signal?.aborted) {
      const work = todo[next++]!;
      const jpeg = await sharp(Buffer.from(demoSvg(work))).jpeg({ quality: 85, mozjpeg: false }).toBuffer();
      if (opts.signal?.aborted) return;
      const stored = await storeMedia(deps, { buffer: jpeg, originalName: `${work.inventoryNumber}.jpg`, userId: null });
      if (opts.signal?.aborted) return;
      if (!hasPrimary.get(work.id)) linkMedia(sqlite, { mediaId: stored.mediaId, entityType: 'artwork', entityId: work.id, role: 'primary', userId: null, at: deps.clock.now().toISOString() });
      done.push(work.id);
      opts.onProgress?.(done.length, todo.length);
    }
  };
  await Promise.all([worker(), worker()]);
  if (done.length) deps.events.emit('artworks.changed', done);
  return { created: done.length, skipped: works.length - todo.length, ms: Math.round(performance.now() - t0) };
}

/** Called right after the demo seed: only a database seeded with the demo gets demo pictures. */
export function markDemoImagesPending(db: Deps['db']): void {
  setSetting(db, STATE_KEY, 'pending');
}

/**
 * Draws the pictures of a freshly seeded demo in the background once the server listens, and marks
 * the job done when complete; a restart mid-way resumes (works that have a picture are skipped).
 */
export function scheduleDemoImages(deps: Deps): void {
  if (deps.config.demoImages === 0 || getSetting(deps.db, STATE_KEY) !== 'pending') return;
  const abort = new AbortController();
  deps.events.once('stopping', () => abort.abort());
  deps.events.once('started', () => {
    generateDemoImages(deps, { n: deps.config.demoImages, signal: abort.signal }).then(
      (r) => {
        if (abort.signal.aborted) return;
        setSetting(deps.db, STATE_KEY, `done ${new Date().toISOString()}`);
        deps.log.info(`demo pictures: ${r.created} drawn (${r.skipped} works had one) in ${r.ms} ms`);
      },
      (err: unknown) => deps.log.warn({ err }, 'demo pictures failed'),
    );
  });
}

async function cli(): Promise<void> {
  const { default: pino } = await import('pino');
  const { migrateDatabase, openDatabase } = await import('../db/connection.js');
  const { createApp } = await import('../server/app.js');
  const { loadConfig } = await import('../server/config.js');
  const i = process.argv.indexOf('--n');
  const n = i > 0 ? Number(process.argv[i + 1]) : 400;
  const config = loadConfig();
  const db = openDatabase(config.dbFile);
  migrateDatabase(db);
  const deps = createApp({ db, config, log: pino({ level: 'warn' }) }).locals.deps;
  const r = await generateDemoImages(deps, { n, onProgress: (d, t) => process.stdout.write(`\rdemo pictures: ${d}/${t}`) });
  process.stdout.write(`\n${r.created} pictures drawn, ${r.skipped} works already had one, in ${r.ms} ms\n`);
  db.$client.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await cli();
