// Real pictures for the browser tests: the demo generator's images through the real media pipeline.
import { generateDemoImages } from '../../scripts/demo-images.js';
import type { BrowserEnv } from '../helpers/browser.js';

/** Draws primary pictures for `n` works and waits until their derivatives are ready. */
export async function withDemoPictures(env: BrowserEnv, n: number): Promise<void> {
  await generateDemoImages(env.app.deps, { n });
  const pending = env.app.db.$client.prepare("select count(*) from media where state = 'pending'").pluck();
  const until = Date.now() + 60_000;
  while ((pending.get() as number) > 0) {
    if (Date.now() > until) throw new Error('media derivatives not ready after 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}
