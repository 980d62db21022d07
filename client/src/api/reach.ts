// The public guide's reach: page views per site and month, against a baseline year (GET /api/guide/reach).
import { get } from './client.js';

export type ReachMonth = { siteId: number; siteName: string; month: string; views: number };
export type Reach = {
  baselineYear: number;
  months: ReachMonth[];
  totals: { recent: number; baseline: number; recentMonthlyAverage: number; baselineMonthlyAverage: number | null; trend: number | null };
};

export const getReach = (q: { site?: number; baselineYear?: number; months?: number }, signal?: AbortSignal) => get<Reach>('/api/guide/reach', q, signal);
