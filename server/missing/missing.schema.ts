// Contracts of the missing-works follow-up (GET /api/missing, steps, found again). Imports nothing but zod.
import { z } from 'zod';

/** Steps a user records; 'found' is written by the found-again route. */
export const STEP_KINDS = ['search_site', 'ask_unit', 'police_report', 'other'] as const;
export type StepKind = (typeof STEP_KINDS)[number] | 'found';

/** Days after going missing by which each planned step should be done (the police report: see config). */
export const STEP_DAYS = { search_site: 7, ask_unit: 14 } as const;

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);
const date = z.iso.date('A date as YYYY-MM-DD');

export const MissingListQuery = z.strictObject({
  site: id.optional(),
  /** Only works whose next step is overdue. */
  overdue: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2000).optional(),
});
export type MissingListParams = z.output<typeof MissingListQuery>;

export const ArtworkParams = z.strictObject({ artworkId: id });

export const StepBody = z.strictObject({
  step: z.enum(STEP_KINDS),
  /** When the step was taken; default today. */
  date: date.optional(),
  note: z.string().trim().max(2000).optional(),
  /** Police case number (K-nummer) for a police report. */
  reference: z.string().trim().min(1).max(100).optional(),
});
export type StepInput = z.output<typeof StepBody>;

export const FoundBody = z.strictObject({
  /** Where the work was found (any location; usually its room). */
  locationId: id,
  date: date.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type FoundInput = z.output<typeof FoundBody>;

export type MissingStep = { id: number; step: StepKind; date: string; note: string | null; reference: string | null; movementId: number | null; userName: string | null; createdAt: string };

export type LastSeen = {
  /** What saw it last: a round result, a condition check or a move. */
  kind: 'round' | 'check' | 'movement';
  at: string;
  place: string | null;
  roundId: number | null;
  roundName: string | null;
};

export type MissingItem = {
  artworkId: number;
  inventoryNumber: string;
  title: string;
  artists: string;
  siteId: number | null;
  siteName: string | null;
  /** Where it is registered (its last location). */
  locationText: string | null;
  missingSince: string;
  daysMissing: number;
  statusNote: string | null;
  lastSeen: LastSeen | null;
  steps: MissingStep[];
  /** The next planned step not yet taken, with the day it is due; null once the police report is made. */
  nextStep: { step: 'search_site' | 'ask_unit' | 'police_report'; due: string; overdue: boolean } | null;
};

export type MissingListResponse = { items: MissingItem[]; total: number; nextCursor: string | null; policeReportWeeks: number; counts: { total: number; overdue: number; policeReportDue: number } };
