// Contracts of the artwork search (GET /api/artworks) and the search box (GET /api/suggest).
// Imports nothing but zod: the web client and the map reuse the same filters.
// Multi-valued filters accept both forms: `status=in_place,missing` and `status=in_place&status=missing`.
import { z } from 'zod';

// Mirrors of the database enums (db/schema/artworks.ts); a unit test keeps them equal.
export const SEARCH_STATUSES = ['in_place', 'in_storage', 'on_loan', 'in_conservation', 'missing', 'deaccessioned'] as const;
export const SEARCH_OBJECT_TYPES = ['painting', 'print', 'drawing', 'photograph', 'sculpture', 'relief', 'textile', 'ceramics', 'glass', 'mosaic', 'installation', 'digital', 'other'] as const;
export const SEARCH_ACQUISITION_METHODS = ['purchase', 'commission', 'gift', 'transfer', 'unknown'] as const;
export const DUE_FILTERS = ['overdue', 'due30', 'due90', 'never'] as const;
/** Record gaps a curator should fill (data quality); `ownership` = ownership unclear. */
export const INCOMPLETE_FIELDS = ['image', 'dimensions', 'acquisition', 'location', 'ownership'] as const;
/** Open conservation needs (the backlog), by the priority of the standing check. */
export const NEED_FILTERS = ['urgent', 'soon', 'routine'] as const;
export const FACETS = ['status', 'type', 'site', 'grade', 'decade'] as const;
export const SORT_KEYS = ['inventory', 'title', 'artist', 'year', 'changed'] as const;
export const SORTS = ['relevance', ...SORT_KEYS, ...SORT_KEYS.map((s) => `-${s}` as const)] as const;
export const MAX_QUERY_LENGTH = 1000;
export const MAX_SEARCH_LIMIT = 200;

/** "a,b" and ["a", "b,c"] both become ["a", "b", "c"]; empty parts are dropped. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'string' ? x.split(',') : [x]));
    return parts.map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== '');
  }, z.array(item).min(1).max(100).optional());

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);
const year = z.coerce.number().int().min(0).max(3000);
const date = z.iso.date('A date as YYYY-MM-DD');
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const searchFilterShape = {
  q: z.string().max(MAX_QUERY_LENGTH, `At most ${MAX_QUERY_LENGTH} characters`).optional(),
  status: list(z.enum(SEARCH_STATUSES)),
  type: list(z.enum(SEARCH_OBJECT_TYPES)),
  /** Site ids (roots of the location tree). */
  site: list(id),
  /** Any location id: the work is in that location or anywhere below it. */
  location: list(id),
  artist: list(id),
  /** Last condition grade 1–4, or `none` for never checked. */
  grade: list(z.union([z.enum(['none']), z.coerce.number().int().min(1).max(4)])),
  due: list(z.enum(DUE_FILTERS)),
  /** Decade of the earliest dating year, e.g. 1960 for 1960–1969. */
  decade: list(z.coerce.number().int().min(0).max(3000).multipleOf(10, 'A decade is a year ending in 0, e.g. 1960')),
  /** Dating overlaps [yearFrom, yearTo]. */
  yearFrom: year.optional(),
  yearTo: year.optional(),
  acquisition: list(z.enum(SEARCH_ACQUISITION_METHODS)),
  project: list(id),
  hasImage: bool.optional(),
  public: bool.optional(),
  /** Any of these gaps in the record: no image, no dimensions, no acquisition data, on display or in storage without a room, ownership unclear. */
  incomplete: list(z.enum(INCOMPLETE_FIELDS)),
  /** Last condition check on or after this date. */
  checkedSince: date.optional(),
  /** Not checked on or after this date (including never checked). */
  notCheckedSince: date.optional(),
  /** An open conservation need of these priorities (as in GET /api/checks/backlog). */
  need: list(z.enum(NEED_FILTERS)),
};

export const ArtworkSearchQuery = z
  .strictObject({
    ...searchFilterShape,
    sort: z.enum(SORTS).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(50),
    cursor: z.string().min(1).max(2000).optional(),
    facets: list(z.enum(FACETS)),
  })
  .refine((v) => v.yearFrom === undefined || v.yearTo === undefined || v.yearTo >= v.yearFrom, {
    path: ['yearTo'],
    message: 'yearTo must not be before yearFrom',
  });
export type ArtworkSearchParams = z.output<typeof ArtworkSearchQuery>;
/** The filters alone (what the map and exports pass along). */
export type SearchFilters = Partial<Pick<ArtworkSearchParams, keyof typeof searchFilterShape>>;
export type SortName = (typeof SORTS)[number];
export type FacetName = (typeof FACETS)[number];

export const SuggestQuery = z.strictObject({
  q: z.string().max(200, 'At most 200 characters').default(''),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type SuggestParams = z.output<typeof SuggestQuery>;

export type SearchItem = {
  id: number;
  inventoryNumber: string;
  title: string;
  /** Artist names in their order, joined with ", ". */
  artists: string;
  objectType: string;
  yearFrom: number | null;
  yearTo: number | null;
  datingText: string | null;
  status: string;
  siteId: number | null;
  siteName: string | null;
  /** "Site › Building › Floor › Room". */
  locationPathText: string | null;
  lastGrade: number | null;
  nextCheckDue: string | null;
  /** URL of the primary image's thumbnail, or null. */
  thumb: string | null;
  dominantColor: string | null;
  /** HTML: escaped text with the matched words in <mark>; only when searching with q. */
  snippet?: string;
};

export type FacetBucket = { value: string | number | null; label?: string; count: number };
export type SearchFacets = Partial<Record<FacetName, FacetBucket[]>>;
export type SearchResponse = { items: SearchItem[]; nextCursor: string | null; total: number; facets?: SearchFacets };

export type SuggestResponse = {
  artists: { id: number; name: string; works: number }[];
  locations: { id: number; name: string; kind: string; pathText: string }[];
  works: { id: number; inventoryNumber: string; title: string; artists: string }[];
};
