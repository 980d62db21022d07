// Accounts: create, reset, verify passwords, open and end sessions.
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../audit/audit.js';
import { conflict } from '../http/errors.js';
import { hashToken, randomToken } from './auth.js';
import type { Role } from './permissions.js';

export const hashPassword = (password: string) => hash(password);
// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash('not-a-real-password-xyz');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A readable random password: 4 groups of 5 letters/digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

export type NewUser = { email: string; name: string; role: Role; password: string; siteIds?: number[] };

export async function createUser(db: Db, input: NewUser, actorId: number | null, now: Date): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const exists = sqlite.prepare('select id from users where email = ?').get(input.email);
    if (exists) throw conflict('user.email_taken', 'An account with this email already exists.');
    const at = now.toISOString();
    const id = Number(
      sqlite
        .prepare('insert into users (email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
        .run(input.email, input.name, input.role, passwordHash, at, at).lastInsertRowid,
    );
    const addSite = sqlite.prepare('insert into user_sites (user_id, site_id) values (?, ?)');
    for (const siteId of input.siteIds ?? []) addSite.run(id, siteId);
    recordAudit(sqlite, {
      at,
      userId: actorId,
      action: 'create',
      entityType: 'user',
      entityId: id,
      after: { email: input.email, name: input.name, role: input.role, siteIds: input.siteIds ?? [] },
    });
    return id;
  })();
}

/** Sets a new password and ends every session of the user except `keepSessionHash`. */
export async function setPassword(db: Db, userId: number, password: string, actorId: number | null, now: Date, keepSessionHash?: string) {
  const passwordHash = await hashPassword(password);
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const at = now.toISOString();
    sqlite.prepare('update users set password_hash = ?, version = version + 1, updated_at = ? where id = ?').run(passwordHash, at, userId);
    sqlite.prepare('delete from sessions where user_id = ? and id_hash != ?').run(userId, keepSessionHash ?? '');
    recordAudit(sqlite, { at, userId: actorId, action: 'password_change', entityType: 'user', entityId: userId });
  })();
}

export function openSession(db: Db, userId: number, now: Date, ttlHours: number): { token: string; csrfToken: string; expiresAt: string } {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
  const sqlite = db.$client;
  sqlite.transaction(() => {
    sqlite.prepare('delete from sessions where expires_at <= ?').run(now.toISOString());
    sqlite
      .prepare('insert into sessions (id_hash, user_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)')
      .run(hashToken(token), userId, csrfToken, now.toISOString(), expiresAt);
  })();
  return { token, csrfToken, expiresAt };
}

export function endSession(db: Db, token: string): void {
  db.$client.prepare('delete from sessions where id_hash = ?').run(hashToken(token));
}
