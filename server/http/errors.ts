// One error shape for the whole API: RFC 9457 problem+json with a stable dotted code.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';

export type FieldError = { path: string; message: string };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (code: string, detail: string, errors: FieldError[] = []) =>
  new HttpError(400, code, 'Bad request', detail, { errors });
export const validationError = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new HttpError(400, 'validation', 'Validation failed', detail, { errors });
export const unauthorized = (code = 'auth.required', detail = 'Sign in first.') => new HttpError(401, code, 'Unauthorized', detail);
export const forbidden = (code = 'auth.forbidden', detail = 'Your role does not allow this.') => new HttpError(403, code, 'Forbidden', detail);
export const notFound = (code: string, detail = 'No such record.') => new HttpError(404, code, 'Not found', detail);
export const conflict = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new HttpError(409, code, 'Conflict', detail, extra);
export const preconditionFailed = (code: string, current: unknown) =>
  new HttpError(412, code, 'Precondition failed', 'The record was changed by someone else; here is the current version.', { current });
export const preconditionRequired = () =>
  new HttpError(428, 'http.if_match_required', 'Precondition required', 'Send If-Match with the version you edited.');
export const unprocessable = (code: string, detail: string, errors: FieldError[] = []) =>
  new HttpError(422, code, 'Unprocessable', detail, { errors });
export const tooMany = (code: string, retryAfterSeconds: number) =>
  new HttpError(429, code, 'Too many requests', `Try again in ${retryAfterSeconds} s.`, {}, { 'Retry-After': String(retryAfterSeconds) });

export function zodToFieldErrors(err: ZodError, prefix = ''): FieldError[] {
  return err.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys ?? [] : [];
    const base = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const path = keys.length ? keys.map((k) => (base ? `${base}.${k}` : k)).join(',') : base;
    return { path: path || '(body)', message: keys.length ? `Unknown field: ${keys.join(', ')}` : i.message };
  });
}

export function sendProblem(res: Parameters<RequestHandler>[1], err: HttpError, instance?: string): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  res
    .status(err.status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', status: err.status, title: err.title, detail: err.detail, code: err.code, instance, ...err.extra }));
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound('http.route_not_found', `No route for ${req.method} ${req.path}`));
};

/** Maps body-parser, multer and zod errors to problem+json; hides stack traces of the unexpected. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendProblem(res, toHttpError(err, log, req.method, req.originalUrl), req.originalUrl);
  };
}

function toHttpError(err: unknown, log: Logger, method: string, url: string): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof ZodError) return validationError(zodToFieldErrors(err));
  const e = err as { type?: string; status?: number; code?: string; message?: string; field?: string };
  if (e?.type === 'entity.too.large') return new HttpError(413, 'http.body_too_large', 'Payload too large', 'The request body is too large.');
  if (e?.type === 'entity.parse.failed')
    return new HttpError(400, 'http.malformed_json', 'Bad request', 'The body is not valid JSON.', { errors: [{ path: '(body)', message: 'Malformed JSON' }] });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new HttpError(415, 'http.unsupported_encoding', 'Unsupported media type', 'Send UTF-8 JSON.');
  if (e?.code === 'LIMIT_FILE_SIZE' || e?.code === 'LIMIT_FILE_COUNT' || e?.code === 'LIMIT_PART_COUNT')
    return new HttpError(413, 'media.too_large', 'Payload too large', e.message ?? 'Too large.', { errors: [{ path: e.field ?? 'files', message: e.message ?? '' }] });
  if (e?.code === 'LIMIT_UNEXPECTED_FILE')
    return new HttpError(400, 'media.unexpected_field', 'Bad request', `Unexpected file field ${e.field ?? ''}`, { errors: [{ path: e.field ?? 'files', message: 'Unexpected file field' }] });
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return new HttpError(e.status, 'http.bad_request', 'Bad request', e.message ?? 'Bad request.');
  if (e?.code === 'ENOSPC' || e?.code === 'SQLITE_FULL' || e?.code === 'EDQUOT') {
    log.error({ err, method, url }, 'storage full');
    return new HttpError(507, 'storage.full', 'Insufficient storage', 'The server has run out of disk space; nothing was saved. Tell the administrator.');
  }
  if (e?.code === 'SQLITE_BUSY') {
    log.warn({ err, method, url }, 'database busy');
    return new HttpError(503, 'db.busy', 'Service unavailable', 'The database is busy; try again.', {}, { 'Retry-After': '1' });
  }
  log.error({ err, method, url }, 'unexpected error');
  return new HttpError(500, 'internal', 'Internal server error', 'Something went wrong on the server; it has been logged.');
}
