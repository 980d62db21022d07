// The real app on a temporary SQLite file and uploads folder, listening on a free port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { migrateDatabase, openDatabase, type Db } from '../../db/connection.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Deps } from '../../server/deps.js';
import type { Role } from '../../server/users/permissions.js';
import { createUser } from '../../server/users/users.service.js';

export type TestApp = {
  baseUrl: string;
  db: Db;
  deps: Deps;
  dir: string;
  /** A signed-in HTTP client for a new user with this role (and optional site limits). */
  as(role: Role, opts?: { siteIds?: number[]; email?: string }): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
};

export type TestAppOptions = { works?: number; env?: Record<string, string>; now?: () => Date };

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-test-'));
  const config = loadConfig({
    KONSTKOLL_DB: path.join(dir, 'test.sqlite'),
    KONSTKOLL_UPLOADS: path.join(dir, 'uploads'),
    KONSTKOLL_SEED: 'none',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  fs.mkdirSync(config.uploadsDir, { recursive: true });
  const db = openDatabase(config.dbFile);
  migrateDatabase(db);
  if (opts.works) {
    const { seedDemo } = await import('../../scripts/seed-demo.js');
    seedDemo(db, { works: opts.works });
  }
  const app = createApp({ db, config, log: pino({ level: 'silent' }), ...(opts.now ? { clock: { now: opts.now } } : {}) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  const testApp: TestApp = {
    baseUrl,
    db,
    deps: app.locals.deps,
    dir,
    async as(role, o = {}) {
      const email = o.email ?? `${role}-${++n}-${Math.random().toString(36).slice(2, 8)}@test.konstkoll.se`;
      const password = 'correct horse battery';
      await createUser(db, { email, name: `Test ${role}`, role, password, siteIds: o.siteIds ?? [] }, null, new Date());
      const client = new Client(baseUrl);
      const res = await client.post('/api/session', { email, password });
      if (res.status !== 201) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
      client.csrf = res.body.csrfToken;
      client.userId = res.body.user.id;
      return client;
    },
    anonymous: () => new Client(baseUrl),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return testApp;
}

export type Res = { status: number; headers: Headers; body: any; text: string };

/** A tiny HTTP client with a cookie jar and the CSRF header, for API tests. */
export class Client {
  cookie = '';
  csrf = '';
  userId = 0;
  constructor(readonly baseUrl: string) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array) payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + url, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair) this.cookie = /=$/.test(pair) || /Expires=Thu, 01 Jan 1970/.test(c) ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}
