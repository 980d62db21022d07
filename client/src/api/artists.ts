// Artist authority records.
import { get } from './client.js';

export type Artist = {
  id: number;
  name: string;
  sortName: string;
  birthYear: number | null;
  deathYear: number | null;
  nationality: string | null;
  kulturnavId: string | null;
  wikidataId: string | null;
  ulanId: string | null;
  copyrightHolder: string | null;
  copyrightRepresentation: string | null;
  note: string | null;
  mergedIntoId: number | null;
  worksCount: number;
  version: number;
};

export const getArtist = (id: number, signal?: AbortSignal) => get<Artist>(`/api/artists/${id}`, undefined, signal);
export const findArtists = (q: string, signal?: AbortSignal) => get<{ items: Artist[]; total: number }>('/api/artists', { q, limit: 20 }, signal);
