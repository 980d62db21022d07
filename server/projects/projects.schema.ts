// Contracts of art projects (gestaltningsprojekt), their proposals, payments and storage reservations.
// Imports nothing but zod, so the client can validate forms with the same rules.
import { z } from 'zod';

export const PROJECT_PHASE_VALUES = ['idea', 'programme', 'artist_selection', 'production', 'installation', 'completed', 'closed'] as const;
export const PREMISES_TYPE_VALUES = ['care', 'other', 'mixed'] as const;
export const PROPOSAL_STATUS_VALUES = ['proposed', 'selected', 'contracted', 'in_production', 'installed', 'rejected'] as const;
export const OBJECT_TYPE_VALUES = ['painting', 'print', 'drawing', 'photograph', 'sculpture', 'relief', 'textile', 'ceramics', 'glass', 'mosaic', 'installation', 'digital', 'other'] as const;
export type ProjectPhase = (typeof PROJECT_PHASE_VALUES)[number];
export type PremisesType = (typeof PREMISES_TYPE_VALUES)[number];
export type ProposalStatus = (typeof PROPOSAL_STATUS_VALUES)[number];

/** Statuses whose contracted cost is committed money. */
export const COMMITTED_STATUSES: readonly ProposalStatus[] = ['contracted', 'in_production', 'installed'];

/**
 * Money is whole öre. 100 GSEK (10^13 öre) is beyond any building the region has built: a larger
 * figure is a typo (a cost typed in öre twice), not a building.
 */
export const MAX_PRODUCTION_COST = 10_000_000_000_000;
/** No single commission or payment is above 1 GSEK. */
export const MAX_ART_COST = 100_000_000_000;

const id = z.number().int().positive().max(2 ** 31);
const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const money = (max: number, what: string) =>
  z
    .number({ error: `${what} in whole öre` })
    .int('Whole öre (no fractions)')
    .min(0, `${what} cannot be negative`)
    .max(max, `${what} over ${(max / 100).toLocaleString('en')} SEK is not plausible`);
const fraction = z.number().min(0).max(1);

export const TeamMember = z.strictObject({ name: z.string().trim().min(1, 'Required').max(200), role: z.string().trim().max(200).nullable().optional() });

const projectFields = {
  name: z.string().trim().min(1, 'Required').max(300),
  description: text(10_000),
  /** A site or building of the location tree. */
  locationId: id,
  premisesType: z.enum(PREMISES_TYPE_VALUES),
  /** Only for mixed premises: the care share in whole percent, 1–99. */
  careShare: z.number().int('Whole percent').min(0).max(100).nullable().optional(),
  productionCost: money(MAX_PRODUCTION_COST, 'Production cost').refine((n) => n > 0, 'Production cost must be more than 0'),
  budgetOverride: money(MAX_PRODUCTION_COST, 'Budget').nullable().optional(),
  overrideReason: text(2000),
  /** Case number (diarienummer) of the decision that set the budget. */
  overrideRef: text(100),
  startDate: day.nullable().optional(),
  plannedEndDate: day.nullable().optional(),
  leadUserId: id.nullable().optional(),
  team: z.array(TeamMember).max(50).optional(),
};

export const CreateProjectBody = z.strictObject({ ...projectFields, phase: z.enum(PROJECT_PHASE_VALUES).optional(), phaseDate: day.optional() });
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = z.strictObject({
  ...projectFields,
  name: projectFields.name.optional(),
  locationId: id.optional(),
  premisesType: projectFields.premisesType.optional(),
  productionCost: projectFields.productionCost.optional(),
});
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

export const PhaseBody = z.strictObject({
  phase: z.enum(PROJECT_PHASE_VALUES),
  /** The day the project entered the phase (default today). */
  date: day.optional(),
  /** Required when the phase goes back. */
  note: z.string().trim().max(2000).optional(),
});
export type PhaseBody = z.infer<typeof PhaseBody>;

export const ListProjectsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  phase: z.enum(PROJECT_PHASE_VALUES).optional(),
  site: z.coerce.number().int().positive().max(2 ** 31).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional(),
});

/** An artist of a proposal: an authority record, or a name (registered when the proposal is installed). */
export const ProposalArtist = z.union([
  z.strictObject({ artistId: id }),
  z.strictObject({ name: z.string().trim().min(1, 'Required').max(300) }),
]);
export type ProposalArtist = z.infer<typeof ProposalArtist>;

const proposalFields = {
  title: z.string().trim().min(1, 'Required').max(500),
  description: text(10_000),
  objectType: z.enum(OBJECT_TYPE_VALUES).optional(),
  technique: text(500),
  heightCm: z.number().positive('Must be more than 0').max(100_000).nullable().optional(),
  widthCm: z.number().positive('Must be more than 0').max(100_000).nullable().optional(),
  depthCm: z.number().min(0, 'Cannot be negative').max(100_000).nullable().optional(),
  artists: z.array(ProposalArtist).max(20).optional(),
  estimatedCost: money(MAX_ART_COST, 'Estimated cost').nullable().optional(),
  contractedCost: money(MAX_ART_COST, 'Contracted cost').nullable().optional(),
  contractedOn: day.nullable().optional(),
  contractRef: text(100),
  /** The planned spot: a room or floor of the project's site … */
  locationId: id.nullable().optional(),
  /** … and where on its floor plan (fractions 0–1). */
  posX: fraction.nullable().optional(),
  posY: fraction.nullable().optional(),
};

const spotTogether = (b: { posX?: number | null; posY?: number | null }, ctx: z.RefinementCtx) => {
  if (b.posX !== undefined && b.posY !== undefined && (b.posX === null) !== (b.posY === null))
    ctx.addIssue({ code: 'custom', path: ['posY'], message: 'posX and posY are set or cleared together' });
  if ((b.posX === undefined) !== (b.posY === undefined)) ctx.addIssue({ code: 'custom', path: ['posY'], message: 'posX and posY are set or cleared together' });
};

export const CreateProposalBody = z.strictObject(proposalFields).superRefine(spotTogether);
export type CreateProposalBody = z.infer<typeof CreateProposalBody>;

export const UpdateProposalBody = z
  .strictObject({
    ...proposalFields,
    title: proposalFields.title.optional(),
    /** Not `installed`: that goes through POST …/install, which creates the artwork. */
    status: z.enum(PROPOSAL_STATUS_VALUES).optional(),
    statusNote: text(2000),
  })
  .superRefine(spotTogether);
export type UpdateProposalBody = z.infer<typeof UpdateProposalBody>;

export const InstallWork = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  /** Default: the next free number of the collection. */
  inventoryNumber: z.string().trim().min(1).max(40).optional(),
  objectType: z.enum(OBJECT_TYPE_VALUES).optional(),
  heightCm: z.number().positive().max(100_000).nullable().optional(),
  widthCm: z.number().positive().max(100_000).nullable().optional(),
  depthCm: z.number().min(0).max(100_000).nullable().optional(),
  /** Default: the proposal's planned spot. */
  locationId: id.optional(),
  posX: fraction.nullable().optional(),
  posY: fraction.nullable().optional(),
});

export const InstallBody = z.strictObject({
  /** Installation day (default today); the acquisition date of the works. */
  date: day.optional(),
  /** One entry per work the commission became (default: one work from the proposal). */
  works: z.array(InstallWork).min(1).max(50).optional(),
});
export type InstallBody = z.infer<typeof InstallBody>;

export const PaymentBody = z.strictObject({
  paidOn: day,
  amount: money(MAX_ART_COST, 'Amount').refine((n) => n > 0, 'Amount must be more than 0'),
  ref: text(100),
  note: text(2000),
});
export type PaymentBody = z.infer<typeof PaymentBody>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(20));

export const SUITABILITY_FLAGS = ['psychiatrySafe', 'cleanable', 'antiTheftFixing', 'glazed', 'fixedInBuilding'] as const;
export type SuitabilityFlag = (typeof SUITABILITY_FLAGS)[number];

const cm = z.coerce.number().positive().max(100_000).optional();
export const SuggestionsQuery = z
  .strictObject({
    /** The planned spot: its location gives the site and the environment. */
    locationId: z.coerce.number().int().positive().max(2 ** 31),
    type: csv(OBJECT_TYPE_VALUES).optional(),
    minWidthCm: cm,
    maxWidthCm: cm,
    minHeightCm: cm,
    maxHeightCm: cm,
    /** Flags wanted beyond those the environment requires. */
    flags: csv(SUITABILITY_FLAGS).optional(),
    /** "Not recently shown": not at the spot's site within this many years (default 5). */
    notShownYears: z.coerce.number().int().min(0).max(100).default(5),
    limit: z.coerce.number().int().min(1).max(200).default(30),
  })
  .superRefine((q, ctx) => {
    if (q.minWidthCm && q.maxWidthCm && q.minWidthCm > q.maxWidthCm) ctx.addIssue({ code: 'custom', path: ['maxWidthCm'], message: 'Smaller than the minimum width' });
    if (q.minHeightCm && q.maxHeightCm && q.minHeightCm > q.maxHeightCm) ctx.addIssue({ code: 'custom', path: ['maxHeightCm'], message: 'Smaller than the minimum height' });
  });
export type SuggestionsQuery = z.infer<typeof SuggestionsQuery>;

export const ReserveBody = z
  .strictObject({
    artworkId: id,
    /** The planned spot the work is for. */
    locationId: id.nullable().optional(),
    posX: fraction.nullable().optional(),
    posY: fraction.nullable().optional(),
    note: text(2000),
  })
  .superRefine(spotTogether);
export type ReserveBody = z.infer<typeof ReserveBody>;

export const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31) });
export const ProposalParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31), proposalId: z.coerce.number().int().positive().max(2 ** 31) });
export const ReservationParams = z.strictObject({ id: z.coerce.number().int().positive().max(2 ** 31), reservationId: z.coerce.number().int().positive().max(2 ** 31) });

// ---- Response shapes (documentation and the client's types) ----

export type Budget = {
  /** The budget in force: the override when there is one, else the computed one. */
  budget: number;
  computed: number;
  override: number | null;
  /** Contracted cost of contracted / in production / installed proposals, plus money already paid on the others. */
  committed: number;
  paid: number;
  remaining: number;
  /** Estimated cost of proposals not yet contracted (proposed, selected): the pipeline. */
  planned: number;
  overCommitted: boolean;
  /** Per calendar year: committed by contract date, paid by payment date. */
  perYear: { year: number; committed: number; paid: number }[];
};

export type ProposalArtistOut = { artistId: number | null; name: string };

export type Proposal = {
  id: number;
  projectId: number;
  title: string;
  description: string | null;
  objectType: string;
  technique: string | null;
  heightCm: number | null;
  widthCm: number | null;
  depthCm: number | null;
  artists: ProposalArtistOut[];
  estimatedCost: number | null;
  contractedCost: number | null;
  contractedOn: string | null;
  contractRef: string | null;
  paidToDate: number;
  status: ProposalStatus;
  statusNote: string | null;
  locationId: number | null;
  locationPath: string | null;
  floorId: number | null;
  posX: number | null;
  posY: number | null;
  installedOn: string | null;
  artworks: { id: number; inventoryNumber: string; title: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type PhaseEntry = { phase: ProjectPhase; fromPhase: ProjectPhase | null; date: string; note: string | null; userName: string | null };

export type ProjectSummary = {
  id: number;
  name: string;
  locationId: number;
  locationPath: string;
  siteId: number;
  premisesType: PremisesType;
  careShare: number;
  productionCost: number;
  phase: ProjectPhase;
  phaseDate: string;
  startDate: string | null;
  plannedEndDate: string | null;
  leadUserId: number | null;
  leadName: string | null;
  budget: Budget;
  phases: PhaseEntry[];
  proposalCounts: Partial<Record<ProposalStatus, number>>;
  version: number;
};

export type Reservation = {
  id: number;
  artworkId: number;
  inventoryNumber: string;
  title: string;
  status: string;
  locationId: number | null;
  locationPath: string | null;
  posX: number | null;
  posY: number | null;
  note: string | null;
  reservedAt: string;
};

export type ProjectDetail = ProjectSummary & {
  description: string | null;
  computedBudget: number;
  budgetOverride: number | null;
  overrideReason: string | null;
  overrideRef: string | null;
  team: { name: string; role: string | null }[];
  proposals: Proposal[];
  reservations: Reservation[];
  /** Floors of the building (or site) with a plan or rooms, for placing proposals. */
  floors: { id: number; name: string; buildingName: string; hasPlan: boolean }[];
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
};

export type Suggestion = {
  id: number;
  inventoryNumber: string;
  title: string;
  artists: string | null;
  objectType: string;
  heightCm: number | null;
  widthCm: number | null;
  grade: number | null;
  locationPath: string | null;
  lastShownAtSite: string | null;
  thumbUrl: string | null;
};

export type SuggestionsResponse = {
  items: Suggestion[];
  /** The rules applied, so the list can say why these works fit. */
  criteria: { siteId: number; envTags: string[]; requiredFlags: SuitabilityFlag[]; types: string[]; grades: number[]; notShownSince: string };
};

/** A proposal's planned spot on a floor plan (pins of their own colour on the plan view). */
export type PlanProposal = { id: number; projectId: number; projectName: string; title: string; status: ProposalStatus; locationId: number; posX: number; posY: number; version: number };

export type Rollup = {
  perYear: { year: number; committed: number; paid: number }[];
  totals: { budget: number; committed: number; paid: number; remaining: number; projects: number; overCommitted: number };
};
