// Browser tests run against the built client: build it once before they start.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.KK_SKIP_CLIENT_BUILD) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
