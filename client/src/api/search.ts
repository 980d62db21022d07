// The artwork search (GET /api/artworks) and the search box's suggestions.
import { get } from './client.js';
import type { FacetName, SearchResponse, SortName, SuggestResponse } from '../../../server/search/search.schema.js';

export type { FacetBucket, FacetName, SearchFacets, SearchItem, SearchResponse, SortName, SuggestResponse } from '../../../server/search/search.schema.js';

/** The URL-level search state: strings as they stand in the query string. */
export type SearchParams = {
  q?: string;
  status?: string[];
  type?: string[];
  site?: string[];
  location?: string[];
  artist?: string[];
  grade?: string[];
  decade?: string[];
  due?: string[];
  hasImage?: string[] | string;
  incomplete?: string[];
  need?: string[];
  checkedSince?: string[] | string;
  notCheckedSince?: string[] | string;
  sort?: SortName;
  cursor?: string;
  limit?: number;
  facets?: FacetName[];
};

export const searchArtworks = (params: SearchParams, signal?: AbortSignal) =>
  get<SearchResponse>('/api/artworks', params, signal);

export const suggest = (q: string, signal?: AbortSignal) => get<SuggestResponse>('/api/suggest', { q }, signal);
