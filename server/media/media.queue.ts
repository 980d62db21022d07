// A bounded job queue: at most `concurrency` image jobs run at once, the rest wait in order,
// and past `maxWaiting` new work is refused (503) instead of piling up in memory.
import { HttpError } from '../http/errors.js';

export type JobQueue = {
  run<T>(job: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
  /** Resolves when nothing runs or waits (tests, shutdown). */
  idle(): Promise<void>;
};

export function createJobQueue(concurrency: number, maxWaiting = 200): JobQueue {
  let active = 0;
  const waiting: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];

  const next = () => {
    if (active >= concurrency) return;
    const start = waiting.shift();
    if (start) {
      active++;
      start();
    } else if (active === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      for (const resolve of w) resolve();
    }
  };

  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      if (waiting.length >= maxWaiting)
        return Promise.reject(new HttpError(503, 'media.busy', 'Service unavailable', 'Too many pictures are being processed; try again shortly.', {}, { 'Retry-After': '5' }));
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          job()
            .then(resolve, reject)
            .finally(() => {
              active--;
              next();
            });
        });
        next();
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    idle() {
      if (active === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
