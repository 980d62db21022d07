// Parses request parts with zod; a failure becomes a 400 naming each field.
import type { Request } from 'express';
import type { z } from 'zod';
import { preconditionRequired, validationError, zodToFieldErrors } from './errors.js';

export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(zodToFieldErrors(result.error, prefix));
  return result.data;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.body ?? {});
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.query);
export const parseParams = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.params);

/** Reads `If-Match: "<version>"` (also W/"n" or a bare number); missing → 428. */
export function requireIfMatch(req: Request): number {
  const header = req.get('if-match');
  if (!header) throw preconditionRequired();
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw validationError([{ path: 'If-Match', message: 'Expected "<version>", e.g. "3"' }]);
  return Number(m[1]);
}
