// Login/logout/who-am-I, own password, and account administration.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound, tooMany, unauthorized, validationError } from '../http/errors.js';
import { createRateLimiter } from '../http/rate-limit.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, requireIfMatch } from '../http/validate.js';
import { recordAudit } from '../audit/audit.js';
import { currentUser, readCookie, SESSION_COOKIE, type AuthUser } from './auth.js';
import { ChangePasswordBody, CreateUserBody, LoginBody, UpdateUserBody } from './users.schema.js';
import { createUser, endSession, openSession, setPassword, verifyPassword } from './users.service.js';
import { preconditionFailed } from '../http/errors.js';
import { stmt } from '../../db/statements.js';

const LOGIN_WINDOW_MS = 15 * 60_000;

export function sessionRoutes(deps: Deps) {
  const { db, clock, config } = deps;
  const r = secureRouter(deps.routes, '/api/session');
  const perAccount = createRateLimiter({ windowMs: LOGIN_WINDOW_MS, max: 5 });
  const perAddress = createRateLimiter({ windowMs: LOGIN_WINDOW_MS, max: 30 });
  const findUser = db.$client.prepare('select id, password_hash as passwordHash, disabled from users where email = ?');

  r.post('/', 'public', async (req: Request, res: Response) => {
    const body = parseBody(LoginBody, req);
    const address = req.ip ?? 'unknown';
    const wait = Math.max(perAccount.retryAfter(body.email), perAddress.retryAfter(address));
    if (wait) throw tooMany('auth.rate_limited', wait);
    const user = findUser.get(body.email) as { id: number; passwordHash: string; disabled: number } | undefined;
    const ok = await verifyPassword(user?.passwordHash, body.password);
    if (!user || !ok || user.disabled) {
      perAccount.hit(body.email);
      perAddress.hit(address);
      throw unauthorized('auth.invalid_credentials', 'Wrong email or password, or the account is disabled.');
    }
    perAccount.reset(body.email);
    // A session id from before login never survives it (no session fixation).
    const previous = readCookie(req, SESSION_COOKIE);
    if (previous) endSession(db, previous);
    const session = openSession(db, user.id, clock.now(), config.sessionTtlHours);
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      expires: new Date(session.expiresAt),
    });
    res.status(201).json(whoAmI(deps, user.id, session.csrfToken));
  });

  r.get('/', 'session', (req, res) => {
    const user = currentUser(req);
    res.json(whoAmI(deps, user.id, user.csrfToken));
  });

  r.delete('/', 'session', (req, res) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) endSession(db, token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  r.post('/password', 'session', async (req, res) => {
    const user = currentUser(req);
    const body = parseBody(ChangePasswordBody, req);
    const row = findUser.get(user.email) as { passwordHash: string };
    if (!(await verifyPassword(row.passwordHash, body.currentPassword)))
      throw validationError([{ path: 'currentPassword', message: 'Wrong password' }]);
    await setPassword(db, user.id, body.newPassword, user.id, clock.now(), user.sessionHash);
    res.status(204).end();
  });

  return r.router;
}

function whoAmI(deps: Deps, userId: number, csrfToken: string) {
  const row = stmt(deps.db.$client, 'select id, email, name, role from users where id = ?').get(userId) as Omit<AuthUser, 'siteIds'>;
  const siteIds = stmt(deps.db.$client, 'select site_id from user_sites where user_id = ?', 'pluck').all(userId) as number[];
  return { user: { ...row, siteIds: siteIds.length ? siteIds : null }, csrfToken };
}

const IdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export function userRoutes(deps: Deps) {
  const { db, clock } = deps;
  const sqlite = db.$client;
  const r = secureRouter(deps.routes, '/api/users');
  const selectUser = sqlite.prepare('select id, email, name, role, disabled, version, created_at as createdAt, updated_at as updatedAt from users where id = ?');
  const sitesOf = sqlite.prepare('select site_id from user_sites where user_id = ?').pluck();
  type UserRow = { id: number; email: string; name: string; role: string; disabled: number; version: number; createdAt: string; updatedAt: string };
  const load = (id: number) => {
    const row = selectUser.get(id) as UserRow | undefined;
    if (!row) throw notFound('user.not_found');
    return { ...row, disabled: Boolean(row.disabled), siteIds: sitesOf.all(id) as number[] };
  };

  r.get('/', 'users.manage', (_req, res) => {
    const ids = sqlite.prepare('select id from users order by email').pluck().all() as number[];
    const items = ids.map(load);
    res.json({ items, nextCursor: null, total: items.length });
  });

  r.post('/', 'users.manage', async (req, res) => {
    const body = parseBody(CreateUserBody, req);
    const id = await createUser(db, body, currentUser(req).id, clock.now());
    res.status(201).setHeader('ETag', `"1"`).json(load(id));
  });

  r.get('/:id', 'users.manage', (req, res) => {
    const { id } = parse(IdParams, req.params);
    const user = load(id);
    res.setHeader('ETag', `"${user.version}"`).json(user);
  });

  r.patch('/:id', 'users.manage', async (req, res) => {
    const { id } = parse(IdParams, req.params);
    const expected = requireIfMatch(req);
    const body = parseBody(UpdateUserBody, req);
    const actor = currentUser(req);
    const before = load(id);
    if (before.version !== expected) throw preconditionFailed('user.version_conflict', before);
    if (body.password) await setPassword(db, id, body.password, actor.id, clock.now());
    const at = clock.now().toISOString();
    sqlite.transaction(() => {
      const current = load(id);
      if (current.version !== expected + (body.password ? 1 : 0)) throw preconditionFailed('user.version_conflict', current);
      sqlite
        .prepare('update users set name = coalesce(?, name), role = coalesce(?, role), disabled = coalesce(?, disabled), version = version + 1, updated_at = ? where id = ?')
        .run(body.name ?? null, body.role ?? null, body.disabled === undefined ? null : Number(body.disabled), at, id);
      if (body.siteIds) {
        sqlite.prepare('delete from user_sites where user_id = ?').run(id);
        const add = sqlite.prepare('insert into user_sites (user_id, site_id) values (?, ?)');
        for (const s of body.siteIds) add.run(id, s);
      }
      // Disabling or a role change ends the user's open sessions.
      if (body.disabled || (body.role && body.role !== current.role)) sqlite.prepare('delete from sessions where user_id = ?').run(id);
      const { password: _p, ...auditable } = body;
      recordAudit(sqlite, { at, userId: actor.id, action: 'update', entityType: 'user', entityId: id, before: current, after: { ...current, ...auditable } });
    })();
    const after = load(id);
    res.setHeader('ETag', `"${after.version}"`).json(after);
  });

  return r.router;
}
