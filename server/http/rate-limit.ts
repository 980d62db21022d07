// A small in-memory fixed-window limiter (one process serves the region).
export type RateLimiter = {
  /** Seconds to wait if the key is over its limit, else 0. */
  retryAfter(key: string): number;
  hit(key: string): void;
  reset(key: string): void;
};

export function createRateLimiter(opts: { windowMs: number; max: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  const hits = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const entry = hits.get(key);
    if (entry && entry.resetAt <= now()) {
      hits.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    retryAfter(key) {
      const e = current(key);
      return e && e.count >= opts.max ? Math.max(1, Math.ceil((e.resetAt - now()) / 1000)) : 0;
    },
    hit(key) {
      if (hits.size > 100_000) hits.clear(); // bounded memory under a flood
      const e = current(key);
      if (e) e.count++;
      else hits.set(key, { count: 1, resetAt: now() + opts.windowMs });
    },
    reset(key) {
      hits.delete(key);
    },
  };
}
