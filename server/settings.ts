// Settings stored with the data.
import crypto from 'node:crypto';
import type { Db } from '../db/connection.js';

export function getOrCreateSecret(db: Db, key: string): string {
  const sqlite = db.$client;
  const existing = sqlite.prepare('select value from settings where key = ?').pluck().get(key) as string | undefined;
  if (existing) return existing;
  const value = crypto.randomBytes(32).toString('hex');
  sqlite.prepare('insert or ignore into settings (key, value) values (?, ?)').run(key, value);
  return sqlite.prepare('select value from settings where key = ?').pluck().get(key) as string;
}

export function getSetting(db: Db, key: string): string | undefined {
  return db.$client.prepare('select value from settings where key = ?').pluck().get(key) as string | undefined;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.$client.prepare('insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value').run(key, value);
}
