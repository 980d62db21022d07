// Simple floor plans for the demo: an SVG drawn from the rooms' plan areas (walls, doors to the
// corridor, names), rasterised with sharp and stored through the media pipeline like an upload.
import sharp from 'sharp';
import type { Deps } from '../deps.js';
import { linkMedia, storeMedia } from '../media/media.service.js';
import type { PlanArea } from './map.schema.js';

export const PLAN_WIDTH = 1600;
export const PLAN_HEIGHT = 1000;

export type PlanRoom = { name: string; code: string | null; planArea: PlanArea };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The plan as SVG; rooms are fractions 0–1 of the sheet, like artworks' spots. */
export function renderPlanSvg(rooms: PlanRoom[], title: string, width = PLAN_WIDTH, height = PLAN_HEIGHT): string {
  const px = (a: PlanArea) => ({ x: a.x * width, y: a.y * height, w: a.w * width, h: a.h * height });
  const corridor = rooms.find((r) => /korridor|corridor|hall|gång/i.test(r.name) && r.planArea.w > 0.6);
  const parts: string[] = [];
  // The building outline around every room.
  const all = rooms.map((r) => px(r.planArea));
  const minX = Math.min(...all.map((r) => r.x)) - 8;
  const minY = Math.min(...all.map((r) => r.y)) - 8;
  const maxX = Math.max(...all.map((r) => r.x + r.w)) + 8;
  const maxY = Math.max(...all.map((r) => r.y + r.h)) + 8;
  parts.push(`<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="#ffffff" stroke="#3b4350" stroke-width="14"/>`);
  for (const room of rooms) {
    const r = px(room.planArea);
    const isCorridor = room === corridor;
    parts.push(`<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="${isCorridor ? '#eef1f4' : '#fbfaf6'}" stroke="#5b6472" stroke-width="4"/>`);
    if (corridor && !isCorridor) {
      // A door in the wall that faces the corridor.
      const c = px(corridor.planArea);
      const doorW = Math.min(56, r.w * 0.4);
      const dx = r.x + r.w / 2 - doorW / 2;
      const dy = r.y + r.h <= c.y + 1 ? r.y + r.h : r.y;
      parts.push(`<rect x="${dx}" y="${dy - 4}" width="${doorW}" height="8" fill="#fbfaf6"/>`);
      parts.push(`<path d="M${dx} ${dy} a${doorW} ${doorW} 0 0 ${dy === r.y ? 1 : 0} ${doorW} ${dy === r.y ? doorW : -doorW}" fill="none" stroke="#9aa3ae" stroke-width="1.5" stroke-dasharray="4 4"/>`);
    }
    const fontSize = Math.max(14, Math.min(26, r.w / Math.max(6, room.name.length * 0.62)));
    const cx = r.x + r.w / 2;
    const cy = r.y + (isCorridor ? r.h / 2 + fontSize / 3 : Math.min(r.h / 2, 48 + fontSize));
    parts.push(`<text x="${cx}" y="${cy}" text-anchor="middle" font-size="${fontSize}" fill="#2d333b" font-family="DejaVu Sans, Arial, sans-serif">${esc(room.name)}</text>`);
    if (room.code && !isCorridor)
      parts.push(`<text x="${cx}" y="${cy + fontSize + 4}" text-anchor="middle" font-size="${Math.round(fontSize * 0.7)}" fill="#6b7480" font-family="DejaVu Sans Mono, monospace">${esc(room.code)}</text>`);
  }
  // Title block and a north arrow, as on a real drawing.
  parts.push(`<text x="${width - 24}" y="${height - 14}" text-anchor="end" font-size="20" fill="#57606a" font-family="DejaVu Sans, Arial, sans-serif">${esc(title)}</text>`);
  parts.push(`<g transform="translate(${width - 40} 30)"><path d="M0 -18 L8 10 L0 4 L-8 10 Z" fill="#3b4350"/><text y="26" text-anchor="middle" font-size="13" fill="#3b4350" font-family="DejaVu Sans, Arial, sans-serif">N</text></g>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#f4f2ec"/>${parts.join('')}</svg>`;
}

export async function renderPlanPng(rooms: PlanRoom[], title: string): Promise<Buffer> {
  return sharp(Buffer.from(renderPlanSvg(rooms, title))).png({ compressionLevel: 6 }).toBuffer();
}

export type FloorPick = { id: number; name: string; buildingName: string; siteName: string };

/**
 * Which floors get a demo plan: every floor (with rooms that have areas) of the biggest sites by
 * number of works, plus the busiest metro stations — enough to show the feature everywhere a
 * visitor is likely to look, without spending minutes at first start.
 */
export function floorsForDemoPlans(deps: Deps, opts: { sites?: number; stations?: number } = {}): FloorPick[] {
  const sqlite = deps.db.$client;
  const pick = (siteFilter: string, limit: number) =>
    sqlite
      .prepare(
        `with busiest as (
           select s.id from locations s join artworks a on a.site_id = s.id
            where s.kind = 'site' and ${siteFilter} and a.status != 'deaccessioned'
            group by s.id order by count(*) desc limit ?)
         select f.id, f.name, b.name as buildingName, s.name as siteName
           from locations f join locations b on b.id = f.parent_id join locations s on s.id = f.site_id
          where f.kind = 'floor' and f.site_id in (select id from busiest) and f.floor_plan_media_id is null
            and exists (select 1 from locations r where r.parent_id = f.id and r.kind = 'room' and r.plan_area is not null)
          order by s.id, b.name, f.code, f.id`,
      )
      .all(limit) as FloorPick[];
  return [...pick("s.site_type != 'station'", opts.sites ?? 5), ...pick("s.site_type = 'station'", opts.stations ?? 20)];
}

/** Renders, stores and links a plan for each floor; safe to run again (floors with a plan are skipped). */
export async function generateDemoFloorPlans(
  deps: Deps,
  opts: { sites?: number; stations?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<number> {
  const sqlite = deps.db.$client;
  const floors = floorsForDemoPlans(deps, opts);
  let done = 0;
  for (const f of floors) {
    if (opts.signal?.aborted) break;
    await drawDemoPlan(deps, f);
    opts.onProgress?.(++done, floors.length);
  }
  return done;
}

/** Draws, stores and links the plan of one floor (sets locations.floor_plan_media_id through the link). */
export async function drawDemoPlan(deps: Deps, f: FloorPick): Promise<number> {
  const sqlite = deps.db.$client;
  const rs = (sqlite.prepare("select name, code, plan_area as planArea from locations where parent_id = ? and kind = 'room' and plan_area is not null order by id").all(f.id) as {
    name: string;
    code: string | null;
    planArea: string;
  }[]).map((r) => ({ ...r, planArea: JSON.parse(r.planArea) as PlanArea }));
  const png = await renderPlanPng(rs, `${f.siteName} · ${f.buildingName} · ${f.name}`);
  const stored = await storeMedia(deps, { buffer: png, originalName: `planritning-${f.id}.png`, userId: null });
  linkMedia(sqlite, { mediaId: stored.mediaId, entityType: 'location', entityId: f.id, role: 'floor_plan', userId: null, caption: null, at: deps.clock.now().toISOString() });
  return stored.mediaId;
}

/**
 * After the first start of a demo installation, draws the demo plans in the background (like the
 * demo pictures; KONSTKOLL_DEMO_IMAGES=0 turns both off). Stops when the server stops.
 */
export function scheduleDemoFloorPlans(deps: Deps): void {
  if (deps.config.seed !== 'demo' || deps.config.demoImages === 0) return;
  const abort = new AbortController();
  deps.events.once('stopping', () => abort.abort());
  deps.events.once('started', () => {
    const hasAny = deps.db.$client.prepare("select 1 from locations where kind = 'floor' and floor_plan_media_id is not null limit 1").get();
    if (hasAny) return;
    const t0 = Date.now();
    generateDemoFloorPlans(deps, { signal: abort.signal }).then(
      (n) => n && deps.log.info(`demo floor plans: ${n} drawn in ${Date.now() - t0} ms`),
      (err: unknown) => deps.log.warn({ err }, 'demo floor plans failed'),
    );
  });
}
