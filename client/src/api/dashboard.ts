// The dashboard (GET /api/dashboard) and the yearly round plan (GET /api/planning/year).
import { get } from './client.js';
import type { DashboardResponse, Figure } from '../../../server/dashboard/dashboard.schema.js';
import type { YearPlan } from '../../../server/planning/planning.schema.js';

export type { DashboardResponse, Figure, YearPlan };
export type { PlanMonth, PlanVisit } from '../../../server/planning/planning.schema.js';

export const getDashboard = (site: number | undefined, signal?: AbortSignal) => get<DashboardResponse>('/api/dashboard', { site }, signal);

/** The search page URL that lists a figure's works. */
export const searchHref = (f: Figure) => `/search?${f.search}`;

export const getYearPlan = (q: { year: number; hoursPerMonth: number; worksPerHour: number; site?: number }, signal?: AbortSignal) =>
  get<YearPlan>('/api/planning/year', q, signal);
