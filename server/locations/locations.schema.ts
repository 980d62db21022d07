// Contracts for the location tree (imports nothing but zod, so the client can use them).
import { z } from 'zod';

export const LOCATION_KIND_VALUES = ['site', 'building', 'floor', 'room'] as const;
export const SITE_TYPE_VALUES = ['hospital', 'local_hospital', 'care_centre', 'psychiatry', 'care_home', 'station', 'storage', 'studio', 'office', 'other'] as const;
export const ENV_TAG_VALUES = ['psychiatry', 'children', 'emergency', 'public_area', 'outdoor', 'office', 'storage'] as const;

/** The only kind each kind may hang under: the tree is always site › building › floor › room. */
export const PARENT_KIND = { site: null, building: 'site', floor: 'building', room: 'floor' } as const;

export const idSchema = z.coerce.number().int().positive().max(2 ** 31);
export const IdParams = z.strictObject({ id: idSchema });
export const isoDate = z.iso.date();
/** A date ("2024-05-01") or a full ISO timestamp. */
export const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1, 'Required').max(200);
const planArea = z.strictObject({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), w: z.number().min(0).max(1), h: z.number().min(0).max(1) });

const editable = {
  name,
  code: text(40).nullable().optional(),
  siteType: z.enum(SITE_TYPE_VALUES).nullable().optional(),
  municipality: text(100).nullable().optional(),
  address: text(300).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  coordPrecision: text(60).nullable().optional(),
  planArea: planArea.nullable().optional(),
  envTags: z.array(z.enum(ENV_TAG_VALUES)).max(ENV_TAG_VALUES.length).optional(),
  checkIntervalMonths: z.number().int().min(1).max(240).nullable().optional(),
  closedUnit: z.boolean().optional(),
};

export const CreateLocationBody = z.strictObject({
  kind: z.enum(LOCATION_KIND_VALUES),
  parentId: idSchema.nullable().optional(),
  ...editable,
});

export const UpdateLocationBody = z.strictObject({
  ...editable,
  name: name.optional(),
  /** Moves the node (and its whole subtree) under another parent of the right kind. */
  parentId: idSchema.optional(),
  /** false deactivates the node and its subtree (only when no works remain in it). */
  active: z.boolean().optional(),
});

export const LocationListQuery = z.strictObject({
  parent: idSchema.optional(),
  /** Full nested tree (of one site with `site`, else of every visible site). */
  tree: queryBool.optional(),
  site: idSchema.optional(),
  kind: z.enum(LOCATION_KIND_VALUES).optional(),
  /** Name or code contains (for pickers); returns a flat list with paths. */
  q: z.string().trim().min(1).max(100).optional(),
  includeInactive: queryBool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(200),
});

export const DetailQuery = z.strictObject({ includeInactive: queryBool.optional() });

export const ContentsAtQuery = z.strictObject({ date: dateOrDateTime });

export type CreateLocationBody = z.infer<typeof CreateLocationBody>;
export type UpdateLocationBody = z.infer<typeof UpdateLocationBody>;
export type LocationKind = (typeof LOCATION_KIND_VALUES)[number];
