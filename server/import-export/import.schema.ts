// Contracts of imports and exports (imports nothing but zod, so the client can use the same names and rules).
import { z } from 'zod';

/** Every field a CSV column can feed; the CSV export writes exactly these, in this order. */
export const IMPORT_FIELDS = [
  'inventoryNumber', 'title', 'artists', 'objectType', 'technique', 'materials', 'heightCm', 'widthCm', 'depthCm', 'weightKg',
  'datingText', 'yearFrom', 'yearTo', 'signed', 'inscription', 'description', 'acquisitionMethod', 'acquisitionDate',
  'acquisitionPrice', 'acquisitionSource', 'acquisitionRef', 'insuranceValue', 'copyright', 'status', 'statusNote',
  'deaccessionDate', 'deaccessionRef', 'deaccessionReason', 'location', 'locationCode', 'mounting', 'fixedInBuilding',
  'antiTheftFixing', 'glazed', 'cleanable', 'psychiatrySafe', 'fireClass', 'ownershipUnclear', 'acquisitionDataMissing',
  'dimensionsUnknown', 'isPublic', 'publicTextSv', 'publicTextEn', 'internalNote', 'checkIntervalMonths',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Largest file an import accepts (bytes); a 60,000-work catalogue is about 30 MB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** Column header → field ('' = ignore the column). Every field at most once. */
export const ImportMapping = z
  .record(z.string().max(200), z.union([z.enum(IMPORT_FIELDS), z.literal('')]))
  .refine((m) => Object.keys(m).length <= 500, 'At most 500 columns')
  .superRefine((m, ctx) => {
    const seen = new Map<string, string>();
    for (const [column, field] of Object.entries(m)) {
      if (!field) continue;
      const other = seen.get(field);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: [column], message: `${field} is already mapped from column "${other}"` });
      seen.set(field, column);
    }
  });
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportIdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });

export const DryRunBody = z.strictObject({
  mapping: ImportMapping.optional(),
  /** Save the mapping under this name (replacing a profile of the same name). */
  profileName: z.string().trim().min(1).max(100).optional(),
});
export type DryRunBody = z.infer<typeof DryRunBody>;

export const CommitBody = z.strictObject({
  /** Write the valid rows even though the dry run found errors in others (they are listed in the result). */
  skipErrors: z.boolean().default(false),
});

export const ProfileBody = z.strictObject({ name: z.string().trim().min(1).max(100), mapping: ImportMapping });

export const ImportListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const EXPORT_FORMATS = ['csv', 'json', 'geojson', 'lido'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export's own options; every other query parameter is a search filter (GET /api/artworks). */
export const ExportOptions = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** csv: `semicolon` writes ; with decimal commas (Swedish Excel); default `comma`. */
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
  /** lido: include works not marked public (needs catalogue.write). */
  all: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
});

export type RowError = { row: number; column: string | null; value: string | null; message: string };

export type ImportReport = {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Rows with at least one error (they are never written). */
  errorRows: number;
  errorCount: number;
  errors: RowError[];
  /** A broken file (e.g. a quote never closed): nothing can be committed. */
  fatal: boolean;
  artistsToCreate: number;
  locationsToCreate: number;
};

export type ImportSummary = {
  id: number;
  fileName: string;
  fileHash: string;
  fileSize: number;
  encoding: string;
  delimiter: string;
  columns: string[];
  mapping: Record<string, string> | null;
  state: 'uploaded' | 'checked' | 'committed' | 'undone';
  report: ImportReport | null;
  result: Record<string, unknown> | null;
  createdAt: string;
  committedAt: string | null;
  undoneAt: string | null;
  progress: { phase: string; done: number; total: number; rows: number } | null;
  undoable: boolean;
};
