// Background sync of the phone's queue: results in batches with their idempotency keys (a replay
// changes nothing on the server), then the damage photos onto the checks those results created.
// Runs when the network returns, when the app comes to the front, shortly after a tap (after the
// undo window) and every little while as long as something waits. Nothing is dropped on failure.
import { ApiError, NetworkError } from '../../src/api/client.js';
import { loadSession, type SessionUser } from '../../src/api/session.js';
import * as api from './api.js';
import { inventoryKey, type QueuedResult } from './model.js';
import { allPhotos, allResults, putPhoto, putResult } from './store.js';

/** A tap is sent this long after it happened, so "Undo" can still take it back on the phone alone. */
export const UNDO_WINDOW_MS = 4000;
const RETRY_MS = 15_000;
const BATCH = 100;

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'signin';

export class SyncEngine extends EventTarget {
  phase: SyncPhase = 'idle';
  user: SessionUser | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;

  start(): void {
    addEventListener('online', () => this.schedule(0));
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && this.schedule(0));
    this.schedule(0);
  }

  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Runs one pass (or queues one more after the running pass). */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((e) => console.warn('sync', e))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.flush();
        }
      });
    return this.running;
  }

  /** A failed result or photo is tried again (tap on the red state). */
  async retry(key?: string): Promise<void> {
    for (const r of await allResults()) if (r.state === 'failed' && (!key || r.key === key)) await putResult({ ...r, state: 'queued', error: undefined });
    for (const p of await allPhotos()) if (p.state === 'failed' && (!key || p.resultKey === key)) await putPhoto({ ...p, state: 'queued', error: undefined });
    this.changed();
    await this.flush();
  }

  private setPhase(p: SyncPhase) {
    this.phase = p;
    this.changed();
  }
  /** Something in the queue changed (a tap, a sync step): the sync state on screen follows. */
  changed() {
    this.dispatchEvent(new Event('change'));
  }

  private async pass(): Promise<void> {
    const cutoff = new Date(Date.now() - UNDO_WINDOW_MS).toISOString();
    const queued = (await allResults()).filter((r) => r.state === 'queued');
    const photos = (await allPhotos()).filter((p) => p.state === 'queued');
    if (!queued.length && !photos.length) return this.setPhase('idle');
    try {
      this.user = await loadSession();
    } catch (e) {
      if (e instanceof NetworkError) {
        this.setPhase('offline');
        return this.schedule(RETRY_MS);
      }
      throw e;
    }
    // An expired session: everything waits on the phone until the user signs in again.
    if (!this.user) return this.setPhase('signin');
    this.setPhase('syncing');
    try {
      const ready = queued.filter((r) => r.body.recordedAt <= cutoff);
      await this.sendResults(ready);
      await this.sendPhotos();
      this.setPhase('idle');
      if (ready.length < queued.length) this.schedule(UNDO_WINDOW_MS);
    } catch (e) {
      if (e instanceof NetworkError) {
        this.setPhase('offline');
        return this.schedule(RETRY_MS);
      }
      if (e instanceof ApiError && e.status === 401) return this.setPhase('signin');
      this.setPhase('idle');
      this.schedule(RETRY_MS);
      throw e;
    }
  }

  private async sendResults(queued: QueuedResult[]): Promise<void> {
    const byRound = new Map<number, QueuedResult[]>();
    for (const r of queued.sort((a, b) => a.body.recordedAt.localeCompare(b.body.recordedAt))) {
      if (r.body.outcome === 'found_here' && !r.body.itemId && !r.body.artworkId && !(await this.resolveWork(r))) continue;
      byRound.set(r.roundId, [...(byRound.get(r.roundId) ?? []), r]);
    }
    for (const [roundId, list] of byRound) {
      for (let i = 0; i < list.length; i += BATCH) {
        const chunk = list.slice(i, i + BATCH);
        let entries: api.ResultEntry[];
        try {
          entries = await api.sendResults(roundId, chunk.map((r) => ({ ...r.body, idempotencyKey: r.key })));
        } catch (e) {
          // The whole batch was refused (a malformed entry, a closed or unknown round): mark them so they show.
          if (e instanceof ApiError && e.status !== 401 && e.status < 500) {
            for (const r of chunk) await putResult({ ...r, state: 'failed', error: e.message });
            this.changed();
            continue;
          }
          throw e;
        }
        for (const e of entries) {
          const r = chunk[e.index]!;
          if (e.status < 300 && e.result) await putResult({ ...r, state: 'synced', error: undefined, resultId: e.result.id, checkId: e.result.conditionCheckId });
          else await putResult({ ...r, state: 'failed', error: e.problem?.detail ?? e.problem?.title ?? `HTTP ${e.status}` });
        }
        this.changed();
      }
    }
  }

  /** A work found here by its number: the id is looked up now that the network is back. */
  private async resolveWork(r: QueuedResult): Promise<boolean> {
    const work = await api.workByNumber(r.inventoryNumber ?? '', inventoryKey);
    if (!work) {
      await putResult({ ...r, state: 'failed', error: `No work with inventory number ${r.inventoryNumber}` });
      return false;
    }
    r.body = { ...r.body, artworkId: work.id } as QueuedResult['body'];
    r.title = work.title;
    await putResult(r);
    return true;
  }

  private async sendPhotos(): Promise<void> {
    const results = new Map((await allResults()).map((r) => [r.key, r]));
    for (const p of await allPhotos()) {
      const r = results.get(p.resultKey);
      if (p.state !== 'queued' || r?.state !== 'synced' || !r.checkId) continue;
      try {
        await api.uploadCheckPhoto(r.checkId, p.blob, p.name);
        // The server has the picture; the phone keeps the record, not the bytes.
        await putPhoto({ ...p, state: 'synced', blob: new Blob([]) });
      } catch (e) {
        if (!(e instanceof ApiError) || e.status === 401 || e.status >= 500) throw e;
        await putPhoto({ ...p, state: 'failed', error: e.message });
      }
      this.changed();
    }
  }
}

export const sync = new SyncEngine();
