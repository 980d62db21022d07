// Contracts of condition checks, the due list and the backlog (zod only, so the client can import them).
import { z } from 'zod';

export const GRADES = [1, 2, 3, 4] as const;
export const DAMAGE_TYPES = ['scratch', 'tear', 'dent', 'water_damage', 'mould', 'dust', 'light_damage', 'loose_fixing', 'graffiti', 'vandalism', 'other'] as const;
export const PRIORITIES = ['none', 'routine', 'soon', 'urgent'] as const;

/** Hours after creation during which a check may still be edited; later, only a correction (a new check). */
export const CHECK_EDIT_WINDOW_HOURS = 24;

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
/** An ISO timestamp or a 'YYYY-MM-DD' date. */
export const CheckedAt = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'Expected an ISO date or timestamp, e.g. 2024-05-02 or 2024-05-02T10:30:00Z' });
/** Money in whole öre, never negative. */
export const Ore = z.number({ error: 'Expected a number of öre' }).int('Expected whole öre').min(0, 'A cost cannot be negative').max(1e12);

export const Grade = z.number({ error: 'Grade must be 1 (good), 2 (fair), 3 (poor) or 4 (unacceptable)' }).int().min(1, 'Grade must be 1–4').max(4, 'Grade must be 1–4');
export const DamageType = z.enum(DAMAGE_TYPES, { error: `Unknown damage type; use one of ${DAMAGE_TYPES.join(', ')}` });

const checkFields = {
  checkedAt: CheckedAt.optional(),
  grade: Grade,
  damageTypes: z.array(DamageType).max(DAMAGE_TYPES.length).default([]),
  damageLocation: text(500).nullish(),
  recommendedAction: text(2000).nullish(),
  priority: z.enum(PRIORITIES).default('none'),
  note: text(5000).nullish(),
  estimatedCost: Ore.nullish(),
};

export const CreateCheckBody = z.strictObject({
  artworkId: id,
  ...checkFields,
  roundId: id.nullish(),
  correctsCheckId: id.nullish(),
});
export type CreateCheckBody = z.infer<typeof CreateCheckBody>;

export const UpdateCheckBody = z
  .strictObject({
    checkedAt: CheckedAt,
    grade: Grade,
    damageTypes: z.array(DamageType).max(DAMAGE_TYPES.length),
    damageLocation: text(500).nullable(),
    recommendedAction: text(2000).nullable(),
    priority: z.enum(PRIORITIES),
    note: text(5000).nullable(),
    estimatedCost: Ore.nullable(),
  })
  .partial();
export type UpdateCheckBody = z.infer<typeof UpdateCheckBody>;

export const ListChecksQuery = z.strictObject({
  artwork: z.coerce.number().int().positive().optional(),
  round: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const DueQuery = z.strictObject({
  site: z.coerce.number().int().positive().optional(),
  /** Also list works due within this many days (0 = overdue only). */
  within: z.coerce.number().int().min(0).max(3650).default(90),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const BacklogQuery = z.strictObject({
  site: z.coerce.number().int().positive().optional(),
  priority: z.enum(['routine', 'soon', 'urgent']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export type ConditionCheck = {
  id: number;
  artworkId: number;
  checkedAt: string;
  userId: number | null;
  userName: string | null;
  grade: number;
  damageTypes: string[];
  damageLocation: string | null;
  recommendedAction: string | null;
  priority: (typeof PRIORITIES)[number];
  note: string | null;
  roundId: number | null;
  correctsCheckId: number | null;
  correctedByCheckId: number | null;
  supersededById: number | null;
  resolvedAt: string | null;
  estimatedCost: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Until when the check can still be edited; null once locked. */
  editableUntil: string | null;
  photos: { mediaId: number; sha256: string; role: string; caption: string | null }[];
};
