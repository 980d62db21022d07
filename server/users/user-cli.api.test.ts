// npm run user -- add|reset|list, as an administrator runs it on the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../tests/helpers/test-app.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-cli-'));
const env = { ...process.env, KONSTKOLL_DB: path.join(dir, 'cli.sqlite'), KONSTKOLL_UPLOADS: path.join(dir, 'uploads'), LOG_LEVEL: 'silent' };
const run = (...args: string[]) => spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/user.ts', ...args], { env, encoding: 'utf8', timeout: 30_000 });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run user', () => {
  it('adds a user with a printed one-time password, resets it, and the new password signs in', async () => {
    const added = run('add', 'Ny.Intendent@Region.se', 'curator', '--name', 'Nina Ny');
    expect(added.status).toBe(0);
    const first = /password \(shown once\): (\S+)/.exec(added.stdout)![1]!;
    const reset = run('reset', 'ny.intendent@region.se');
    expect(reset.status).toBe(0);
    const second = /\(shown once; other sessions ended\): (\S+)/.exec(reset.stdout)![1]!;
    expect(second).not.toBe(first);
    expect(run('list').stdout).toMatch(/curator\s+ny\.intendent@region\.se/);

    const t = await startTestApp({ env: { KONSTKOLL_DB: env.KONSTKOLL_DB } });
    try {
      const c = t.anonymous();
      expect((await c.post('/api/session', { email: 'ny.intendent@region.se', password: first })).status).toBe(401);
      const ok = await c.post('/api/session', { email: 'ny.intendent@region.se', password: second });
      expect(ok.status).toBe(201);
      expect(ok.body.user).toMatchObject({ name: 'Nina Ny', role: 'curator' });
    } finally {
      await t.close();
    }
  }, 60_000);

  it.each([
    [['add', 'not-an-email', 'curator'], /valid email/],
    [['add', 'a@b.se', 'superuser'], /role must be one of/],
    [['reset', 'nobody@region.se'], /no user nobody@region\.se/],
  ])('refuses %j with one clear line and exit code 1', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
