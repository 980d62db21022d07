// The field app's calls, over the web client's one HTTP client (CSRF header, problem+json errors).
import { get, request } from '../../src/api/client.js';
import type { FloorPlan as ServerFloorPlan } from '../../../server/map/map.schema.js';
import type { RoundDetail, RoundListEntry } from './model.js';

export type ResultEntry = { index: number; idempotencyKey: string; status: number; result?: { id: number; conditionCheckId: number | null }; problem?: { code?: string; detail?: string; title?: string } };

export const myOpenRounds = () => get<{ items: RoundListEntry[] }>('/api/rounds', { mine: 1, status: 'open' });
export const roundDetail = (id: number) => get<RoundDetail>(`/api/rounds/${id}`);
export const floorPlan = (id: number) => get<ServerFloorPlan>(`/api/floors/${id}/plan`);

export type TreeNode = { id: number; name: string; kind: string; active: boolean; children?: TreeNode[] };
export const siteTree = (siteId: number) => get<{ items: TreeNode[] }>('/api/locations', { site: siteId, tree: true });

/** A batch of queued results; each entry answers for itself (201/200 ok, 4xx refused). */
export const sendResults = (roundId: number, bodies: unknown[]) =>
  request<{ results: ResultEntry[] }>(`/api/rounds/${roundId}/results`, { method: 'POST', body: bodies }).then((r) => r.data.results);

export function uploadCheckPhoto(checkId: number, blob: Blob, name: string) {
  const form = new FormData();
  // Text fields first: the server checks the target before it stores a byte.
  form.set('entityType', 'condition_check');
  form.set('entityId', String(checkId));
  form.set('role', 'condition');
  form.append('files', blob, name);
  return request('/api/media', { method: 'POST', body: form });
}

/** A scanned work that is not on the list: its id by exact inventory number. */
export async function workByNumber(inventoryNumber: string, key: (n: string) => string): Promise<{ id: number; title: string } | null> {
  const page = await get<{ items: { id: number; inventoryNumber: string; title: string }[] }>('/api/artworks', { q: inventoryNumber, limit: 5 });
  return page.items.find((w) => key(w.inventoryNumber) === key(inventoryNumber)) ?? null;
}

export type ClosePreview = { summary: RoundDetail['summary']; toMarkMissing: unknown[]; toRecheck: unknown[]; missingSkipped: unknown[] };
export const closeRound = (id: number, confirm: boolean) =>
  request<ClosePreview>(`/api/rounds/${id}/close`, { method: 'POST', body: { confirm } }).then((r) => r.data);
