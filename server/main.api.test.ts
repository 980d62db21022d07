// The real start script as a user runs it: bad configuration, first start, restart, SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-main-'));
// A plain file where a folder should be: unwritable even for root.
const blocker = path.join(dir, 'not-a-folder');
fs.writeFileSync(blocker, '');
const children: ReturnType<typeof spawn>[] = [];
// A failed assertion must not leave a server running.
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

const baseEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  KONSTKOLL_DB: path.join(dir, 'main.sqlite'),
  KONSTKOLL_UPLOADS: path.join(dir, 'uploads'),
  KONSTKOLL_SEED_WORKS: '300',
  KONSTKOLL_DEMO_IMAGES: '0',
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  ...extra,
});

const tsx = path.resolve('node_modules/.bin/tsx');

function startServer(env: NodeJS.ProcessEnv) {
  const child = spawn(tsx, ['server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('listening on')) (clearInterval(timer), resolve());
    }, 50);
    child.once('exit', (code) => (clearInterval(timer), reject(new Error(`exited ${code}: ${out}`))));
  });
  return { child, listening, output: () => out };
}

describe('starting the server', () => {
  it.each([
    ['a bad PORT', { PORT: 'abc' }, /^konstkoll: PORT: /],
    ['a PORT out of range', { PORT: '70000' }, /^konstkoll: PORT: /],
    ['a bad KONSTKOLL_SEED', { KONSTKOLL_SEED: 'maybe' }, /^konstkoll: KONSTKOLL_SEED: /],
    ['an unwritable database folder', { KONSTKOLL_DB: path.join(blocker, 'db.sqlite') }, /^konstkoll: KONSTKOLL_DB: cannot write/],
    ['an unwritable uploads folder', { KONSTKOLL_UPLOADS: path.join(blocker, 'uploads') }, /^konstkoll: KONSTKOLL_UPLOADS: cannot write/],
  ])('%s stops the start with one clear line and exit code 1', (_name, env, message) => {
    const r = spawnSync(tsx, ['server/main.ts'], { env: baseEnv(env), encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('seeds on first start, prints the admin password once, never seeds twice, and stops cleanly on SIGTERM', async () => {
    const first = startServer(baseEnv({ PORT: '0' }));
    await first.listening;
    expect(first.output()).toMatch(/admin@demo\.konstkoll\.se\s+\S{20,}/);
    first.child.kill('SIGTERM');
    const code = await new Promise((r) => first.child.once('exit', r));
    expect(code).toBe(0);
    expect(first.output()).toContain('stopped cleanly');

    const db = new Database(path.join(dir, 'main.sqlite'));
    const works = db.prepare('select count(*) from artworks').pluck().get();
    db.close();
    expect(works).toBe(300);

    const second = startServer(baseEnv({ PORT: '0' }));
    await second.listening;
    expect(second.output()).not.toMatch(/@demo\.konstkoll\.se\s+\S{20,}/);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    const db2 = new Database(path.join(dir, 'main.sqlite'));
    expect(db2.prepare('select count(*) from artworks').pluck().get()).toBe(300);
    db2.close();
  }, 60_000);

  it('a start killed while seeding leaves no demo data, and the next start seeds it all', async () => {
    const env = baseEnv({ PORT: '0', KONSTKOLL_DB: path.join(dir, 'killed.sqlite'), KONSTKOLL_SEED_WORKS: '120000' });
    const run = startServer(env);
    run.listening.catch(() => {});
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (/seed: \w+ [1-9]/.test(run.output())) (clearInterval(timer), resolve());
      }, 5);
    });
    run.child.kill('SIGKILL');
    await new Promise((r) => run.child.once('exit', r));
    const db = new Database(path.join(dir, 'killed.sqlite'));
    const counts = db.prepare('select (select count(*) from artworks) as works, (select count(*) from locations) as places, (select count(*) from users) as users').get();
    db.close();
    expect(counts).toEqual({ works: 0, places: 0, users: 0 });

    const again = startServer({ ...env, KONSTKOLL_SEED_WORKS: '300' });
    await again.listening;
    again.child.kill('SIGTERM');
    await new Promise((r) => again.child.once('exit', r));
    const db2 = new Database(path.join(dir, 'killed.sqlite'));
    expect(db2.prepare('select count(*) from artworks').pluck().get()).toBe(300);
    db2.close();
  }, 60_000);
});
