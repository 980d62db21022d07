// Damage reports from the public guide: the conservators' triage queue, and turning a report
// into a condition check or dismissing it (both with If-Match on the report's version).
import { get, request } from './client.js';
import type { ConvertReportBody } from '../../../server/guide/guide.schema.js';
import type { z } from 'zod';

export type ConvertBody = z.input<typeof ConvertReportBody>;
export type ReportStatus = 'new' | 'converted' | 'dismissed';
export type ReportKind = 'damage' | 'dirty' | 'loose' | 'missing' | 'other';

export type DamageReport = {
  id: number;
  artworkId: number;
  siteId: number | null;
  kind: ReportKind;
  /** What a member of the public wrote: plain text, never markup. */
  description: string;
  contact: string | null;
  status: ReportStatus;
  handledBy: number | null;
  handledAt: string | null;
  handlingNote: string | null;
  checkId: number | null;
  version: number;
  createdAt: string;
  inventoryNumber: string;
  title: string;
  siteName: string | null;
  photo: { thumb: string; large: string } | null;
};

export type ReportList = { items: DamageReport[]; total: number };

export const listDamageReports = (q: { status?: ReportStatus; site?: number; limit?: number }, signal?: AbortSignal) =>
  get<ReportList>('/api/damage-reports', { status: q.status, site: q.site, limit: q.limit ?? 100 }, signal);

/** How many new reports wait for triage (for the navigation's badge). */
export const countNewReports = (signal?: AbortSignal) => listDamageReports({ status: 'new', limit: 1 }, signal).then((r) => r.total);

export const convertReport = (r: Pick<DamageReport, 'id' | 'version'>, body: ConvertBody) =>
  request<DamageReport & { checkId: number }>(`/api/damage-reports/${r.id}/convert`, { method: 'POST', body, ifMatch: r.version }).then((x) => x.data);

export const dismissReport = (r: Pick<DamageReport, 'id' | 'version'>, note: string) =>
  request<DamageReport>(`/api/damage-reports/${r.id}/dismiss`, { method: 'POST', body: { note }, ifMatch: r.version }).then((x) => x.data);
