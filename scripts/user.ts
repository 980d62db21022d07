// npm run user -- add <email> <role> [--name "Name"] [--site <id>]…  |  reset <email>  |  list
import { migrateDatabase, openDatabase } from '../db/connection.js';
import { loadConfig } from '../server/config.js';
import { emailSchema, ROLE_VALUES } from '../server/users/users.schema.js';
import { createUser, generatePassword, setPassword } from '../server/users/users.service.js';

async function run(argv: string[]): Promise<number> {
  const [command, email, role] = argv;
  const config = loadConfig();
  const db = openDatabase(config.dbFile);
  migrateDatabase(db);
  const fail = (msg: string) => (process.stderr.write(`user: ${msg}\n`), 1);
  if (command === 'list') {
    for (const u of db.$client.prepare('select email, role, disabled from users order by email').all() as { email: string; role: string; disabled: number }[])
      console.log(`${u.role.padEnd(13)} ${u.email}${u.disabled ? '  (disabled)' : ''}`);
    return 0;
  }
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success) return fail('usage: npm run user -- add <email> <role> | reset <email> | list (a valid email is needed)');
  const password = generatePassword();
  if (command === 'add') {
    if (!ROLE_VALUES.includes(role as never)) return fail(`role must be one of ${ROLE_VALUES.join(', ')}`);
    const nameIdx = argv.indexOf('--name');
    const siteIds = argv.flatMap((a, i) => (a === '--site' ? [Number(argv[i + 1])] : [])).filter((n) => Number.isInteger(n) && n > 0);
    await createUser(db, { email: parsedEmail.data, name: nameIdx > 0 ? argv[nameIdx + 1] ?? parsedEmail.data : parsedEmail.data, role: role as never, password, siteIds }, null, new Date());
    console.log(`created ${role} ${parsedEmail.data}\npassword (shown once): ${password}`);
    return 0;
  }
  if (command === 'reset') {
    const id = db.$client.prepare('select id from users where email = ?').pluck().get(parsedEmail.data) as number | undefined;
    if (!id) return fail(`no user ${parsedEmail.data}`);
    await setPassword(db, id, password, null, new Date());
    db.$client.prepare('update users set disabled = 0 where id = ?').run(id);
    console.log(`new password for ${parsedEmail.data} (shown once; other sessions ended): ${password}`);
    return 0;
  }
  return fail('usage: npm run user -- add <email> <role> | reset <email> | list');
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`user: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
