// Contracts for maintenance rounds (imports nothing but zod, so the field app can use them too).
import { z } from 'zod';

export const ROUND_OUTCOME_VALUES = ['seen_ok', 'needs_action', 'found_elsewhere', 'found_here', 'missing', 'not_accessible'] as const;
export const ROUND_STATUS_VALUES = ['open', 'closed'] as const;
export const DAMAGE_TYPE_VALUES = ['scratch', 'tear', 'dent', 'water_damage', 'mould', 'dust', 'light_damage', 'loose_fixing', 'graffiti', 'vandalism', 'other'] as const;
export const PRIORITY_VALUES = ['none', 'routine', 'soon', 'urgent'] as const;

const id = z.coerce.number().int().positive().max(2 ** 31);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const text = (max: number) => z.string().trim().min(1, 'Required').max(max);

export const CreateRoundBody = z.strictObject({
  /** One subtree (a site, building, floor) or a few rooms; all in one site. */
  locationIds: z.array(z.number().int().positive().max(2 ** 31)).min(1, 'Give at least one location').max(200),
  name: text(200).optional(),
  dueDate: z.iso.date(),
  assigneeId: z.number().int().positive().max(2 ** 31).nullable().optional(),
  /** Only the works whose next check is due by the due date (or that were never checked). */
  onlyDue: z.boolean().optional(),
});

export const RoundListQuery = z.strictObject({
  mine: bool.optional(),
  status: z.enum(ROUND_STATUS_VALUES).optional(),
  site: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const RoundParams = z.strictObject({ id });

export const CheckInput = z.strictObject({
  grade: z.number().int().min(1).max(4),
  damageTypes: z.array(z.enum(DAMAGE_TYPE_VALUES)).max(DAMAGE_TYPE_VALUES.length).default([]),
  damageLocation: z.string().trim().max(500).nullable().optional(),
  recommendedAction: z.string().trim().max(2000).nullable().optional(),
  priority: z.enum(PRIORITY_VALUES).default('routine'),
  note: z.string().trim().max(4000).nullable().optional(),
  /** Condition photos uploaded first through POST /api/media. */
  photoIds: z.array(z.number().int().positive()).max(20).optional(),
});

const resultBase = {
  /** Client-generated, unique per tap; a replay with the same key changes nothing. */
  idempotencyKey: z.string().trim().min(8, 'At least 8 characters (use a UUID)').max(100).regex(/^[\w.:-]+$/, 'Letters, digits, - _ . : only').optional(),
  /** When the tap happened, by the phone's clock (ISO timestamp with offset). */
  recordedAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(2000).nullable().optional(),
};
const item = { itemId: z.number().int().positive().max(2 ** 31) };
const locationId = z.number().int().positive().max(2 ** 31);

export const RoundResultInput = z.discriminatedUnion('outcome', [
  z.strictObject({ ...resultBase, ...item, outcome: z.literal('seen_ok') }),
  z.strictObject({ ...resultBase, ...item, outcome: z.literal('needs_action'), check: CheckInput }),
  z.strictObject({ ...resultBase, ...item, outcome: z.literal('found_elsewhere'), locationId }),
  z.strictObject({ ...resultBase, ...item, outcome: z.literal('missing') }),
  z.strictObject({ ...resultBase, ...item, outcome: z.literal('not_accessible'), reason: text(500) }),
  /** A work scanned in the round's area: by artwork (not expected) or by item; locationId = the room it is in. */
  z.strictObject({
    ...resultBase,
    outcome: z.literal('found_here'),
    artworkId: z.number().int().positive().max(2 ** 31).optional(),
    itemId: item.itemId.optional(),
    locationId,
  }),
]);

/** One result, or an array of them (the phone's queue, flushed when the network returns). */
export const RoundResultsBody = z.union([RoundResultInput, z.array(RoundResultInput).min(1).max(500)]);

export const CloseRoundBody = z.strictObject({ confirm: z.boolean().optional() });

export type CreateRoundBody = z.infer<typeof CreateRoundBody>;
export type RoundListQuery = z.infer<typeof RoundListQuery>;
export type RoundResultInput = z.infer<typeof RoundResultInput>;
export type CheckInput = z.infer<typeof CheckInput>;
export type RoundOutcome = (typeof ROUND_OUTCOME_VALUES)[number];
