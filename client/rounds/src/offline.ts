// Starting a round downloads everything it needs for use without network: the round with its items,
// the site's rooms (for "found elsewhere"), the floor plans and every thumbnail (into the cache the
// service worker answers /media/ from).
import * as api from './api.js';
import type { FloorPlan, Room, StoredRound } from './model.js';
import { getRound, putRound } from './store.js';

/** Must match MEDIA in ../sw.ts. */
export const MEDIA_CACHE = 'kk-rounds-media';

export type Progress = (done: number, total: number) => void;

export async function downloadRound(id: number, onProgress: Progress = () => {}): Promise<StoredRound> {
  // Ask the browser not to evict the phone's queue and pictures when space runs low.
  void navigator.storage?.persist?.().catch(() => false);
  const detail = await api.roundDetail(id);
  const [tree, floors] = await Promise.all([api.siteTree(detail.siteId), floorPlans(detail)]);
  const stored: StoredRound = { id, detail, rooms: roomsOf(tree.items), floors, downloadedAt: new Date().toISOString() };
  // The round is usable as soon as its data is stored; pictures follow.
  await putRound(stored);
  const urls = [...new Set([...detail.items.map((i) => i.work.thumbnailUrl), ...floors.map((f) => f.url)].filter((u): u is string => !!u))];
  await cacheAll(urls, onProgress);
  return stored;
}

/** Fresh server state of a round already on the phone (results from other phones, added items). */
export async function refreshRound(id: number): Promise<StoredRound | undefined> {
  const old = await getRound(id);
  if (!old) return downloadRound(id);
  const detail = await api.roundDetail(id);
  const next = { ...old, detail };
  await putRound(next);
  const known = new Set(old.detail.items.map((i) => i.work.thumbnailUrl));
  const added = detail.items.map((i) => i.work.thumbnailUrl).filter((u): u is string => !!u && !known.has(u));
  if (added.length) void cacheAll(added, () => {});
  return next;
}

async function floorPlans(detail: StoredRound['detail']): Promise<FloorPlan[]> {
  const ids = [...new Set(detail.items.map((i) => i.expectedLocation?.floorId).filter((f): f is number => f != null))];
  const plans = await Promise.all(ids.map((fid) => api.floorPlan(fid).catch(() => null)));
  return plans.flatMap((p) =>
    p ? [{ floorId: p.floor.id, name: p.floor.name, url: p.plan ? p.plan.url.replace(/\/large\.webp$/, '/medium.webp') : null, width: p.plan?.width ?? 1, height: p.plan?.height ?? 1 }] : [],
  );
}

function roomsOf(nodes: api.TreeNode[]): Room[] {
  const rooms: Room[] = [];
  const walk = (n: api.TreeNode, names: string[], floorId: number | null) => {
    const here = n.kind === 'site' ? [] : [...names, n.name];
    const floor = n.kind === 'floor' ? n.id : floorId;
    if (n.kind === 'room' && n.active) rooms.push({ id: n.id, name: n.name, path: here.join(' › '), floorId: floor });
    for (const c of n.children ?? []) walk(c, here, floor);
  };
  for (const n of nodes) walk(n, [], null);
  return rooms;
}

/** Fetches the pictures not cached yet, six at a time; a missing picture is skipped, not fatal. */
async function cacheAll(urls: string[], onProgress: Progress): Promise<void> {
  const cache = await caches.open(MEDIA_CACHE);
  let done = 0;
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      try {
        if (!(await cache.match(url))) await cache.add(url);
      } catch {
        // Offline or gone: the row shows its placeholder.
      }
      onProgress(++done, urls.length);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}
