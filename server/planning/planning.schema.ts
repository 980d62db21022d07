// Contract of the yearly round plan (GET /api/planning/year). Imports nothing but zod.
import { z } from 'zod';

export const YearPlanQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Round hours available per month (all conservators together). */
  hoursPerMonth: z.coerce.number().positive().max(10_000),
  /** Works checked per round hour. */
  worksPerHour: z.coerce.number().positive().max(1_000),
  site: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  /** Include the artwork ids of every site-month (for checking the plan; large). */
  includeWorks: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
});
export type YearPlanParams = z.output<typeof YearPlanQuery>;

export type PlanVisit = {
  siteId: number | null;
  siteName: string | null;
  works: number;
  /** Of these, checked after their due month (capacity ran short earlier). */
  late: number;
  /** Of these, checked before their due month (pulled forward: same visit, or to make room later). */
  early: number;
  earliestDue: string | null;
  artworkIds?: number[];
};

export type PlanMonth = { month: number; capacity: number; planned: number; hours: number; visits: PlanVisit[] };

export type YearPlan = {
  year: number;
  /** First month planned (the current month when planning this year). */
  fromMonth: number;
  hoursPerMonth: number;
  worksPerHour: number;
  capacityPerMonth: number;
  /** Works that must be checked by the end of the year (due, overdue or never checked). */
  dueWorks: number;
  planned: number;
  late: number;
  /** Due works left unplanned because the year's capacity runs out, and the hours that would take. */
  shortfall: { works: number; hours: number; bySite: { siteId: number | null; siteName: string | null; works: number }[] };
  months: PlanMonth[];
};
