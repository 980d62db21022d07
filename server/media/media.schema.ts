// Contracts for media uploads, links and files (imports nothing but zod, so the client can use them).
import { z } from 'zod';

export const MEDIA_ENTITY_TYPE_VALUES = ['artwork', 'condition_check', 'treatment', 'location', 'project', 'proposal', 'damage_report'] as const;
export const MEDIA_ROLE_VALUES = ['primary', 'detail', 'condition', 'before', 'after', 'floor_plan', 'document', 'sketch'] as const;
export type MediaEntityType = (typeof MEDIA_ENTITY_TYPE_VALUES)[number];
export type MediaRole = (typeof MEDIA_ROLE_VALUES)[number];

/** Which roles make sense on which kind of record (a "before" photo belongs to a treatment). */
export const ROLES_BY_ENTITY: Record<MediaEntityType, readonly MediaRole[]> = {
  artwork: ['primary', 'detail', 'condition', 'document', 'sketch'],
  condition_check: ['condition', 'detail', 'document'],
  treatment: ['before', 'after', 'condition', 'detail', 'document'],
  location: ['floor_plan', 'primary', 'detail', 'document'],
  project: ['primary', 'detail', 'sketch', 'floor_plan', 'document'],
  proposal: ['primary', 'detail', 'sketch', 'floor_plan', 'document'],
  damage_report: ['condition', 'detail'],
};

/** Roles that may hold a PDF; every other role needs a picture. */
export const DOCUMENT_ROLES: readonly MediaRole[] = ['document', 'sketch'];

/** Derivative sizes: longest edge in pixels, never enlarged. */
export const MEDIA_SIZES = { thumb: 256, medium: 1024, large: 2048 } as const;
export type MediaSize = keyof typeof MEDIA_SIZES;

export const MEDIA_LIMITS = {
  /** Per file. */
  maxBytes: 50 * 1024 * 1024,
  maxFiles: 20,
  /** Decoded pixels (width × height); more is treated as a decompression bomb. 100 MP ≈ a 12,000 × 8,000 scan. */
  maxPixels: 100_000_000,
} as const;

const id = z.coerce.number().int().positive().max(2 ** 31);

/** Text fields of the multipart upload (the files come in the `files` field). */
export const UploadFields = z.strictObject({
  entityType: z.enum(MEDIA_ENTITY_TYPE_VALUES),
  entityId: id,
  role: z.enum(MEDIA_ROLE_VALUES),
  caption: z.string().trim().max(500).optional(),
});
export type UploadFields = z.infer<typeof UploadFields>;

export const ListMediaQuery = z.strictObject({
  entityType: z.enum(MEDIA_ENTITY_TYPE_VALUES),
  entityId: id,
});

export const LinkParams = z.strictObject({ id });

export const UpdateLinkBody = z
  .strictObject({
    role: z.enum(MEDIA_ROLE_VALUES).optional(),
    /** New place in the record's list (0 = first); the others shift. */
    position: z.number().int().min(0).max(10_000).optional(),
    caption: z.string().trim().max(500).nullable().optional(),
  })
  .refine((b) => b.role !== undefined || b.position !== undefined || b.caption !== undefined, { message: 'Nothing to change: send role, position or caption' });
export type UpdateLinkBody = z.infer<typeof UpdateLinkBody>;

export const FileParams = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.enum(['thumb.webp', 'medium.webp', 'large.webp', 'original']),
});

export const MediaLinkItem = z.object({
  id: z.number().int(),
  mediaId: z.number().int(),
  entityType: z.enum(MEDIA_ENTITY_TYPE_VALUES),
  entityId: z.number().int(),
  role: z.enum(MEDIA_ROLE_VALUES),
  position: z.number().int(),
  caption: z.string().nullable(),
  version: z.number().int(),
  sha256: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  dominantColor: z.string().nullable(),
  originalName: z.string().nullable(),
  createdAt: z.string(),
  /** Thumbnail/medium/large are null for documents (PDF). */
  urls: z.object({ thumb: z.string().nullable(), medium: z.string().nullable(), large: z.string().nullable(), original: z.string() }),
});
export type MediaLinkItem = z.infer<typeof MediaLinkItem>;

export const UploadResponse = z.object({
  items: z.array(MediaLinkItem.extend({ created: z.boolean() })),
});
