// Turns the search filters on a map request into the set of matching works: the search owns the
// rules (same parameter names as GET /api/artworks), so the map always shows the current search.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { parse } from '../http/validate.js';
import type { AuthUser } from '../users/auth.js';
import { searchFilterShape, type SearchFilters } from '../search/search.schema.js';
import { searchArtworkIds } from '../search/search.service.js';
import type { WorkFilter } from './map.index.js';

const MapFilters = z.strictObject(searchFilterShape);
/** Parameters of the list view that a shared URL may carry; they mean nothing to the map. */
const LIST_ONLY = new Set(['sort', 'limit', 'cursor', 'facets', 'view']);

/** Null = no filter: every work, as the search's default (the map's cached fast path). */
export function workFilter(deps: Deps, query: Record<string, unknown>, user: AuthUser): WorkFilter {
  const given = Object.fromEntries(Object.entries(query).filter(([k, v]) => !LIST_ONLY.has(k) && v !== undefined && v !== ''));
  const filters: SearchFilters = parse(MapFilters, given);
  if (!Object.values(filters).some((v) => v !== undefined)) return null;
  return { ids: searchArtworkIds(deps, filters, user, { ordered: false }) };
}
