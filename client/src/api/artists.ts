// Artist authority records.
import { get, request } from './client.js';
import type { CreateArtistBody } from '../../../server/artists/artists.schema.js';

export type { CreateArtistBody };

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
/** Creates an authority record (a 422/400 names the field, e.g. deathYear before birthYear). */
export const createArtist = (body: CreateArtistBody) => request<Artist>('/api/artists', { method: 'POST', body }).then((r) => r.data);
