// The order a person walks a subtree in: site › building › floor › room (siblings by code, then
// name, naturally: "Rum 2" before "Rum 10"), and within a room a serpentine over the floor plan.
import type Database from 'better-sqlite3';
import { subtreeRange } from '../locations/locations.queries.js';

export type SubtreeNode = { id: number; parentId: number | null; path: string; code: string | null; name: string; kind: string; active: number; planArea: string | null };
export type PlacedWork = { id: number; locationId: number; posX: number | null; posY: number | null; inventoryNumber: string };

const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/** Nodes of the union of the given subtrees (an ancestor given with its descendant counts once). */
export function subtreeNodes(sqlite: Database.Database, rootPaths: string[]): SubtreeNode[] {
  const stmt = sqlite.prepare(
    `select id, parent_id as parentId, path, code, name, kind, active, plan_area as planArea from locations where path >= ? and path < ?`,
  );
  const byId = new Map<number, SubtreeNode>();
  for (const p of rootPaths) for (const n of stmt.all(...subtreeRange(p)) as SubtreeNode[]) byId.set(n.id, n);
  return [...byId.values()];
}

/** Depth-first rank of every node: a parent before its children, siblings in natural code/name order. */
export function walkingRanks(nodes: SubtreeNode[]): Map<number, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<number | null, SubtreeNode[]>();
  for (const n of nodes) {
    const parent = n.parentId != null && ids.has(n.parentId) ? n.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const bySibling = (a: SubtreeNode, b: SubtreeNode) =>
    collator.compare(a.code ?? a.name, b.code ?? b.name) || collator.compare(a.name, b.name) || a.id - b.id;
  const ranks = new Map<number, number>();
  const stack = [...(children.get(null) ?? [])].sort(bySibling).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    ranks.set(n.id, ranks.size);
    stack.push(...[...(children.get(n.id) ?? [])].sort(bySibling).reverse());
  }
  return ranks;
}

/** Bands across the room (top to bottom); left→right in even bands, right→left in odd ones. */
const BANDS = 3;

/** Sorts works into walking order; works without a spot come last in their room, by inventory number. */
export function sortForWalking<W extends PlacedWork>(works: W[], nodes: SubtreeNode[]): W[] {
  const ranks = walkingRanks(nodes);
  const areas = new Map<number, { y: number; h: number }>();
  for (const n of nodes) {
    const a = n.planArea ? (JSON.parse(n.planArea) as { y: number; h: number }) : null;
    areas.set(n.id, a && a.h > 0 ? a : { y: 0, h: 1 });
  }
  const key = (w: W) => {
    const rank = ranks.get(w.locationId) ?? Number.MAX_SAFE_INTEGER;
    if (w.posX == null || w.posY == null) return { rank, placed: 1, band: 0, x: 0 };
    const area = areas.get(w.locationId) ?? { y: 0, h: 1 };
    const band = Math.max(0, Math.min(BANDS - 1, Math.floor(((w.posY - area.y) / area.h) * BANDS)));
    return { rank, placed: 0, band, x: band % 2 === 0 ? w.posX : -w.posX };
  };
  const keys = new Map(works.map((w) => [w.id, key(w)]));
  return [...works].sort((a, b) => {
    const ka = keys.get(a.id)!;
    const kb = keys.get(b.id)!;
    return ka.rank - kb.rank || ka.placed - kb.placed || ka.band - kb.band || ka.x - kb.x || collator.compare(a.inventoryNumber, b.inventoryNumber) || a.id - b.id;
  });
}
