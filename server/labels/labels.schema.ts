// Contracts for QR label sheets (imports nothing but zod).
import { z } from 'zod';

/** Real A4 label sheets, geometry in millimetres (label size, first label's corner, pitch between labels). */
export const LABEL_LAYOUTS = {
  /** 24 per sheet, 70 × 36 mm, no gaps (Avery 3475 / Herma 4453-type). */
  '3x8': { name: 'A4 3×8, 70 × 36 mm (Avery 3475)', cols: 3, rows: 8, width: 70, height: 36, left: 0, top: 4.5, pitchX: 70, pitchY: 36 },
  /** 14 per sheet, 99.1 × 38.1 mm (Avery L7163). */
  '2x7': { name: 'A4 2×7, 99.1 × 38.1 mm (Avery L7163)', cols: 2, rows: 7, width: 99.1, height: 38.1, left: 4.65, top: 15.15, pitchX: 101.6, pitchY: 38.1 },
  /** 21 per sheet, 63.5 × 38.1 mm (Avery L7160). */
  '3x7': { name: 'A4 3×7, 63.5 × 38.1 mm (Avery L7160)', cols: 3, rows: 7, width: 63.5, height: 38.1, left: 7.25, top: 15.15, pitchX: 66, pitchY: 38.1 },
} as const;
export type LabelLayoutName = keyof typeof LABEL_LAYOUTS;
export const LABEL_LAYOUT_NAMES = Object.keys(LABEL_LAYOUTS) as LabelLayoutName[];

/** More labels than this in one PDF is refused (a whole large hospital fits). */
export const MAX_LABELS = 5000;

const id = z.coerce.number().int().positive().max(2 ** 31);
/** "1,2,3" or works=1&works=2. */
const idList = z
  .union([z.string().max(60_000), z.array(z.string().max(60_000)).max(MAX_LABELS)])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^\d{1,10}$/, 'Not a work id').transform(Number).pipe(z.number().int().positive().max(2 ** 31)))
      .min(1, 'Give at least one work id')
      .max(MAX_LABELS),
  );

export const LabelsQuery = z
  .strictObject({
    location: id.optional(),
    works: idList.optional(),
    layout: z.enum(LABEL_LAYOUT_NAMES as [LabelLayoutName, ...LabelLayoutName[]]).default('3x8'),
    /** Position (1 = top left, row by row) of the first label on the first sheet, to reuse a half-used sheet. */
    start: z.coerce.number().int().min(1).max(24).default(1),
  })
  .refine((q) => q.location !== undefined || q.works !== undefined, { message: 'Give location or works', path: ['location'] });

export type LabelsQuery = z.infer<typeof LabelsQuery>;
