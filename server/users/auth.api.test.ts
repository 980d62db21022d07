import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, Client } from '../../tests/helpers/test-app.js';
import { ROLE_MATRIX, type Permission, type Role } from './permissions.js';
import { createUser } from './users.service.js';

let t: TestApp;
let clockOffsetMs = 0;
beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(Date.now() + clockOffsetMs) });
});
afterAll(() => t.close());

const concrete = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => (name.toLowerCase().includes('type') ? 'artwork' : name === 'sha256' ? 'a'.repeat(64) : name === 'size' ? 'thumb' : name === 'inventoryNumber' ? 'SLL1' : '1')).replace(/\*\w+/g, 'x');

describe('every route is protected', () => {
  it('the route table is not empty and every route names a permission', () => {
    expect(t.deps.routes.length).toBeGreaterThan(5);
    for (const r of t.deps.routes) expect(r.permission).toBeTruthy();
  });

  it('answers 401 problem+json to a caller who is not signed in, on every non-public route', async () => {
    const anon = t.anonymous();
    const failures: string[] = [];
    for (const r of t.deps.routes.filter((r) => r.permission !== 'public')) {
      const res = await anon.request(r.method.toUpperCase(), concrete(r.path), r.method === 'get' ? undefined : {});
      if (res.status !== 401 || res.body?.code !== 'auth.required') failures.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to a role without the permission, on every route', async () => {
    const roles = Object.keys(ROLE_MATRIX) as Role[];
    const clients = new Map<Role, Client>();
    for (const role of roles) clients.set(role, await t.as(role));
    const failures: string[] = [];
    let checked = 0;
    for (const r of t.deps.routes) {
      if (r.permission === 'public' || r.permission === 'session') continue;
      for (const role of roles) {
        if (ROLE_MATRIX[role][r.permission as Exclude<Permission, 'public' | 'session'>]) continue;
        const res = await clients.get(role)!.request(r.method.toUpperCase(), concrete(r.path), r.method === 'get' ? undefined : {});
        checked++;
        if (res.status !== 403 || res.body?.code !== 'auth.forbidden') failures.push(`${role} ${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});

describe('login and sessions', () => {
  it('signs in, tells who I am with a CSRF token, and signs out', async () => {
    const c = await t.as('curator');
    const me = await c.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('curator');
    expect(me.body.csrfToken).toBe(c.csrf);
    expect((await c.delete('/api/session')).status).toBe(204);
    expect((await c.get('/api/session')).status).toBe(401);
  });

  it('sets an HttpOnly SameSite=Lax cookie and stores only a hash of the session id', async () => {
    const email = 'cookie@test.konstkoll.se';
    await createUser(t.db, { email, name: 'C', role: 'viewer', password: 'long enough pw' }, null, new Date());
    const res = await fetch(`${t.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'long enough pw' }) });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = /kk_session=([^;]+)/.exec(cookie)![1]!;
    const stored = t.db.$client.prepare('select id_hash from sessions').pluck().all() as string[];
    expect(stored).not.toContain(token);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('refuses a state-changing request without or with a wrong CSRF token', async () => {
    const c = await t.as('admin');
    const body = { email: 'x1@test.konstkoll.se', name: 'X', role: 'viewer', password: 'long enough pw' };
    const missing = await c.post('/api/users', body, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('auth.csrf');
    const wrong = await c.post('/api/users', body, { 'x-csrf-token': 'nope' });
    expect(wrong.status).toBe(403);
    expect((await c.post('/api/users', body)).status).toBe(201);
  });

  it('a session id from before login is not valid after login', async () => {
    const first = await t.as('viewer', { email: 'fix@test.konstkoll.se' });
    const oldCookie = first.cookie;
    const again = await first.post('/api/session', { email: 'fix@test.konstkoll.se', password: 'correct horse battery' });
    expect(again.status).toBe(201);
    expect(first.cookie).not.toBe(oldCookie);
    const stale = new Client(t.baseUrl);
    stale.cookie = oldCookie;
    expect((await stale.get('/api/session')).status).toBe(401);
  });

  it('an expired session gets 401', async () => {
    const c = await t.as('viewer');
    clockOffsetMs = 13 * 3600_000; // default TTL is 12 h
    try {
      const res = await c.get('/api/session');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('auth.required');
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('locks an account out with 429 and Retry-After after repeated wrong passwords', async () => {
    const email = 'brute@test.konstkoll.se';
    await createUser(t.db, { email, name: 'B', role: 'viewer', password: 'the right password' }, null, new Date());
    const anon = t.anonymous();
    for (let i = 0; i < 5; i++) expect((await anon.post('/api/session', { email, password: `wrong ${i}` })).status).toBe(401);
    const locked = await anon.post('/api/session', { email, password: 'the right password' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.code).toBe('auth.rate_limited');
  });

  it.each([
    ['an over-long email', { email: `${'a'.repeat(300)}@x.se`, password: 'whatever1' }, 'email'],
    ['a malformed email', { email: 'not-an-email', password: 'whatever1' }, 'email'],
    ['an over-long password', { email: 'a@b.se', password: 'p'.repeat(5000) }, 'password'],
    ['a password of the wrong type', { email: 'a@b.se', password: 12345 }, 'password'],
    ['an unknown field', { email: 'a@b.se', password: 'x', admin: true }, 'admin'],
  ])('rejects %s with 400 naming the field', async (_name, body, field) => {
    const res = await t.anonymous().post('/api/session', body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path).join(' ')).toContain(field);
  });

  it('a disabled user cannot sign in and loses open sessions', async () => {
    const admin = await t.as('admin');
    const victim = await t.as('viewer', { email: 'leaver@test.konstkoll.se' });
    const user = await admin.get(`/api/users/${victim.userId}`);
    const res = await admin.patch(`/api/users/${victim.userId}`, { disabled: true }, { 'if-match': `"${user.body.version}"` });
    expect(res.status).toBe(200);
    expect((await victim.get('/api/session')).status).toBe(401);
    const again = await t.anonymous().post('/api/session', { email: 'leaver@test.konstkoll.se', password: 'correct horse battery' });
    expect(again.status).toBe(401);
  });

  it('changing the password ends the other sessions but keeps this one', async () => {
    const a = await t.as('viewer', { email: 'pw@test.konstkoll.se' });
    const b = new Client(t.baseUrl);
    const login = await b.post('/api/session', { email: 'pw@test.konstkoll.se', password: 'correct horse battery' });
    b.csrf = login.body.csrfToken;
    const res = await a.post('/api/session/password', { currentPassword: 'correct horse battery', newPassword: 'an even better one' });
    expect(res.status).toBe(204);
    expect((await a.get('/api/session')).status).toBe(200);
    expect((await b.get('/api/session')).status).toBe(401);
  });

  it('sees a role, a site limit or a session changed by another process at once (the CLI, a second server)', async () => {
    const c = await t.as('curator', { email: 'elsewhere@test.konstkoll.se' });
    expect((await c.get('/api/audit')).status).toBe(403);
    expect((await c.get('/api/session')).body.user.siteIds).toBeNull();
    const other = new Database(t.deps.config.dbFile);
    try {
      other.prepare("update users set role = 'admin' where id = ?").run(c.userId);
      expect((await c.get('/api/audit')).status).toBe(200);
      const created = await (await t.as('admin')).post('/api/locations', { kind: 'site', name: 'Annan plats', siteType: 'hospital' });
      const site = created.body.id as number;
      other.prepare('insert into user_sites (user_id, site_id) values (?, ?)').run(c.userId, site);
      expect((await c.get('/api/session')).body.user.siteIds).toEqual([site]);
      other.prepare('delete from sessions where user_id = ?').run(c.userId);
      expect((await c.get('/api/session')).status).toBe(401);
    } finally {
      other.close();
    }
  });

  it('records who created an account in the audit log, readable by an admin only', async () => {
    const admin = await t.as('admin');
    await admin.post('/api/users', { email: 'audited@test.konstkoll.se', name: 'A', role: 'viewer', password: 'long enough pw' });
    const log = await admin.get('/api/audit?entity=user');
    expect(log.status).toBe(200);
    const row = log.body.items.find((i: { after: { email?: string } }) => i.after?.email === 'audited@test.konstkoll.se');
    expect(row).toMatchObject({ action: 'create', entityType: 'user', userId: admin.userId });
    expect((await (await t.as('curator')).get('/api/audit')).status).toBe(403);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
