// Writing the follow-up: a step taken, or the work found again (a movement back, status from the
// place it was found, and a 'found' step closing the episode). Each in one transaction with its audit row.
import type Database from 'better-sqlite3';
import { recordAudit } from '../audit/audit.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { moveArtworks } from '../movements/movements.service.js';
import { assertSite, type AuthUser } from '../users/auth.js';
import type { FoundInput, MissingStep, StepInput, StepKind } from './missing.schema.js';

type Work = { id: number; status: string; siteId: number | null; since: string };

function missingWork(sqlite: Database.Database, artworkId: number, user: AuthUser): Work {
  const w = sqlite
    .prepare('select id, status, site_id as siteId, coalesce(status_changed_at, updated_at) as since from artworks where id = ?')
    .get(artworkId) as Work | undefined;
  if (!w) throw notFound('artwork.not_found');
  assertSite(user, w.siteId);
  if (w.status !== 'missing') throw conflict('missing.not_missing', 'The work is not registered as missing.', { status: w.status });
  return w;
}

function checkDate(date: string, w: Work, today: string): void {
  if (date > today) throw unprocessable('missing.date_in_future', 'A step cannot be dated in the future.', [{ path: 'date', message: 'In the future' }]);
  if (date < w.since.slice(0, 10))
    throw unprocessable('missing.date_before_missing', `The work went missing on ${w.since.slice(0, 10)}.`, [{ path: 'date', message: 'Before the work went missing' }]);
}

function insertStep(sqlite: Database.Database, w: Work, step: StepKind, f: { date: string; note: string | null; reference: string | null; movementId: number | null }, user: AuthUser, at: string): MissingStep {
  const info = sqlite
    .prepare('insert into missing_steps (artwork_id, missing_since, step, date, note, reference, movement_id, user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(w.id, w.since, step, f.date, f.note, f.reference, f.movementId, user.id, at);
  const id = Number(info.lastInsertRowid);
  recordAudit(sqlite, { at, userId: user.id, action: 'missing_step', entityType: 'artwork', entityId: w.id, before: null, after: { stepId: id, step, missingSince: w.since, ...f } });
  return { id, step, ...f, userName: user.name, createdAt: at };
}

export function addStep(sqlite: Database.Database, artworkId: number, input: StepInput, user: AuthUser, now: Date, today: string): MissingStep {
  return sqlite.transaction(() => {
    const w = missingWork(sqlite, artworkId, user);
    const date = input.date ?? today;
    checkDate(date, w, today);
    if (input.reference && input.step !== 'police_report')
      throw unprocessable('missing.reference_police_only', 'A case number belongs to a police report.', [{ path: 'reference', message: 'Only for step police_report' }]);
    return insertStep(sqlite, w, input.step, { date, note: input.note || null, reference: input.reference ?? null, movementId: null }, user, now.toISOString());
  })();
}

export function foundAgain(sqlite: Database.Database, artworkId: number, input: FoundInput, user: AuthUser, now: Date, today: string) {
  return sqlite.transaction(() => {
    const w = missingWork(sqlite, artworkId, user);
    const date = input.date ?? today;
    checkDate(date, w, today);
    // Named here as the body names it (the movement would call it toLocationId).
    if (!sqlite.prepare('select 1 from locations where id = ?').get(input.locationId))
      throw unprocessable('missing.unknown_location', `Location ${input.locationId} does not exist.`, [{ path: 'locationId', message: 'Unknown location' }]);
    const at = now.toISOString();
    const moved = moveArtworks(
      sqlite,
      { artworkIds: [w.id], toLocationId: input.locationId, movedAt: date, reason: 'Återfunnen', note: input.note || null, userId: user.id, foundAgain: true, user },
      at,
    );
    const movementId = moved.movementIds[0] ?? null;
    const step = insertStep(sqlite, w, 'found', { date, note: input.note || null, reference: null, movementId }, user, at);
    const status = sqlite.prepare('select status from artworks where id = ?').pluck().get(w.id) as string;
    return { artworkId: w.id, status, movementId, location: moved.toPathText, step };
  })();
}
