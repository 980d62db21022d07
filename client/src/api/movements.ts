// Moving works between locations.
import { request } from './client.js';
import type { MoveBody } from '../../../server/movements/movements.schema.js';

export type { MoveBody };
export const moveWorks = (body: MoveBody) => request<unknown>('/api/movements', { method: 'POST', body }).then((r) => r.data);
