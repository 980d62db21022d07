// Keyset pagination with opaque, signed cursors: a forged or foreign cursor is a 400.
import crypto from 'node:crypto';
import { z } from 'zod';
import { badRequest } from './errors.js';

export const MAX_LIMIT = 200;
export const limitSchema = z.coerce.number().int().min(1).max(MAX_LIMIT).default(50);

export type CursorCodec = {
  encode(value: unknown): string;
  decode<S extends z.ZodType>(cursor: string, schema: S): z.infer<S>;
};

export function cursorCodec(secret: string): CursorCodec {
  const sign = (payload: string) => crypto.createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 16);
  return {
    encode(value) {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    decode(cursor, schema) {
      const [payload, mac] = cursor.split('.');
      const fail = () => badRequest('pagination.bad_cursor', 'The cursor is not valid; start from the first page.', [{ path: 'cursor', message: 'Invalid or stale cursor' }]);
      if (!payload || !mac || mac.length !== 16) throw fail();
      const expected = sign(payload);
      if (!crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) throw fail();
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw fail();
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw fail();
      return parsed.data;
    },
  };
}

export type Page<T> = { items: T[]; nextCursor: string | null; total: number; facets?: Record<string, unknown> };
