// Contracts for batch edits (imports nothing but zod, so the client can use them).
import { z } from 'zod';

export const MAX_BATCH = 20_000;
const id = z.number().int().positive().max(2 ** 31);

/** Fields a batch may set to one value on every selected work. */
export const BATCH_FIELDS = [
  'objectType', 'technique', 'materials', 'mounting', 'fireClass', 'datingText', 'acquisitionMethod', 'acquisitionDate', 'acquisitionSource',
  'acquisitionRef', 'projectId', 'copyright', 'checkIntervalMonths', 'internalNote',
] as const;
export const BATCH_FLAGS = ['fixedInBuilding', 'antiTheftFixing', 'glazed', 'cleanable', 'psychiatrySafe', 'ownershipUnclear', 'acquisitionDataMissing', 'dimensionsUnknown', 'isPublic'] as const;
const STATUSES = ['in_place', 'in_storage', 'on_loan', 'in_conservation', 'missing', 'deaccessioned'] as const;

export const BatchChange = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('set'), field: z.enum(BATCH_FIELDS), value: z.unknown() }),
  z.strictObject({ op: z.literal('flag'), flag: z.enum(BATCH_FLAGS), value: z.boolean() }),
  z.strictObject({
    op: z.literal('status'),
    status: z.enum(STATUSES),
    note: z.string().trim().max(2000).nullable().optional(),
    deaccessionDate: z.iso.date().nullable().optional(),
    deaccessionRef: z.string().trim().max(100).nullable().optional(),
    deaccessionReason: z.string().trim().max(2000).nullable().optional(),
  }),
  z.strictObject({
    op: z.literal('move'),
    toLocationId: id,
    reason: z.string().trim().min(1, 'Required').max(200),
    note: z.string().trim().max(2000).nullable().optional(),
    movedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    foundAgain: z.boolean().optional(),
  }),
]);

export const BatchSelection = z.union([
  z.strictObject({ ids: z.array(id).min(1, 'Pick at least one work').max(MAX_BATCH) }),
  /** The same filters as GET /api/artworks (q, status, type, site, location, artist, …). */
  z.strictObject({ query: z.record(z.string(), z.union([z.string().max(1000), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number()])).max(100)])) }),
]);

export const BatchBody = z.strictObject({ selection: BatchSelection, change: BatchChange });
export const BatchIdParams = z.strictObject({ id: z.string().regex(/^[0-9a-f-]{36}$/, 'A batch id') });
export const BatchListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export type BatchChange = z.infer<typeof BatchChange>;
export type BatchBody = z.infer<typeof BatchBody>;
