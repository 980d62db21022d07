// Batch edits: preview how many works change, apply as one undoable batch, undo.
import { request } from './client.js';
import type { BatchBody } from '../../../server/batches/batches.schema.js';

export type { BatchBody, BatchChange } from '../../../server/batches/batches.schema.js';
export type BatchPreview = { matched: number; changed: number; unchanged: number; sampleIds: number[] };
export type Batch = { id: string; kind: string; matched: number; changed: number; userName: string | null; createdAt: string; undoneAt: string | null; undoable: boolean; changedSince: number };

export const previewBatch = (body: BatchBody) => request<BatchPreview>('/api/batches/preview', { method: 'POST', body }).then((r) => r.data);
export const applyBatch = (body: BatchBody) => request<Batch>('/api/batches', { method: 'POST', body }).then((r) => r.data);
export const undoBatch = (id: string) => request<Batch & { restored: number }>(`/api/batches/${id}/undo`, { method: 'POST' }).then((r) => r.data);
