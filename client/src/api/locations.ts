// The location tree: sites, a node with its path and children, name search for pickers.
import { get } from './client.js';

export type LocationNode = {
  id: number;
  parentId: number | null;
  kind: string;
  siteType: string | null;
  code: string | null;
  name: string;
  municipality: string | null;
  address: string | null;
  floorPlanMediaId: number | null;
  envTags: string[];
  active: boolean;
  worksCount: number;
  children?: LocationNode[];
  pathText?: string;
};
export type LocationDetail = LocationNode & {
  pathNodes: { id: number; name: string; kind: string }[];
  pathText: string;
  worksHere: number;
  children: LocationNode[];
  version: number;
};

export const listSites = (signal?: AbortSignal) => get<{ items: LocationNode[]; total: number }>('/api/locations', undefined, signal);
export const locationTree = (site?: number, signal?: AbortSignal) => get<{ items: LocationNode[]; total: number }>('/api/locations', { tree: 'true', site }, signal);
export const getLocation = (id: number, signal?: AbortSignal) => get<LocationDetail>(`/api/locations/${id}`, undefined, signal);
export const findLocations = (q: string, signal?: AbortSignal) => get<{ items: LocationNode[]; total: number }>('/api/locations', { q, limit: 20 }, signal);
