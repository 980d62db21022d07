// Contracts for artworks (imports nothing but zod, so the client can validate forms with the same rules).
import { z } from 'zod';

export const OBJECT_TYPE_VALUES = ['painting', 'print', 'drawing', 'photograph', 'sculpture', 'relief', 'textile', 'ceramics', 'glass', 'mosaic', 'installation', 'digital', 'other'] as const;
export const STATUS_VALUES = ['in_place', 'in_storage', 'on_loan', 'in_conservation', 'missing', 'deaccessioned'] as const;
export const MOUNTING_VALUES = ['wall', 'ceiling', 'free_standing', 'outdoor', 'integrated'] as const;
export const ACQUISITION_METHOD_VALUES = ['purchase', 'commission', 'gift', 'transfer', 'unknown'] as const;
export const ARTIST_ROLE_VALUES = ['artist', 'designer', 'photographer', 'after', 'workshop', 'collaborator'] as const;

/** Limits that catch typos (a 3 km painting, a year 20 230) while allowing metro-station walls. */
export const MAX_DIMENSION_CM = 100_000;
export const MAX_WEIGHT_KG = 1_000_000;
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2100;
const MAX_MONEY = 10_000_000_000_000; // öre

const id = z.number().int().positive().max(2 ** 31);
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const flag = z.boolean().optional();
const money = z.number().int('Whole öre').min(0).max(MAX_MONEY).nullable().optional();
const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR).nullable().optional();
const dimension = (what: string) => z.number().positive(`${what} must be more than 0`).max(MAX_DIMENSION_CM, `${what} over ${MAX_DIMENSION_CM / 100} m`).nullable().optional();

export const inventoryNumberSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(40)
  .transform((s) => s.replace(/\s+/g, ' '))
  .refine((s) => /[\p{L}\p{N}]/u.test(s), 'Needs at least one letter or digit');

/** Euroclass reaction-to-fire classes, e.g. "A1", "A2-s1,d0", "B-s2,d1", "Bfl-s1". */
export const fireClassSchema = z
  .string()
  .trim()
  .regex(/^(A1|A2|B|C|D|E|F)(fl)?(-s[1-3])?(, ?d[0-2])?$/, 'A Euroclass such as A1, A2-s1,d0 or B-s2,d1')
  .nullable()
  .optional();

export const ArtistLink = z.strictObject({ artistId: id, role: z.enum(ARTIST_ROLE_VALUES).default('artist') });

const fields = {
  title: z.string().trim().min(1, 'Required').max(500),
  objectType: z.enum(OBJECT_TYPE_VALUES),
  technique: text(500),
  materials: text(500),
  heightCm: dimension('Height'),
  widthCm: dimension('Width'),
  depthCm: z.number().min(0, 'Depth cannot be negative').max(MAX_DIMENSION_CM).nullable().optional(),
  weightKg: z.number().min(0, 'Weight cannot be negative').max(MAX_WEIGHT_KG).nullable().optional(),
  datingText: text(100),
  yearFrom: year,
  yearTo: year,
  signed: text(500),
  inscription: text(2000),
  description: text(10_000),
  acquisitionMethod: z.enum(ACQUISITION_METHOD_VALUES).nullable().optional(),
  acquisitionDate: z.iso.date().nullable().optional(),
  acquisitionPrice: money,
  acquisitionSource: text(300),
  acquisitionRef: text(100),
  projectId: id.nullable().optional(),
  insuranceValue: money,
  copyright: text(500),
  mounting: z.enum(MOUNTING_VALUES).nullable().optional(),
  fixedInBuilding: flag,
  antiTheftFixing: flag,
  glazed: flag,
  cleanable: flag,
  psychiatrySafe: flag,
  fireClass: fireClassSchema,
  ownershipUnclear: flag,
  acquisitionDataMissing: flag,
  dimensionsUnknown: flag,
  isPublic: flag,
  publicTextSv: text(5000),
  publicTextEn: text(5000),
  internalNote: text(5000),
  checkIntervalMonths: z.number().int().min(1).max(240).nullable().optional(),
  /** Ordered: the first is the main artist. Replaces the whole list on PATCH. */
  artists: z
    .array(ArtistLink)
    .max(30)
    .refine((a) => new Set(a.map((x) => x.artistId)).size === a.length, 'An artist is listed twice')
    .optional(),
};

const yearsInOrder = (v: { yearFrom?: number | null; yearTo?: number | null }, ctx: z.RefinementCtx) => {
  if (v.yearFrom != null && v.yearTo != null && v.yearTo < v.yearFrom)
    ctx.addIssue({ code: 'custom', path: ['yearTo'], message: `Year to (${v.yearTo}) is before year from (${v.yearFrom})` });
};

export const CreateArtworkBody = z
  .strictObject({
    inventoryNumber: inventoryNumberSchema,
    ...fields,
    /** Where the work is placed when registered (recorded as its first movement). */
    locationId: id.nullable().optional(),
    posX: z.number().min(0).max(1).nullable().optional(),
    posY: z.number().min(0).max(1).nullable().optional(),
    /** Only without a location: in_storage (default), on_loan or missing (with a note). */
    status: z.enum(['in_storage', 'on_loan', 'missing']).optional(),
    statusNote: text(2000),
  })
  .superRefine(yearsInOrder);

export const UpdateArtworkBody = z
  .strictObject({ inventoryNumber: inventoryNumberSchema.optional(), ...fields, title: fields.title.optional(), objectType: fields.objectType.optional() })
  .superRefine(yearsInOrder);

export const StatusBody = z.strictObject({
  status: z.enum(STATUS_VALUES),
  note: z.string().trim().max(2000).nullable().optional(),
  deaccessionDate: z.iso.date().nullable().optional(),
  deaccessionRef: z.string().trim().max(100).nullable().optional(),
  deaccessionReason: z.string().trim().max(2000).nullable().optional(),
});

export const HistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export type CreateArtworkBody = z.infer<typeof CreateArtworkBody>;
export type UpdateArtworkBody = z.infer<typeof UpdateArtworkBody>;
export type StatusBody = z.infer<typeof StatusBody>;
