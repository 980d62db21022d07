// Condition checks.
import { get, request } from './client.js';
import type { ConditionCheck, CreateCheckBody } from '../../../server/conditions/conditions.schema.js';

export type { ConditionCheck, CreateCheckBody };
export const createCheck = (body: CreateCheckBody) => request<ConditionCheck>('/api/condition-checks', { method: 'POST', body }).then((r) => r.data);
export const listChecks = (artwork: number, signal?: AbortSignal) =>
  get<{ items: ConditionCheck[]; total: number; nextCursor: string | null }>('/api/condition-checks', { artwork, limit: 100 }, signal);
