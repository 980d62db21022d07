// The one typed HTTP client every view uses: JSON in and out, the CSRF header, and one place
// that turns problem+json into typed errors (field errors, 401 → sign in, 412 → conflict).

export type FieldError = { path: string; message: string };

export type Problem = {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  current?: unknown;
};

/** Any non-2xx answer. `fieldErrors` maps a field path ("title", "artists.0.id") to its message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: Record<string, string>;
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.code = problem.code ?? `http.${problem.status}`;
    this.fieldErrors = {};
    for (const e of problem.errors ?? []) {
      // "a,b" is how the server names several unknown keys at once.
      for (const p of e.path.split(',')) this.fieldErrors[p] ??= e.message;
    }
  }
}

/** 412: someone else saved first. `current` is their version of the record. */
export class ConflictError<T = unknown> extends ApiError {
  readonly current: T;
  constructor(problem: Problem) {
    super(problem);
    this.current = problem.current as T;
  }
}

/** The network itself failed (server down, offline). */
export class NetworkError extends Error {}

export const UNAUTHORIZED_EVENT = 'kk-unauthorized';

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null | readonly (string | number)[]>;
  /** Version for optimistic concurrency: sent as If-Match: "<version>". */
  ifMatch?: number;
  signal?: AbortSignal;
  /** Don't raise the app-wide "sign in" event on 401 (the login form handles it itself). */
  quiet401?: boolean;
};

export type Response<T> = { data: T; etag: string | null; status: number };

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<Response<T>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
  let res: globalThis.Response;
  try {
    // no-store: a record's ETag is its version, but its detail view also holds things that change
    // without a new version (latest check, pictures), so a revalidated cached copy could be stale.
    res = await fetch(path + buildQuery(opts.query), { method, headers, body, signal: opts.signal ?? null, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new NetworkError((e as Error).message);
  }
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const parsed: unknown = text && type.includes('json') ? JSON.parse(text) : text;
  if (!res.ok) throw toError(res.status, parsed, opts);
  return { data: parsed as T, etag: res.headers.get('etag'), status: res.status };
}

function toError(status: number, parsed: unknown, opts: RequestOptions): ApiError {
  const problem: Problem = typeof parsed === 'object' && parsed ? { ...(parsed as Problem), status } : { status, detail: String(parsed || '') };
  if (status === 401 && !opts.quiet401) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
  if (status === 412) return new ConflictError(problem);
  return new ApiError(problem);
}

export const get = <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
  request<T>(path, { query, signal }).then((r) => r.data);

/** Version from an ETag header ("3" or W/"3"). */
export function versionOf(etag: string | null): number | undefined {
  const m = etag ? /(\d+)/.exec(etag) : null;
  return m ? Number(m[1]) : undefined;
}

export type UploadProgress = (loaded: number, total: number) => void;

/**
 * Multipart upload with progress. fetch() cannot report upload progress, so this one call
 * uses XMLHttpRequest — still in this module, with the same error mapping.
 */
export function upload<T>(path: string, form: FormData, onProgress: UploadProgress, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      const type = xhr.getResponseHeader('content-type') ?? '';
      let parsed: unknown = xhr.responseText;
      if (type.includes('json') && xhr.responseText) parsed = JSON.parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(toError(xhr.status, parsed, {}));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
