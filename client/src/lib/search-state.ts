// The search page's state <-> its URL query string (the URL is the state: bookmark and share it).
import type { FacetName, SearchParams, SortName } from '../api/search.js';

export const FILTER_KEYS = ['status', 'type', 'site', 'location', 'artist', 'grade', 'decade', 'due', 'hasImage', 'incomplete', 'need', 'checkedSince', 'notCheckedSince'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const FACET_ORDER: FacetName[] = ['status', 'type', 'site', 'grade', 'decade'];

export type SearchState = {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortName | '';
  view: 'list' | 'grid';
};

export function stateFromQuery(query: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const k of FILTER_KEYS) {
    const values = query.getAll(k).flatMap((v) => v.split(',')).filter(Boolean);
    if (values.length) filters[k] = [...new Set(values)];
  }
  return {
    q: query.get('q') ?? '',
    filters,
    sort: (query.get('sort') as SortName | null) ?? '',
    view: query.get('view') === 'grid' ? 'grid' : 'list',
  };
}

export function queryFromState(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const k of FILTER_KEYS) {
    const v = s.filters[k];
    if (v?.length) p.set(k, v.join(','));
  }
  if (s.sort) p.set('sort', s.sort);
  if (s.view === 'grid') p.set('view', 'grid');
  // Commas are safe in a query string; unescaped they keep shared links readable.
  const str = p.toString().replace(/%2C/gi, ',');
  return str ? `?${str}` : '';
}

/** What is sent to the API for this state (the view mode is the page's business only). */
export function apiParams(s: SearchState): SearchParams {
  return { q: s.q.trim() || undefined, ...s.filters, sort: s.sort || undefined } as SearchParams;
}

export function toggleFilter(s: SearchState, key: FilterKey, value: string): SearchState {
  const current = s.filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...s.filters, [key]: next };
  if (!next.length) delete filters[key];
  return { ...s, filters };
}
