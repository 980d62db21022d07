// Demo art projects (gestaltningsprojekt) at real hospitals of the demo tree: new and rebuilt
// buildings of 240 MSEK–2.4 GSEK, phases spread from idea to completed, proposals with plausible
// costs, payments and planned spots on the floor plans. Runs inside the demo seed's transaction.
import type Database from 'better-sqlite3';
import { artBudget } from '../../server/projects/projects.budget.js';

const MSEK = 100_000_000; // öre
const KSEK = 100_000;
const PHASES = ['idea', 'programme', 'artist_selection', 'production', 'installation', 'completed', 'closed'] as const;
type Phase = (typeof PHASES)[number];
type Status = 'proposed' | 'selected' | 'contracted' | 'in_production' | 'installed' | 'rejected';

type ProposalSpec = {
  title: string;
  description: string;
  objectType: string;
  technique?: string;
  size?: [number, number];
  /** An artist of the register (by position among living artists) or a new name. */
  artist: number | string;
  estimated: number;
  contracted?: number;
  status: Status;
  /** Share of the contract paid so far (0–1), paid in up to three instalments. */
  paid?: number;
  /** Index of the room on the chosen floor (has a planned spot when given). */
  room?: number;
  note?: string;
};

type ProjectSpec = {
  site: string;
  building: string;
  name: string;
  description: string;
  premises: 'care' | 'other' | 'mixed';
  careShare?: number;
  cost: number;
  phase: Phase;
  /** Months before the seed's "now" the project started; phases follow at even steps. */
  startedMonthsAgo: number;
  plannedMonths: number;
  override?: { amount: number; reason: string; ref: string };
  team: { name: string; role: string }[];
  proposals: ProposalSpec[];
};

const PROJECTS: ProjectSpec[] = [
  {
    site: 'Södersjukhuset', building: 'Hus H', name: 'Nya akuten Södersjukhuset – Hus H',
    description: 'Ny akutmottagning och två vårdavdelningar. Konsten ska ge orientering och lugn i väntrum och korridorer.',
    premises: 'care', cost: 2_400 * MSEK, phase: 'production', startedMonthsAgo: 30, plannedMonths: 42,
    team: [{ name: 'Karin Lundqvist', role: 'Projektledare konst' }, { name: 'White arkitekter', role: 'Arkitekt' }, { name: 'Anders Berg', role: 'Verksamhetsrepresentant' }],
    proposals: [
      { title: 'Ljusfält', description: 'Ljusinstallation i entréns tak, dagsljusstyrd.', objectType: 'installation', technique: 'LED, opalglas', artist: 0, estimated: 3_200 * KSEK, contracted: 3_450 * KSEK, status: 'in_production', paid: 0.6, room: 0 },
      { title: 'Vattenlinjen', description: 'Relief i keramik längs väntrummets långvägg.', objectType: 'relief', technique: 'Glaserad stengods', size: [240, 1200], artist: 'Linnea Ahlgren Öst', estimated: 1_800 * KSEK, contracted: 1_760 * KSEK, status: 'contracted', paid: 0.2, room: 1 },
      { title: 'Serie för vårdrummen', description: 'Tolv grafiska blad, ett per vårdrum.', objectType: 'print', technique: 'Träsnitt', size: [70, 50], artist: 3, estimated: 420 * KSEK, contracted: 395 * KSEK, status: 'contracted', room: 2 },
      { title: 'Innergårdens ljud', description: 'Ljudinstallation på innergården, synlig från vårdavdelningarnas fönster.', objectType: 'installation', artist: 'Johan Bergström Sahlin', estimated: 950 * KSEK, status: 'selected', room: 3 },
      { title: 'Skulptur vid ambulansintaget', description: 'Fristående skulptur i rostfritt stål.', objectType: 'sculpture', artist: 5, estimated: 2_900 * KSEK, status: 'rejected', paid: 0, note: 'Passade inte säkerhetskraven vid intaget' },
    ],
  },
  {
    site: 'Karolinska Universitetssjukhuset Solna', building: 'Barnakuten', name: 'Barnakuten Solna – om- och tillbyggnad',
    description: 'Tillbyggnad av barnakuten med nya undersökningsrum och ett lekfullt väntrum.',
    premises: 'care', cost: 620 * MSEK, phase: 'artist_selection', startedMonthsAgo: 14, plannedMonths: 30,
    override: { amount: 15 * MSEK, reason: 'Regionstyrelsen utökade konstbudgeten för barnmiljöerna', ref: 'RS 2025-0317' },
    team: [{ name: 'Sofia Malm', role: 'Projektledare konst' }, { name: 'Tengbom', role: 'Arkitekt' }],
    proposals: [
      { title: 'Djuren i väggen', description: 'Integrerade reliefer i låg höjd för barn.', objectType: 'relief', artist: 'Maja Sundén', estimated: 2_100 * KSEK, status: 'selected', room: 0 },
      { title: 'Himlen i taket', description: 'Takmålning i undersökningsrummen.', objectType: 'painting', artist: 7, estimated: 1_400 * KSEK, status: 'proposed', room: 1 },
      { title: 'Ljudskulptur', description: 'Interaktiv ljudskulptur i väntrummet.', objectType: 'installation', artist: 9, estimated: 2_600 * KSEK, status: 'proposed', paid: 0, room: 2 },
    ],
  },
  {
    site: 'Danderyds sjukhus', building: 'Hus B', name: 'Danderyd – nytt behandlingshus',
    description: 'Behandlingshus med operation, dagkirurgi och kontor. Blandade lokaler: 80 % vård.',
    premises: 'mixed', careShare: 80, cost: 1_350 * MSEK, phase: 'installation', startedMonthsAgo: 40, plannedMonths: 44,
    team: [{ name: 'Erik Holm', role: 'Projektledare konst' }, { name: 'Sweco', role: 'Arkitekt' }],
    proposals: [
      { title: 'Passage', description: 'Glasverk i förbindelsegången.', objectType: 'glass', technique: 'Blästrat och emaljerat glas', size: [280, 900], artist: 2, estimated: 2_500 * KSEK, contracted: 2_480 * KSEK, status: 'installed', paid: 1, room: 0 },
      { title: 'Återhämtning', description: 'Textil för uppvakningen.', objectType: 'textile', technique: 'Handvävd ull', size: [180, 320], artist: 'Ida Wennerholm', estimated: 650 * KSEK, contracted: 640 * KSEK, status: 'in_production', paid: 0.5, room: 1 },
      { title: 'Fotografisk svit', description: 'Fotografier från Danderyds natur för dagkirurgin.', objectType: 'photograph', size: [90, 120], artist: 11, estimated: 380 * KSEK, contracted: 360 * KSEK, status: 'contracted', paid: 0.3, room: 2 },
    ],
  },
  {
    site: 'Norrtälje sjukhus', building: 'Hus A', name: 'Norrtälje – psykiatrins nya vårdbyggnad',
    description: 'Ny byggnad för heldygnsvård inom psykiatri. All konst ska vara lämplig för psykiatrisk vård.',
    premises: 'care', cost: 410 * MSEK, phase: 'programme', startedMonthsAgo: 5, plannedMonths: 36,
    team: [{ name: 'Karin Lundqvist', role: 'Projektledare konst' }],
    proposals: [],
  },
  {
    site: 'Södertälje sjukhus', building: 'Hus A', name: 'Södertälje – parkeringshus och ny entré',
    description: 'Parkeringshus med entrépaviljong. Övriga lokaler: 1 %.',
    premises: 'other', cost: 240 * MSEK, phase: 'completed', startedMonthsAgo: 38, plannedMonths: 30,
    team: [{ name: 'Erik Holm', role: 'Projektledare konst' }],
    proposals: [
      { title: 'Fasadmönster', description: 'Perforerad plåtfasad med mönster efter Södertäljes kanal.', objectType: 'installation', artist: 4, estimated: 1_900 * KSEK, contracted: 2_550 * KSEK, status: 'installed', paid: 1, room: 0 },
      { title: 'Entréskulptur', description: 'Skulptur vid entrépaviljongen.', objectType: 'sculpture', artist: 'Oskar Dahlqvist', estimated: 600 * KSEK, status: 'rejected', paid: 0.0, note: 'Ersattes av fasadmönstret' },
    ],
  },
  {
    site: 'Karolinska Universitetssjukhuset Huddinge', building: 'Hus C', name: 'Huddinge – ombyggnad Hus C, vårdavdelningar',
    description: 'Ombyggnad av fyra vårdavdelningar. Förnyelse med verk ur magasinet planeras.',
    premises: 'care', cost: 890 * MSEK, phase: 'idea', startedMonthsAgo: 2, plannedMonths: 40,
    team: [{ name: 'Sofia Malm', role: 'Projektledare konst' }],
    proposals: [{ title: 'Förnyelse ur magasinet', description: 'Verk ur samlingen till korridorerna.', objectType: 'painting', artist: 13, estimated: 150 * KSEK, status: 'proposed', room: 0 }],
  },
];

export type DemoProjectsSummary = { projects: number; proposals: number; payments: number };

const day = (d: Date) => d.toISOString().slice(0, 10);
const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - Math.round(months));
  return d;
};

/** Creates the demo projects; the location tree and artists must be in place (same transaction). */
export function seedDemoProjects(sqlite: Database.Database, opts: { now: Date }): DemoProjectsSummary {
  const now = opts.now;
  const at = now.toISOString();
  const out = { projects: 0, proposals: 0, payments: 0 };
  const siteOf = sqlite.prepare("select id from locations where kind = 'site' and name = ?").pluck();
  const buildingOf = sqlite.prepare("select id from locations where kind = 'building' and parent_id = ? order by (name = ?) desc, id limit 1").pluck();
  // The floor of the building with the most rooms drawn on its plan: proposals get spots there.
  const floorOf = sqlite.prepare(
    `select f.id from locations f where f.parent_id = ? and f.kind = 'floor'
      order by (select count(*) from locations r where r.parent_id = f.id and r.plan_area is not null) desc, f.id limit 1`,
  ).pluck();
  const roomsOf = sqlite.prepare("select id, plan_area as planArea from locations where parent_id = ? and kind = 'room' and plan_area is not null order by code, id");
  const artists = sqlite.prepare('select id from artists where merged_into_id is null and death_year is null order by id limit 40').pluck().all() as number[];
  const commissioned = sqlite.prepare(
    "select id from artworks where site_id = ? and acquisition_method = 'commission' and project_id is null and status = 'in_place' order by id limit 1",
  ).pluck();
  const insProject = sqlite.prepare(
    `insert into projects (name, description, location_id, site_id, premises_type, care_share, production_cost, computed_budget, budget_override, override_reason,
       override_ref, phase, phase_date, start_date, planned_end_date, lead_user_id, team, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)`,
  );
  const insPhase = sqlite.prepare('insert into project_phases (project_id, phase, from_phase, date, note, user_id, created_at) values (?, ?, ?, ?, null, null, ?)');
  const insProposal = sqlite.prepare(
    `insert into proposals (project_id, title, description, object_type, technique, height_cm, width_cm, estimated_cost, contracted_cost, contracted_on, contract_ref,
       status, status_note, location_id, pos_x, pos_y, installed_on, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insArtist = sqlite.prepare('insert into proposal_artists (proposal_id, position, artist_id, name) values (?, 0, ?, ?)');
  const insPayment = sqlite.prepare('insert into proposal_payments (proposal_id, paid_on, amount, ref, note, user_id, created_at) values (?, ?, ?, ?, null, null, ?)');
  const linkWork = sqlite.prepare('insert into proposal_artworks (proposal_id, artwork_id) values (?, ?)');
  const setProject = sqlite.prepare('update artworks set project_id = ? where id = ?');

  PROJECTS.forEach((spec, pi) => {
    const siteId = siteOf.get(spec.site) as number | undefined;
    if (!siteId) return; // a smaller demo tree may lack the site
    const buildingId = (buildingOf.get(siteId, spec.building) as number | undefined) ?? siteId;
    const start = monthsBefore(now, spec.startedMonthsAgo);
    const reached = PHASES.indexOf(spec.phase);
    const phaseDates = PHASES.slice(0, reached + 1).map((_, i) => day(monthsBefore(now, spec.startedMonthsAgo - (spec.startedMonthsAgo * i) / (reached + 1))));
    const share = spec.premises === 'care' ? 100 : spec.premises === 'other' ? 0 : spec.careShare!;
    const projectId = Number(
      insProject.run(spec.name, spec.description, buildingId, siteId, spec.premises, share, spec.cost, artBudget(spec.cost, share), spec.override?.amount ?? null,
        spec.override?.reason ?? null, spec.override?.ref ?? null, spec.phase, phaseDates.at(-1)!, day(start), day(monthsBefore(now, spec.startedMonthsAgo - spec.plannedMonths)),
        JSON.stringify(spec.team), start.toISOString(), at).lastInsertRowid,
    );
    out.projects++;
    phaseDates.forEach((d, i) => insPhase.run(projectId, PHASES[i], i ? PHASES[i - 1] : null, d, at));

    const floorId = buildingId !== siteId ? (floorOf.get(buildingId) as number | undefined) : undefined;
    const rooms = floorId ? (roomsOf.all(floorId) as { id: number; planArea: string }[]) : [];
    const contractDay = day(monthsBefore(now, spec.startedMonthsAgo * 0.45));
    spec.proposals.forEach((p, i) => {
      const room = p.room !== undefined ? rooms[p.room % Math.max(rooms.length, 1)] : undefined;
      const area = room ? (JSON.parse(room.planArea) as { x: number; y: number; w: number; h: number }) : null;
      const contracted = p.contracted !== undefined && ['contracted', 'in_production', 'installed'].includes(p.status);
      const installedOn = p.status === 'installed' ? phaseDates.at(-1)! : null;
      const id = Number(
        insProposal.run(projectId, p.title, p.description, p.objectType, p.technique ?? null, p.size?.[0] ?? null, p.size?.[1] ?? null, p.estimated,
          p.contracted ?? null, contracted ? contractDay : null, contracted ? `KN ${start.getUTCFullYear()}/${110 + pi * 10 + i}` : null, p.status, p.note ?? null,
          room?.id ?? null, area ? Math.round((area.x + area.w * (0.3 + 0.2 * (i % 3))) * 1e4) / 1e4 : null, area ? Math.round((area.y + area.h * 0.5) * 1e4) / 1e4 : null,
          installedOn, start.toISOString(), at).lastInsertRowid,
      );
      out.proposals++;
      const artistId = typeof p.artist === 'number' ? (artists[p.artist % Math.max(artists.length, 1)] ?? null) : null;
      insArtist.run(id, artistId, artistId === null ? (typeof p.artist === 'string' ? p.artist : 'Okänd konstnär') : null);
      if (p.paid && p.contracted) {
        // Up to three instalments between the contract and now, in whole öre that add up exactly.
        const total = Math.round(p.contracted * p.paid);
        const parts = p.paid >= 1 ? 3 : p.paid >= 0.5 ? 2 : 1;
        const base = Math.floor(total / parts);
        for (let k = 0; k < parts; k++) {
          const amount = k === 0 ? total - base * (parts - 1) : base;
          const paidOn = day(monthsBefore(now, spec.startedMonthsAgo * 0.45 * (1 - (k + 1) / (parts + 1))));
          insPayment.run(id, paidOn, amount, `Faktura ${4100 + pi * 100 + i * 10 + k}`, at);
          out.payments++;
        }
      }
      if (p.status === 'installed') {
        const work = commissioned.get(siteId) as number | undefined;
        if (work) (linkWork.run(id, work), setProject.run(projectId, work));
      }
    });
  });
  return out;
}
