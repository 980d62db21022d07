// Contracts of the map: clusters by bbox and zoom, a floor's plan, and a work's spot on it.
// Imports nothing but zod, so the client can use the same rules.
import { z } from 'zod';

const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

/** `w,s,e,n` in WGS84 degrees; west may exceed east when the view crosses the antimeridian. */
export const Bbox = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const parts = s.split(',').map(num);
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'Expected four numbers: west,south,east,north' });
      return z.NEVER;
    }
    const [w, s2, e, n] = parts as [number, number, number, number];
    if (Math.abs(w) > 180 || Math.abs(e) > 180) ctx.addIssue({ code: 'custom', message: 'Longitudes must be between -180 and 180' });
    if (Math.abs(s2) > 90 || Math.abs(n) > 90) ctx.addIssue({ code: 'custom', message: 'Latitudes must be between -90 and 90' });
    if (s2 > n) ctx.addIssue({ code: 'custom', message: 'South must not be north of north' });
    return [w, s2, e, n] as [number, number, number, number];
  });

export const MAX_ZOOM = 22;

/** The map's own parameters; the search filters ride along under their own names. */
export const ClusterParams = z.object({
  bbox: Bbox,
  zoom: z.coerce.number().min(0).max(MAX_ZOOM).transform((n) => Math.floor(n)),
});
export type ClusterParams = z.infer<typeof ClusterParams>;

export const CLUSTER_PARAM_NAMES = ['bbox', 'zoom'] as const;

export type StatusCounts = Partial<Record<'in_place' | 'in_storage' | 'on_loan' | 'in_conservation' | 'missing' | 'deaccessioned', number>>;

export type ClusterProperties = {
  cluster: true;
  clusterId: number;
  /** Works in the cluster. */
  count: number;
  /** Sites in the cluster. */
  sites: number;
  /** Share (0–1) of the works needing attention: grade 3–4, check overdue, or missing. */
  attention: number;
  attentionCount: number;
  expansionZoom: number;
};

export type SiteProperties = {
  cluster: false;
  siteId: number;
  name: string;
  siteType: string | null;
  municipality: string | null;
  count: number;
  byStatus: StatusCounts;
  /** Worst latest condition grade among the works (4 is worst); null if none checked. */
  worstGrade: number | null;
  attention: number;
  attentionCount: number;
  /** Checks due within 30 days or overdue. */
  dueSoon: number;
};

export type MapFeature = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: ClusterProperties | SiteProperties;
};

export type ClustersResponse = {
  type: 'FeatureCollection';
  features: MapFeature[];
  /** Works in the features returned (what the visible area holds). */
  total: number;
  /** Works matching the filters anywhere, mapped or not. */
  matched: number;
  /** Matching works whose site has no coordinates (not drawn). */
  unmapped: number;
};

export type MapConfig = { tileUrl: string | null; attribution: string | null };

export type SiteFloor = {
  id: number;
  name: string;
  buildingId: number;
  buildingName: string;
  works: number;
  placed: number;
  hasPlan: boolean;
};
export type SiteSummary = { id: number; name: string; siteType: string | null; municipality: string | null; floors: SiteFloor[] };

export type PlanArea = { x: number; y: number; w: number; h: number };

export type PlanWork = {
  id: number;
  inventoryNumber: string;
  title: string;
  artists: string | null;
  objectType: string;
  status: string;
  grade: number | null;
  nextCheckDue: string | null;
  locationId: number | null;
  roomName: string | null;
  posX: number | null;
  posY: number | null;
  version: number;
  thumbUrl: string | null;
};

export type FloorPlan = {
  floor: { id: number; name: string; pathText: string; siteId: number; siteName: string; buildingName: string; version: number };
  /** Null when the floor has no plan image yet: rooms are then drawn on an empty sheet. */
  plan: { mediaId: number; url: string; width: number; height: number } | null;
  rooms: { id: number; name: string; code: string | null; planArea: PlanArea | null }[];
  placed: PlanWork[];
  unplaced: PlanWork[];
  canEdit: boolean;
  /** Planned spots of art-project proposals on this floor (drawn as pins of their own colour). */
  proposals: import('../projects/projects.schema.js').PlanProposal[];
};

const fraction = z.number().min(0).max(1);

/** Where a curator dropped a pin: a spot on the floor's plan (fractions 0–1), optionally in another room. */
export const PlacementBody = z
  .strictObject({
    posX: fraction.nullable(),
    posY: fraction.nullable(),
    /** The room (or the floor itself) the work now stands in; omitted = the room stays. */
    locationId: z.number().int().positive().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.posX === null) === (b.posY === null), { message: 'posX and posY are set or cleared together', path: ['posY'] });
export type PlacementBody = z.infer<typeof PlacementBody>;

export const IdParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) });
