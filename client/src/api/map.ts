// The map: clusters of the (filtered) collection, the base-map config, a site's floors, floor plans
// and dropping a pin on a plan.
import { get, request } from './client.js';
import type { SearchParams } from './search.js';
import type { ClustersResponse, FloorPlan, MapConfig, PlacementBody, SiteSummary } from '../../../server/map/map.schema.js';

export type { ClusterProperties, ClustersResponse, FloorPlan, MapConfig, MapFeature, PlanArea, PlanWork, SiteFloor, SiteProperties, SiteSummary } from '../../../server/map/map.schema.js';

export type Bbox = [west: number, south: number, east: number, north: number];

/** Search filters (same names as GET /api/artworks) plus the visible area and zoom. */
export const getClusters = (filters: SearchParams, bbox: Bbox, zoom: number, signal?: AbortSignal) =>
  get<ClustersResponse>('/api/map/clusters', { ...filters, bbox: bbox.map((n) => n.toFixed(5)).join(','), zoom: Math.floor(zoom) }, signal);

export const getMapConfig = (signal?: AbortSignal) => get<MapConfig>('/api/map/config', undefined, signal);

export const getSiteSummary = (id: number, signal?: AbortSignal) => get<SiteSummary>(`/api/map/sites/${id}`, undefined, signal);

export const getFloorPlan = (id: number, signal?: AbortSignal) => get<FloorPlan>(`/api/floors/${id}/plan`, undefined, signal);

export type PlacementResult = { version: number; moved: boolean };

/** Puts a work at a spot on its floor plan (another room = a movement). Needs the version last seen. */
export const placeWork = (id: number, body: PlacementBody, version: number) =>
  request<PlacementResult>(`/api/artworks/${id}/placement`, { method: 'PUT', body, ifMatch: version }).then((r) => r.data);
