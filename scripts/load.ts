// npm run load [-- --seconds 15 --connections 10 --warmup 5]: a bounded mixed load against a real server on 127.0.0.1.
// The server runs in its own process (as in production) on a temporary 60,000-work database;
// autocannon drives searches, record views, map requests and writes from several users.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const seconds = Math.min(arg('seconds', 15), 120);
const connections = Math.min(arg('connections', 10), 100);
const works = arg('works', 60_000);
const port = 3900 + Math.floor(Math.random() * 90);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-load-'));
const base = `http://127.0.0.1:${port}`;

const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  KONSTKOLL_DB: path.join(dir, 'load.sqlite'),
  KONSTKOLL_UPLOADS: path.join(dir, 'uploads'),
  KONSTKOLL_SEED_WORKS: String(works),
  KONSTKOLL_DEMO_IMAGES: '0',
  LOG_LEVEL: 'warn',
};
// LOAD_PROF=dir writes a CPU profile of the server to dir (for finding what a run spends its time on).
const profile = process.env.LOAD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROF}`] : [];
const server = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
server.stdout.on('data', (d) => (out += d));
const stop = () => {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function login(): Promise<{ cookie: string; csrf: string }> {
  // The demo users' passwords are printed once at seeding; read the curator's and the conservator's.
  const accounts = [...out.matchAll(/^\s+(\w+)\s+(\S+@demo\.konstkoll\.se)\s+(\S+)/gm)].map((m) => ({ role: m[1], email: m[2]!, password: m[3]! }));
  const who = accounts.find((a) => a.role === 'curator') ?? accounts[0];
  if (!who) throw new Error('no demo account found in the server output');
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Works a conservator may check (in place or in storage), spread over the collection: from search pages. */
async function checkableWorks(cookie: string, n: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor = '';
  while (ids.length < n) {
    const res = await fetch(`${base}/api/artworks?status=in_place,in_storage&sort=title&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { cookie } });
    const page = (await res.json()) as { items: { id: number }[]; nextCursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

/** CPU seconds (user + system) the server process has used so far (all its threads). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const WORDS = ['sommar', 'komp', 'ljus', 'karolinska', 'blå', 'lito', 'olja', 'st', 'hav', 'porträtt', 'danderyd', 'akvarell', 'skulptur', 'södersjukhuset', 'utsikt'];

async function main() {
  await waitForServer();
  const { cookie, csrf } = await login();
  const ids = await checkableWorks(cookie, 500);
  let n = 0;
  const pick = <T>(a: T[]) => a[Math.floor(Math.random() * a.length)]!;
  const today = new Date().toISOString().slice(0, 10);
  // A realistic mix: mostly searches and record views, some map and suggest, ~5 % writes.
  const requests: autocannon.Request[] = [
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/artworks?q=${encodeURIComponent(pick(WORDS))}&limit=50` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/artworks?q=${encodeURIComponent(pick(WORDS))}&facets=status,type,site,grade,decade` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/artworks?status=in_place&type=${pick(['painting', 'print', 'photograph'])}` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/artworks/${pick(ids)}` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/artworks/${pick(ids)}` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/suggest?q=${encodeURIComponent(pick(WORDS).slice(0, 3))}` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/map/clusters?bbox=17.2,58.9,19.2,60.2&zoom=${8 + Math.floor(Math.random() * 6)}` }) },
    {
      method: 'POST',
      setupRequest: (r) => ({
        ...r,
        path: '/api/condition-checks',
        headers: { ...r.headers, 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ artworkId: pick(ids), checkedAt: today, grade: 1 + (n++ % 2), damageTypes: [], priority: 'none', note: 'load test' }),
      }),
    },
  ];
  // An unmeasured warm-up first (JIT, caches, the search's background warm-up after start), as in production
  // where a server has been up for a while; the measured run follows.
  const warmup = Math.min(arg('warmup', 5), 60);
  if (warmup > 0) await autocannon({ url: base, connections, duration: warmup, headers: { cookie }, requests });
  const cpu0 = cpuSeconds(server.pid!);
  const result = await autocannon({ url: base, connections, duration: seconds, headers: { cookie }, requests });
  const serverCpu = cpuSeconds(server.pid!) - cpu0;
  const errors = result.errors + result.timeouts + (result.non2xx ?? 0);
  console.log(`\nmixed load: ${connections} connections, ${seconds} s, ${works.toLocaleString('en')} works`);
  console.log(`  requests/s  avg ${result.requests.average.toFixed(0)}  (total ${result.requests.total})`);
  console.log(`  latency ms  p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`);
  console.log(`  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
  console.log(`  server CPU ${serverCpu.toFixed(1)} s of ${seconds} s (${((serverCpu * 1000) / Math.max(1, result.requests.total)).toFixed(2)} ms a request)`);
  stop();
  process.exit(errors > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  stop();
  process.exit(1);
});
