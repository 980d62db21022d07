// Everything the condition report shows, read in one go (sync), plus its images (async, JPEG for pdfkit).
import fs from 'node:fs/promises';
import type Database from 'better-sqlite3';
import sharp from 'sharp';
import { photosFor, type Photo } from '../conditions/conditions.queries.js';
import { effectiveIntervalMonths, locationChain } from '../conditions/interval-policy.js';
import { resolveLocation } from '../locations/locations.queries.js';
import { derivativePath, originalPath } from '../media/media.store.js';

export type ReportWork = {
  id: number;
  inventoryNumber: string;
  title: string;
  objectType: string;
  technique: string | null;
  materials: string | null;
  heightCm: number | null;
  widthCm: number | null;
  depthCm: number | null;
  datingText: string | null;
  acquisitionMethod: string | null;
  acquisitionDate: string | null;
  status: string;
  mounting: string | null;
  fixedInBuilding: number;
  checkIntervalMonths: number | null;
  locationId: number | null;
  siteId: number | null;
  lastGrade: number | null;
  lastCheckAt: string | null;
  nextCheckDue: string | null;
  primaryMediaId: number | null;
};
export type ReportCheck = {
  id: number;
  checkedAt: string;
  userName: string | null;
  grade: number;
  damageTypes: string[];
  damageLocation: string | null;
  recommendedAction: string | null;
  priority: string;
  note: string | null;
  correctsCheckId: number | null;
  corrected: number;
};
export type ReportTreatment = {
  id: number;
  status: string;
  performer: string;
  contractorName: string | null;
  description: string;
  workDone: string | null;
  costEstimate: number | null;
  costActual: number | null;
  proposedAt: string;
  doneAt: string | null;
};
export type ReportData = {
  work: ReportWork;
  artists: string[];
  locationText: string | null;
  intervalMonths: number;
  checks: ReportCheck[];
  treatments: ReportTreatment[];
  latestPhotos: Photo[];
};
export type ReportImages = { primary: Buffer | null; latest: Buffer[] };

export function readReportData(sqlite: Database.Database, artworkId: number): ReportData | undefined {
  const work = sqlite
    .prepare(
      `select id, inventory_number as inventoryNumber, title, object_type as objectType, technique, materials, height_cm as heightCm, width_cm as widthCm,
              depth_cm as depthCm, dating_text as datingText, acquisition_method as acquisitionMethod, acquisition_date as acquisitionDate, status, mounting,
              fixed_in_building as fixedInBuilding, check_interval_months as checkIntervalMonths, location_id as locationId, site_id as siteId,
              last_grade as lastGrade, last_check_at as lastCheckAt, next_check_due as nextCheckDue, primary_media_id as primaryMediaId
         from artworks where id = ?`,
    )
    .get(artworkId) as ReportWork | undefined;
  if (!work) return undefined;
  const artists = sqlite
    .prepare('select r.name from artwork_artists aa join artists r on r.id = aa.artist_id where aa.artwork_id = ? order by aa.position')
    .pluck()
    .all(artworkId) as string[];
  const checks = (
    sqlite
      .prepare(
        `select c.id, c.checked_at as checkedAt, u.name as userName, c.grade, c.damage_types as damageTypes, c.damage_location as damageLocation,
                c.recommended_action as recommendedAction, c.priority, c.note, c.corrects_check_id as correctsCheckId,
                exists (select 1 from condition_checks k where k.corrects_check_id = c.id) as corrected
           from condition_checks c left join users u on u.id = c.user_id where c.artwork_id = ? order by c.checked_at desc, c.id desc`,
      )
      .all(artworkId) as (Omit<ReportCheck, 'damageTypes'> & { damageTypes: string })[]
  ).map((c) => ({ ...c, damageTypes: JSON.parse(c.damageTypes) as string[] }));
  const treatments = sqlite
    .prepare(
      `select id, status, performer, contractor_name as contractorName, description, work_done as workDone, cost_estimate as costEstimate,
              cost_actual as costActual, proposed_at as proposedAt, done_at as doneAt
         from conservation_treatments where artwork_id = ? order by proposed_at desc, id desc`,
    )
    .all(artworkId) as ReportTreatment[];
  const latest = checks.find((c) => !c.corrected);
  const intervalMonths = effectiveIntervalMonths({
    workIntervalMonths: work.checkIntervalMonths,
    mounting: work.mounting,
    fixedInBuilding: !!work.fixedInBuilding,
    chain: locationChain(sqlite, work.locationId),
  });
  return {
    work,
    artists,
    locationText: work.locationId ? (resolveLocation(sqlite, work.locationId)?.pathText ?? null) : null,
    intervalMonths,
    checks,
    treatments,
    latestPhotos: latest ? (photosFor(sqlite, 'condition_check', [latest.id]).get(latest.id) ?? []).filter((p) => p.mime.startsWith('image/')) : [],
  };
}

/** Loads the primary image and up to four photos of the latest check; a missing file is simply left out. */
export async function loadReportImages(sqlite: Database.Database, uploadsDir: string, data: ReportData): Promise<ReportImages> {
  const primary = data.work.primaryMediaId
    ? (sqlite.prepare('select sha256, ext, mime from media where id = ?').get(data.work.primaryMediaId) as { sha256: string; ext: string; mime: string } | undefined)
    : undefined;
  const [main, ...latest] = await Promise.all([
    primary ? toJpeg(uploadsDir, primary, 'medium', 900) : Promise.resolve(null),
    ...data.latestPhotos.slice(0, 4).map((p) => toJpeg(uploadsDir, p, 'thumb', 400)),
  ]);
  return { primary: main ?? null, latest: latest.filter((b): b is Buffer => !!b) };
}

async function toJpeg(root: string, m: { sha256: string; ext: string; mime: string }, size: 'thumb' | 'medium', px: number): Promise<Buffer | null> {
  for (const file of [derivativePath(root, m.sha256, size), ...(m.mime.startsWith('image/') ? [originalPath(root, m.sha256, m.ext)] : [])]) {
    try {
      const input = await fs.readFile(file);
      return await sharp(input, { failOn: 'error' }).rotate().resize(px, px, { fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 82 }).toBuffer();
    } catch {
      // Not there (derivatives pending, file removed) or unreadable: try the next, else no image.
    }
  }
  return null;
}
