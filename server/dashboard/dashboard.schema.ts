// Contract of GET /api/dashboard: every figure of the overview, each with the search that produces it.
// Imports nothing but zod (the client imports the types).
import { z } from 'zod';

export const DashboardQuery = z.strictObject({
  /** Limit every figure to one site (a hospital's own overview). */
  site: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
});
export type DashboardParams = z.output<typeof DashboardQuery>;

/**
 * A count and the query string of GET /api/artworks (and of the client's /search) whose `total`
 * is that count, e.g. "status=in_place,in_storage&due=overdue".
 */
export type Figure = { count: number; search: string };

export type DashboardResponse = {
  /** 'YYYY-MM-DD' in Stockholm: the day the figures are for. */
  today: string;
  site: { id: number; name: string } | null;
  /** Works in the collection (everything but deaccessioned). */
  collection: Figure;
  byStatus: ({ status: string } & Figure)[];
  bySite: ({ siteId: number | null; siteName: string | null } & Figure)[];
  /** Last grade of the works in the collection; grade null = never checked. */
  grades: ({ grade: number | null } & Figure)[];
  /** Per year: how many works stood at each grade at the end of the year (this year: today). */
  gradeTrend: { year: number; grades: [number, number, number, number] }[];
  checks: { overdue: Figure; due30: Figure; due90: Figure; never: Figure };
  /** The department's measure: works checked in the last 12 months, of the works that can be checked. */
  checked12m: { since: string; checked: Figure; notChecked: Figure; of: Figure; share: number };
  backlog: {
    total: Figure;
    byPriority: ({ priority: 'urgent' | 'soon' | 'routine'; estimatedCost: number; unestimated: number } & Figure)[];
    /** Öre. */
    estimatedCost: number;
    unestimated: number;
  };
  quality: {
    any: Figure;
    items: ({ gap: 'image' | 'dimensions' | 'acquisition' | 'location' | 'ownership' } & Figure)[];
  };
  missing: { count: number; policeReportDue: number };
  /** Art projects not closed: budget (öre, the decided one if set) and money committed by contracts. */
  projects: { items: { id: number; name: string; siteName: string | null; phase: string; budget: number; committed: number }[]; budget: number; committed: number; count: number };
  recent: { at: string; action: string; entity: 'artwork' | 'condition_check' | 'treatment'; artworkId: number; inventoryNumber: string; title: string; userName: string | null; fields: string[] }[];
  /** How the response was made (benchmark, tests): figures from the cache (no write since) or counted now; the trend's source. */
  timing: { ms: number; cache: 'hit' | 'miss'; trend: 'cached' | 'computed' | 'stale' };
};
