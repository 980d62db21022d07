// Contracts for moving works (imports nothing but zod, so the client can use them).
import { z } from 'zod';

const id = z.number().int().positive().max(2 ** 31);
/** A date ("2024-05-01") or a full ISO timestamp. */
const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const MoveBody = z.strictObject({
  artworkIds: z.array(id).min(1, 'Pick at least one work').max(20_000),
  toLocationId: id,
  /** When the move happened; default now. */
  movedAt: when.optional(),
  reason: z.string().trim().min(1, 'Required').max(200),
  note: z.string().trim().max(2000).nullable().optional(),
  /** Spot on the destination's floor plan (fractions 0–1); only for a single work. */
  posX: z.number().min(0).max(1).nullable().optional(),
  posY: z.number().min(0).max(1).nullable().optional(),
  /** A work registered as missing has been found: it may be moved (and leaves `missing`). */
  foundAgain: z.boolean().optional(),
});

export const LocationAtQuery = z.strictObject({ date: when });

export type MoveBody = z.infer<typeof MoveBody>;

export const MovementListQuery = z.strictObject({
  artwork: z.coerce.number().int().positive().max(2 ** 31).optional(),
  /** Moves into or out of this location or anything below it. */
  location: z.coerce.number().int().positive().max(2 ** 31).optional(),
  batch: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
