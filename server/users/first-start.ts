// On first start (no users at all) create an admin with a random password, printed once.
import type { Db } from '../../db/connection.js';
import { createUser, generatePassword } from './users.service.js';

export async function ensureFirstAdmin(db: Db, now: Date, print: (line: string) => void): Promise<void> {
  const admins = db.$client.prepare("select count(*) from users where role = 'admin'").pluck().get() as number;
  if (admins > 0) return;
  const password = generatePassword();
  await createUser(db, { email: 'admin@konstkoll.local', name: 'Administrator', role: 'admin', password }, null, now);
  print('');
  print('  First start: an administrator account was created. This password is shown only once:');
  print(`    email:    admin@konstkoll.local`);
  print(`    password: ${password}`);
  print('  Change it after signing in, or reset it with: npm run user -- reset admin@konstkoll.local');
  print('');
}
