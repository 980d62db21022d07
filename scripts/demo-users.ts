// One demo account per role, created with the demo collection; passwords printed once.
import type { Db } from '../db/connection.js';
import { createUser, generatePassword } from '../server/users/users.service.js';
import type { Role } from '../server/users/permissions.js';

export const DEMO_USERS: { email: string; name: string; role: Role; siteLimited?: boolean }[] = [
  { email: 'admin@demo.konstkoll.se', name: 'Alva Admin', role: 'admin' },
  { email: 'intendent@demo.konstkoll.se', name: 'Ingrid Intendent', role: 'curator' },
  { email: 'konservator@demo.konstkoll.se', name: 'Karl Konservator', role: 'conservator' },
  { email: 'projektledare@demo.konstkoll.se', name: 'Petra Projektledare', role: 'project_lead' },
  { email: 'lasare@demo.konstkoll.se', name: 'Leo Läsare', role: 'viewer' },
  { email: 'kontakt@demo.konstkoll.se', name: 'Sara Sjukhuskontakt', role: 'conservator', siteLimited: true },
];

export async function createDemoUsers(db: Db, print: (line: string) => void): Promise<{ email: string; password: string }[]> {
  const firstSite = db.$client.prepare("select id from locations where kind = 'site' and site_type = 'hospital' order by id limit 1").pluck().get() as number | undefined;
  const out: { email: string; password: string }[] = [];
  print('');
  print('  Demo accounts (passwords shown only once):');
  for (const u of DEMO_USERS) {
    const password = generatePassword();
    await createUser(db, { ...u, password, siteIds: u.siteLimited && firstSite ? [firstSite] : [] }, null, new Date());
    out.push({ email: u.email, password });
    print(`    ${u.role.padEnd(12)} ${u.email.padEnd(34)} ${password}${u.siteLimited ? '   (limited to one hospital)' : ''}`);
  }
  print('');
  return out;
}
