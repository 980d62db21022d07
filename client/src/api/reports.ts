// Collection reports: plain links (the browser downloads or opens them; the server streams them).
import { buildQuery } from './client.js';

export type ReportFormat = 'pdf' | 'csv';

export const inventoryReportUrl = (location: number, format: ReportFormat) => `/api/reports/inventory.${format}${buildQuery({ location })}`;
export const insuranceReportUrl = (format: ReportFormat, site?: number) => `/api/reports/insurance.${format}${buildQuery({ site })}`;
export const conditionReportUrl = (format: ReportFormat, site?: number) => `/api/reports/condition.${format}${buildQuery({ site })}`;
export const artistReportUrl = (artist: number, format: ReportFormat) => `/api/reports/artist/${artist}.${format}`;
