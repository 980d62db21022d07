// Contracts for artist authority records (imports nothing but zod, so the client can use them).
import { z } from 'zod';

const id = z.number().int().positive().max(2 ** 31);
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const year = z.number().int().min(1000).max(2100).nullable().optional();

const fields = {
  name: z.string().trim().min(1, 'Required').max(200),
  /** "Lastname, Firstname"; derived from the name when left out. */
  sortName: z.string().trim().min(1).max(200).optional(),
  birthYear: year,
  deathYear: year,
  nationality: text(100),
  kulturnavId: z.string().trim().regex(/^[0-9a-f-]{36}$/i, 'A KulturNav UUID').nullable().optional(),
  wikidataId: z.string().trim().regex(/^Q\d{1,12}$/, 'A Wikidata id such as Q1234').nullable().optional(),
  ulanId: z.string().trim().regex(/^\d{6,12}$/, 'A ULAN number such as 500012345').nullable().optional(),
  copyrightHolder: text(300),
  copyrightRepresentation: text(300),
  note: text(5000),
};

const lifeInOrder = (v: { birthYear?: number | null; deathYear?: number | null }, ctx: z.RefinementCtx) => {
  if (v.birthYear != null && v.deathYear != null && v.deathYear < v.birthYear)
    ctx.addIssue({ code: 'custom', path: ['deathYear'], message: `Death year (${v.deathYear}) is before birth year (${v.birthYear})` });
};

export const CreateArtistBody = z.strictObject(fields).superRefine(lifeInOrder);
export const UpdateArtistBody = z.strictObject({ ...fields, name: fields.name.optional() }).superRefine(lifeInOrder);
export const MergeArtistsBody = z.strictObject({
  duplicateIds: z
    .array(id)
    .min(1)
    .max(50)
    .refine((a) => new Set(a).size === a.length, 'An id is listed twice'),
});
export const ArtistListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  includeMerged: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export type CreateArtistBody = z.infer<typeof CreateArtistBody>;
export type UpdateArtistBody = z.infer<typeof UpdateArtistBody>;
