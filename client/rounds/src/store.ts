// IndexedDB on the phone: downloaded rounds, the result queue and queued photos. Every tap is written
// here before anything else, so closing the tab or a restart loses nothing.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedPhoto, QueuedResult, StoredRound } from './model.js';

interface RoundsDb extends DBSchema {
  rounds: { key: number; value: StoredRound };
  results: { key: string; value: QueuedResult; indexes: { round: number } };
  photos: { key: number; value: QueuedPhoto; indexes: { result: string; round: number } };
}

let dbPromise: Promise<IDBPDatabase<RoundsDb>> | null = null;

export function db(): Promise<IDBPDatabase<RoundsDb>> {
  dbPromise ??= openDB<RoundsDb>('kk-rounds', 1, {
    upgrade(d) {
      d.createObjectStore('rounds', { keyPath: 'id' });
      d.createObjectStore('results', { keyPath: 'key' }).createIndex('round', 'roundId');
      const photos = d.createObjectStore('photos', { keyPath: 'id', autoIncrement: true });
      photos.createIndex('result', 'resultKey');
      photos.createIndex('round', 'roundId');
    },
  });
  return dbPromise;
}

export const getRound = async (id: number) => (await db()).get('rounds', id);
export const putRound = async (r: StoredRound) => void (await db()).put('rounds', r);
export const allRounds = async () => (await db()).getAll('rounds');
export const resultsOf = async (roundId: number) => (await db()).getAllFromIndex('results', 'round', roundId);
export const allResults = async () => (await db()).getAll('results');
export const putResult = async (r: QueuedResult) => void (await db()).put('results', r);

/** A tap with its photos, in one transaction. */
export async function queueResult(r: QueuedResult, photos: Omit<QueuedPhoto, 'id'>[]): Promise<void> {
  const tx = (await db()).transaction(['results', 'photos'], 'readwrite');
  void tx.objectStore('results').put(r);
  for (const p of photos) void tx.objectStore('photos').add(p as QueuedPhoto);
  await tx.done;
}

/** Undo of a tap the server has not seen: the tap and its photos are gone. */
export async function dropResult(key: string): Promise<void> {
  const tx = (await db()).transaction(['results', 'photos'], 'readwrite');
  void tx.objectStore('results').delete(key);
  for (const id of await tx.objectStore('photos').index('result').getAllKeys(key)) void tx.objectStore('photos').delete(id);
  await tx.done;
}

export const photosOf = async (resultKey: string) => (await db()).getAllFromIndex('photos', 'result', resultKey);
export const allPhotos = async () => (await db()).getAll('photos');
export const putPhoto = async (p: QueuedPhoto) => void (await db()).put('photos', p);
