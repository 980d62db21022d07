// Art projects (gestaltningsprojekt): the portfolio, a project with its budget, proposals,
// payments, the install step, suggestions from storage and reservations; a record's files.
import { get, request } from './client.js';
import type {
  CreateProjectBody, CreateProposalBody, InstallBody, PaymentBody, PhaseBody, ProjectDetail, ProjectSummary, Proposal, ReserveBody, Rollup, SuggestionsResponse,
  UpdateProjectBody, UpdateProposalBody,
} from '../../../server/projects/projects.schema.js';
import type { MediaEntityType, MediaLinkItem } from '../../../server/media/media.schema.js';

export type {
  Budget, PlanProposal, PremisesType, ProjectDetail, ProjectPhase, ProjectSummary, Proposal, ProposalStatus, Reservation, Rollup, Suggestion, SuggestionsResponse,
} from '../../../server/projects/projects.schema.js';
export { PROJECT_PHASE_VALUES, PROPOSAL_STATUS_VALUES, PREMISES_TYPE_VALUES } from '../../../server/projects/projects.schema.js';
export type { MediaLinkItem };

export type ProjectList = { items: ProjectSummary[]; total: number; nextCursor: string | null };

export const listProjects = (query: { q?: string; phase?: string; limit?: number; cursor?: string } = {}, signal?: AbortSignal) =>
  get<ProjectList>('/api/projects', query, signal);
export const getRollup = (signal?: AbortSignal) => get<Rollup>('/api/projects/rollup', undefined, signal);
export const getProject = (id: number, signal?: AbortSignal) => get<ProjectDetail>(`/api/projects/${id}`, undefined, signal);

export const createProject = (body: CreateProjectBody) => request<ProjectDetail>('/api/projects', { method: 'POST', body }).then((r) => r.data);
export const updateProject = (id: number, body: UpdateProjectBody, version: number) =>
  request<ProjectDetail>(`/api/projects/${id}`, { method: 'PATCH', body, ifMatch: version }).then((r) => r.data);
export const changePhase = (id: number, body: PhaseBody, version: number) =>
  request<ProjectDetail>(`/api/projects/${id}/phase`, { method: 'POST', body, ifMatch: version }).then((r) => r.data);

export const createProposal = (projectId: number, body: CreateProposalBody) =>
  request<Proposal>(`/api/projects/${projectId}/proposals`, { method: 'POST', body }).then((r) => r.data);
export const updateProposal = (projectId: number, id: number, body: UpdateProposalBody, version: number) =>
  request<Proposal>(`/api/projects/${projectId}/proposals/${id}`, { method: 'PATCH', body, ifMatch: version }).then((r) => r.data);
export const addPayment = (projectId: number, id: number, body: PaymentBody) =>
  request<Proposal>(`/api/projects/${projectId}/proposals/${id}/payments`, { method: 'POST', body }).then((r) => r.data);
export const installProposal = (projectId: number, id: number, body: InstallBody, version: number) =>
  request<{ proposal: Proposal; artworkIds: number[] }>(`/api/projects/${projectId}/proposals/${id}/install`, { method: 'POST', body, ifMatch: version }).then((r) => r.data);

export const getSuggestions = (projectId: number, query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
  get<SuggestionsResponse>(`/api/projects/${projectId}/suggestions`, query, signal);
export const reserveWork = (projectId: number, body: ReserveBody) =>
  request<ProjectDetail>(`/api/projects/${projectId}/reservations`, { method: 'POST', body }).then((r) => r.data);
export const releaseReservation = (projectId: number, reservationId: number) =>
  request<ProjectDetail>(`/api/projects/${projectId}/reservations/${reservationId}`, { method: 'DELETE' }).then((r) => r.data);

/** Files (documents, sketches) linked to a project or proposal. */
export const listFiles = (entityType: MediaEntityType, entityId: number, signal?: AbortSignal) =>
  get<{ items: MediaLinkItem[] }>('/api/media', { entityType, entityId }, signal).then((r) => r.items);
