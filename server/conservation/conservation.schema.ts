// Contracts of conservation treatments (zod only, so the client can import them).
import { z } from 'zod';

export const TREATMENT_STATUSES = ['proposed', 'approved', 'in_progress', 'done', 'rejected'] as const;
export type TreatmentStatus = (typeof TREATMENT_STATUSES)[number];
export const PERFORMERS = ['in_house', 'contractor'] as const;
export const TREATMENT_PRIORITIES = ['routine', 'soon', 'urgent'] as const;

/** The only ways forward; any open treatment may also be rejected. */
export const NEXT_STATUS: Record<TreatmentStatus, readonly TreatmentStatus[]> = {
  proposed: ['approved', 'rejected'],
  approved: ['in_progress', 'rejected'],
  in_progress: ['done', 'rejected'],
  done: [],
  rejected: [],
};
export const TRANSITION_RULE = 'A treatment goes proposed → approved → in progress → done, one step at a time; an open treatment can be rejected.';

const id = z.number().int().positive().max(2 ** 31);
const text = (max: number) => z.string().trim().max(max);
const Ore = z.number({ error: 'Expected a number of öre' }).int('Expected whole öre').min(0, 'A cost cannot be negative').max(1e12);
const When = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'Expected an ISO date or timestamp' });

export const CreateTreatmentBody = z.strictObject({
  artworkId: id,
  /** The check whose need this treatment answers (it leaves the backlog when the treatment is done). */
  checkId: id.nullish(),
  description: text(5000).min(1, 'Required'),
  performer: z.enum(PERFORMERS).default('in_house'),
  contractorName: text(200).nullish(),
  /** Treated away from its place; a contractor always works off-site. */
  offSite: z.boolean().optional(),
  /** A conservation studio (a location of site type studio); default: the collection's studio. */
  treatmentLocationId: id.nullish(),
  materials: text(2000).nullish(),
  costEstimate: Ore.nullish(),
  priority: z.enum(TREATMENT_PRIORITIES).optional(),
});
export type CreateTreatmentBody = z.infer<typeof CreateTreatmentBody>;

export const UpdateTreatmentBody = z
  .strictObject({
    description: text(5000).min(1, 'Required'),
    performer: z.enum(PERFORMERS),
    contractorName: text(200).nullable(),
    offSite: z.boolean(),
    treatmentLocationId: id.nullable(),
    workDone: text(10000).nullable(),
    materials: text(2000).nullable(),
    costEstimate: Ore.nullable(),
    costActual: Ore.nullable(),
    priority: z.enum(TREATMENT_PRIORITIES),
  })
  .partial();
export type UpdateTreatmentBody = z.infer<typeof UpdateTreatmentBody>;

export const TransitionBody = z.strictObject({
  to: z.enum(['approved', 'in_progress', 'done', 'rejected'], { error: 'to must be approved, in_progress, done or rejected' }),
  note: text(2000).nullish(),
  /** When it happened (default now). */
  at: When.optional(),
  /** Rejection: why. */
  reason: text(2000).nullish(),
  /** Done: what was done, with what, and what it cost. */
  workDone: text(10000).nullish(),
  materials: text(2000).nullish(),
  costActual: Ore.nullish(),
  /** Done/rejected off-site: where the work goes back to (default: where it came from). */
  returnLocationId: id.nullish(),
  /** Done: the condition after treatment, recorded as a check. */
  conditionAfter: z
    .strictObject({
      grade: z.number({ error: 'Grade must be 1–4' }).int().min(1, 'Grade must be 1–4').max(4, 'Grade must be 1–4'),
      note: text(5000).nullish(),
    })
    .optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ListTreatmentsQuery = z.strictObject({
  artwork: z.coerce.number().int().positive().optional(),
  status: z.enum(TREATMENT_STATUSES).optional(),
  site: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export type Treatment = {
  id: number;
  artworkId: number;
  inventoryNumber: string;
  title: string;
  checkId: number | null;
  status: TreatmentStatus;
  performer: (typeof PERFORMERS)[number];
  contractorName: string | null;
  offSite: boolean;
  treatmentLocationId: number | null;
  returnLocationId: number | null;
  description: string;
  workDone: string | null;
  materials: string | null;
  costEstimate: number | null;
  costActual: number | null;
  priority: string;
  proposedAt: string;
  approvedAt: string | null;
  startedAt: string | null;
  doneAt: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  createdBy: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  photos: { mediaId: number; sha256: string; role: string; caption: string | null }[];
};
