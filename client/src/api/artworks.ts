// Artworks: the detail view, edits (with If-Match), status changes, history and timeline.
import { get, request, versionOf } from './client.js';
import type { StatusBody, UpdateArtworkBody } from '../../../server/artworks/artworks.schema.js';
import type { TimelineItem } from '../../../server/timeline/timeline.queries.js';

export type { UpdateArtworkBody, StatusBody };

export type ArtworkArtist = { id: number; name: string; sortName: string; birthYear: number | null; deathYear: number | null; role: string; position: number };
export type PathNode = { id: number; name: string; kind: string };
export type ImageLink = {
  id: number;
  sha256: string;
  role: string;
  position: number;
  caption: string | null;
  width: number | null;
  height: number | null;
  dominantColor: string | null;
  urls: { thumb: string; medium: string; large: string };
};
export type Movement = {
  id: number;
  movedAt: string;
  fromLocationId: number | null;
  toLocationId: number | null;
  fromPathText: string | null;
  toPathText: string | null;
  reason: string;
  note: string | null;
  batchId: string | null;
  userName: string | null;
};
export type Treatment = { id: number; status: string; performer: string | null; contractorName: string | null; description: string | null; priority: string | null; proposedAt: string; approvedAt: string | null; startedAt: string | null; costEstimate: number | null; version: number };
export type LatestCheck = { id: number; checkedAt: string; grade: number; damageTypes: string[]; recommendedAction: string | null; priority: string | null; note: string | null; userName: string | null };

/** The editable record (the fields of UpdateArtworkBody, as stored). */
export type ArtworkRecord = {
  id: number;
  inventoryNumber: string;
  title: string;
  objectType: string;
  technique: string | null;
  materials: string | null;
  heightCm: number | null;
  widthCm: number | null;
  depthCm: number | null;
  weightKg: number | null;
  datingText: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  signed: string | null;
  inscription: string | null;
  description: string | null;
  acquisitionMethod: string | null;
  acquisitionDate: string | null;
  acquisitionPrice: number | null;
  acquisitionSource: string | null;
  acquisitionRef: string | null;
  projectId: number | null;
  insuranceValue: number | null;
  copyright: string | null;
  status: string;
  statusNote: string | null;
  statusChangedAt: string | null;
  locationId: number | null;
  siteId: number | null;
  mounting: string | null;
  fixedInBuilding: boolean;
  antiTheftFixing: boolean;
  glazed: boolean;
  cleanable: boolean;
  psychiatrySafe: boolean;
  fireClass: string | null;
  ownershipUnclear: boolean;
  acquisitionDataMissing: boolean;
  dimensionsUnknown: boolean;
  isPublic: boolean;
  publicTextSv: string | null;
  publicTextEn: string | null;
  internalNote: string | null;
  lastGrade: number | null;
  lastCheckAt: string | null;
  nextCheckDue: string | null;
  checkIntervalMonths: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ArtworkDetail = ArtworkRecord & {
  artists: ArtworkArtist[];
  location: { id: number; kind: string; path: PathNode[]; pathText: string; siteType: string | null; active: boolean } | null;
  site: { id: number; name: string; siteType: string | null; municipality: string | null } | null;
  latestCheck: LatestCheck | null;
  primaryImage: ImageLink | null;
  images: ImageLink[];
  movements: Movement[];
  openTreatments: Treatment[];
};

export type HistoryEntry = {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  batchId: string | null;
};
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

export async function getArtwork(id: number, signal?: AbortSignal): Promise<ArtworkDetail> {
  const r = await request<ArtworkDetail>(`/api/artworks/${id}`, { signal });
  return { ...r.data, version: versionOf(r.etag) ?? r.data.version };
}

/** Saves changed fields; a stale `version` rejects with ConflictError carrying the current record. */
export async function updateArtwork(id: number, version: number, changes: UpdateArtworkBody): Promise<ArtworkDetail> {
  const r = await request<ArtworkDetail>(`/api/artworks/${id}`, { method: 'PATCH', body: changes, ifMatch: version });
  return r.data;
}

export async function changeStatus(id: number, version: number, body: StatusBody): Promise<ArtworkDetail> {
  const r = await request<ArtworkDetail>(`/api/artworks/${id}/status`, { method: 'POST', body, ifMatch: version });
  return r.data;
}

export const artworkHistory = (id: number, cursor?: string, signal?: AbortSignal) =>
  get<Page<HistoryEntry>>(`/api/artworks/${id}/history`, { cursor, limit: 50 }, signal);

export type { TimelineItem } from '../../../server/timeline/timeline.queries.js';
export type TimelineType = TimelineItem['type'];
/** Checks, treatment steps, movements, status changes and the acquisition, newest first. */
export const artworkTimeline = (id: number, signal?: AbortSignal) => get<{ items: TimelineItem[]; total: number }>(`/api/artworks/${id}/timeline`, undefined, signal);

export const reportUrl = (id: number) => `/api/artworks/${id}/report.pdf`;
export const labelUrl = (ids: number[]) => `/api/labels.pdf?works=${ids.join(',')}`;
