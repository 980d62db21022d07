// The field app's data: the round as downloaded, results queued on the phone, and the item state the
// list shows (the server's current result, overridden by newer taps still on the phone).
import type { ResultRow, RoundItemView, RoundSummary } from '../../../server/rounds/rounds.queries.js';
import type { CheckInput, RoundOutcome, RoundResultInput } from '../../../server/rounds/rounds.schema.js';

export type { CheckInput, ResultRow, RoundItemView, RoundOutcome, RoundResultInput, RoundSummary };

export type RoundDetail = {
  id: number;
  name: string;
  siteId: number;
  sitePath: string | null;
  status: 'open' | 'closed';
  dueDate: string;
  assigneeName: string | null;
  summary: RoundSummary;
  version: number;
  items: RoundItemView[];
};
export type RoundItem = RoundDetail['items'][number];

export type RoundListEntry = {
  id: number;
  name: string;
  status: 'open' | 'closed';
  dueDate: string;
  sitePath: string | null;
  itemCount: number;
  visitedCount: number;
};

export type Room = { id: number; name: string; path: string; floorId: number | null };
export type FloorPlan = { floorId: number; name: string; url: string | null; width: number; height: number };

/** A downloaded round: everything the phone needs without network. */
export type StoredRound = { id: number; detail: RoundDetail; rooms: Room[]; floors: FloorPlan[]; downloadedAt: string };

export type SyncState = 'queued' | 'synced' | 'failed';

/** One tap, kept on the phone until the server has it (and kept afterwards as the round's local log). */
export type QueuedResult = {
  key: string;
  roundId: number;
  /** The item tapped; for a work found here that is not on the list, absent until the server adds it. */
  itemId: number | null;
  /** For a work not on the list: its inventory number as scanned/typed (the id is looked up when online). */
  inventoryNumber?: string;
  title?: string;
  body: RoundResultInput | (Omit<Extract<RoundResultInput, { outcome: 'found_here' }>, 'artworkId'> & { artworkId?: number });
  state: SyncState;
  error?: string;
  /** Filled when synced. */
  resultId?: number;
  checkId?: number | null;
  photoCount: number;
};

export type QueuedPhoto = { id?: number; resultKey: string; roundId: number; blob: Blob; name: string; state: SyncState; error?: string };

/** What a row shows: the latest result by tap time, from the server or from the phone. */
export type ItemState = { outcome: RoundOutcome | 'pending'; recordedAt: string | null; sync: SyncState | null; key: string | null; grade?: number | null };

export function itemState(item: RoundItem, local: QueuedResult[] | undefined): ItemState {
  let state: ItemState = item.current
    ? { outcome: item.current.outcome, recordedAt: item.current.recordedAt, sync: 'synced', key: item.current.idempotencyKey, grade: gradeOf(item.current.check) }
    : { outcome: 'pending', recordedAt: null, sync: null, key: null };
  for (const q of local ?? []) {
    if (q.key === state.key) {
      state = { ...state, sync: q.state };
      continue;
    }
    if (!state.recordedAt || q.body.recordedAt >= state.recordedAt)
      state = { outcome: q.body.outcome, recordedAt: q.body.recordedAt, sync: q.state, key: q.key, grade: q.body.outcome === 'needs_action' ? q.body.check.grade : null };
  }
  return state;
}

const gradeOf = (check: Record<string, unknown> | null) => (check && typeof check.grade === 'number' ? check.grade : null);

export type Counts = Record<RoundOutcome | 'pending', number>;

export function countOutcomes(states: ItemState[]): Counts {
  const c: Counts = { pending: 0, seen_ok: 0, needs_action: 0, found_elsewhere: 0, found_here: 0, missing: 0, not_accessible: 0 };
  for (const s of states) c[s.outcome]++;
  return c;
}

/** Same comparison key as the server (server/artworks/inventory.ts): case, spaces, dashes and dots ignored. */
export const inventoryKey = (n: string) => n.normalize('NFC').toLowerCase().replace(/[\s\-.\u2010-\u2015]+/g, '');

/** A label's QR text is "<origin>/w/<inventoryNumber>"; typed text is the number itself. */
export function inventoryFromCode(text: string): string {
  const t = text.trim();
  try {
    const url = new URL(t);
    const m = /\/w\/([^/?#]+)/.exec(url.pathname);
    if (m) return decodeURIComponent(m[1]!);
  } catch {
    // Not a URL: a typed or plain-text number.
  }
  return t;
}
