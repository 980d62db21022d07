// The missing-works follow-up (GET /api/missing, steps, found again).
import { get, request } from './client.js';
import type { FoundInput, MissingItem, MissingListResponse, MissingStep, StepInput } from '../../../server/missing/missing.schema.js';

export type { MissingItem, MissingListResponse, MissingStep, StepInput };
export { STEP_KINDS } from '../../../server/missing/missing.schema.js';

export const listMissing = (q: { site?: number; overdue?: boolean; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
  get<MissingListResponse>('/api/missing', { limit: 50, ...q }, signal);

export const addStep = (artworkId: number, body: StepInput) => request<MissingStep>(`/api/missing/${artworkId}/steps`, { method: 'POST', body }).then((r) => r.data);

export const markFound = (artworkId: number, body: FoundInput) =>
  request<{ artworkId: number; status: string; movementId: number | null; location: string; step: MissingStep }>(`/api/missing/${artworkId}/found`, { method: 'POST', body }).then((r) => r.data);
