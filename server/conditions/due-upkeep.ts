// Keeps next_check_due true when works move or change, or when a location's interval or
// environment changes: writers announce these through deps.events after their commit.
import type { Deps } from '../deps.js';
import { recomputeDue } from './interval-policy.js';

export function keepDueDatesCurrent(deps: Deps): void {
  const sqlite = deps.db.$client;
  const run = (what: string, fn: () => number) => {
    try {
      fn();
    } catch (err) {
      // A failed recompute must not fail the write that triggered it; the next change or start repairs it.
      deps.log.error({ err, what }, 'recomputing due dates failed');
    }
  };
  deps.events.on('artworks.changed', (ids?: readonly number[]) => {
    if (Array.isArray(ids) && ids.length) run('artworks', () => recomputeDue(sqlite, { artworkIds: ids }));
  });
  deps.events.on('locations.changed', (change?: { path?: string } | readonly number[]) => {
    const path = change && !Array.isArray(change) ? (change as { path?: string }).path : undefined;
    run('locations', () => recomputeDue(sqlite, path ? { locationPath: path } : {}));
  });
}
