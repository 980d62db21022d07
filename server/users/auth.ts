// Sessions from the cookie, permission checks and CSRF, and site limits.
import crypto from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Db } from '../../db/connection.js';
import { forbidden, unauthorized } from '../http/errors.js';
import { roleAllows, type Permission, type Role } from './permissions.js';

export const SESSION_COOKIE = 'kk_session';

export type AuthUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** null = every site; otherwise the only sites this user may see and act on. */
  siteIds: number[] | null;
  sessionHash: string;
  csrfToken: string;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: AuthUser;
    }
  }
}

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

type SessionRow = { sessionHash: string; csrfToken: string; expiresAt: string; id: number; email: string; name: string; role: Role; disabled: number };

/**
 * Loads the signed-in user (if any) onto req.user; an expired session is removed. Sessions looked up
 * are kept in memory until auth_epoch moves (its triggers fire on any change to sessions, users or
 * their sites, from any writer), so most requests read one row instead of running two queries.
 */
export function sessionMiddleware(db: Db, now: () => Date): RequestHandler {
  const sqlite = db.$client;
  const find = sqlite.prepare(
    `select s.id_hash as sessionHash, s.csrf_token as csrfToken, s.expires_at as expiresAt,
            u.id, u.email, u.name, u.role, u.disabled
       from sessions s join users u on u.id = s.user_id where s.id_hash = ?`,
  );
  const sites = sqlite.prepare('select site_id as siteId from user_sites where user_id = ?').pluck();
  const drop = sqlite.prepare('delete from sessions where id_hash = ?');
  const epoch = sqlite.prepare('select n from auth_epoch where id = 1').pluck();
  let known = new Map<string, { row: SessionRow; siteIds: number[] | null }>();
  let knownEpoch = -1;
  const KNOWN_MAX = 10_000;
  return (req, _res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || token.length > 200) return next();
    const e = epoch.get() as number;
    if (e !== knownEpoch || known.size >= KNOWN_MAX) (known = new Map()), (knownEpoch = e);
    let hit = known.get(token);
    if (!hit) {
      const row = find.get(hashToken(token)) as SessionRow | undefined;
      if (!row) return next();
      const siteIds = sites.all(row.id) as number[];
      hit = { row, siteIds: siteIds.length ? siteIds : null };
      if (!row.disabled) known.set(token, hit);
    }
    const { row, siteIds } = hit;
    if (row.disabled || row.expiresAt <= now().toISOString()) {
      drop.run(row.sessionHash);
      return next();
    }
    req.user = {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      siteIds: siteIds ? [...siteIds] : null,
      sessionHash: row.sessionHash,
      csrfToken: row.csrfToken,
    };
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 401 without a session, 403 on a missing/wrong CSRF token or a role without the permission. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (permission === 'public') return next();
    const user = req.user;
    if (!user) throw unauthorized();
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.get('x-csrf-token') ?? '';
      const ok = sent.length === user.csrfToken.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(user.csrfToken));
      if (!ok) throw forbidden('auth.csrf', 'Missing or wrong X-CSRF-Token header.');
    }
    if (!roleAllows(user.role, permission)) throw forbidden();
    next();
  };
}

export function currentUser(req: Request): AuthUser {
  if (!req.user) throw unauthorized();
  return req.user;
}

export const canSeeSite = (user: AuthUser, siteId: number | null | undefined) =>
  user.siteIds === null || (siteId != null && user.siteIds.includes(siteId));

/** Throws 403 when a site-limited user reaches for another site's record. */
export function assertSite(user: AuthUser, siteId: number | null | undefined): void {
  if (!canSeeSite(user, siteId)) throw forbidden('auth.site_forbidden', 'Your account is limited to other sites.');
}
