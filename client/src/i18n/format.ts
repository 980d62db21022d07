// Numbers and dates in the current UI language (one place, so every view formats alike).
import { intlLocale } from './locale.js';

export const formatNumber = (n: number): string => new Intl.NumberFormat(intlLocale()).format(n);

/** 'YYYY-MM-DD' or an ISO timestamp → a date in the current locale. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(), { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Integer öre → "12 500 kr". */
export function formatMoney(ore: number | null | undefined): string {
  if (ore === null || ore === undefined) return '';
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }).format(ore / 100);
}

export function formatCm(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(n);
}

export const formatBytes = (n: number): string =>
  new Intl.NumberFormat(intlLocale(), { style: 'unit', unit: n > 1e6 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(n > 1e6 ? n / 1e6 : n / 1e3);
