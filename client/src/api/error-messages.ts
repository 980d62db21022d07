// The one place that turns a failed request into words in the user's language: the server's
// stable problem `code` (and, for status rules, its `rule`) picks a translated sentence; an
// unknown code falls back to the server's English `detail`.
import { msg, str } from '@lit/localize';
import { ApiError, NetworkError } from './client.js';

type Problem = ApiError['problem'] & { rule?: string; existing?: { inventoryNumber?: string } };

function statusRuleMessage(rule: string | undefined): string | undefined {
  switch (rule) {
    case 'unchanged': return msg('The work already has this status.');
    case 'conservation_via_movement_or_treatment': return msg('"In conservation" is set by moving the work to a conservation studio or by a treatment, not directly.');
    case 'leave_conservation_by_moving': return msg('The work is at a conservation studio; move it out to change its status.');
    case 'missing_needs_note': return msg('Registering a work as missing needs a note: where it was last seen and who noticed.');
    case 'deaccession_needs_decision': return msg('Deaccession needs a date, the decision reference and a reason.');
    case 'deaccession_fields_only_when_deaccessioning': return msg('Deaccession date, reference and reason belong only to a deaccession.');
    case 'leave_deaccessioned_admin_only': return msg('Only an administrator can reverse a deaccession.');
    case 'leave_deaccessioned_needs_note': return msg('Reversing a deaccession needs a note explaining why.');
    case 'in_place_needs_location': return msg('"In place" needs a location in a room outside storage and studios; move the work there.');
    case 'deaccessioned_not_movable': return msg('A deaccessioned work cannot be moved.');
    case 'missing_needs_found_again': return msg('A missing work is moved back through "found again".');
    default: return undefined;
  }
}

/** The translated sentence for a problem code, or undefined when there is none. */
export function codeMessage(code: string, problem: Problem = { status: 0 }): string | undefined {
  switch (code) {
    case 'validation': return msg('Some fields are not valid. Check the marked fields.');
    case 'auth.required': return msg('Your session has ended. Sign in again.');
    case 'auth.forbidden': return msg('Your role does not allow this.');
    case 'auth.site_forbidden': return msg('Your account is limited to other sites.');
    case 'auth.csrf': return msg('The page is out of date. Reload it and try again.');
    case 'auth.rate_limited': return msg('Too many attempts. Wait a moment and try again.');
    case 'auth.invalid_credentials': return msg('Wrong email or password.');
    case 'http.if_match_required': return msg('The page is out of date. Reload it and try again.');
    case 'http.body_too_large': return msg('What you sent is too large.');
    case 'artwork.not_found': return msg('The work does not exist (any more).');
    case 'artwork.duplicate_inventory_number':
      return problem.existing?.inventoryNumber ? msg(str`Inventory number ${problem.existing.inventoryNumber} is already used by another work.`) : msg('This inventory number is already used by another work.');
    case 'artwork.status_rule': return statusRuleMessage(problem.rule) ?? msg('That status change is not allowed for this work.');
    case 'artwork.unknown_artist': return msg('One of the artists no longer exists. Remove it and choose again.');
    case 'artwork.merged_artist': return msg('One of the artists was merged into another record. Choose that record instead.');
    case 'artwork.unknown_location':
    case 'movement.unknown_location': return msg('That location does not exist (any more).');
    case 'artwork.no_location': return msg('The work has no location.');
    case 'movement.location_inactive': return msg('That location is no longer in use. Choose another one.');
    case 'movement.in_future': return msg('A move cannot be dated in the future.');
    case 'movement.before_last': return msg('The date is before the work\'s last move.');
    case 'location.not_found': return msg('The location does not exist (any more).');
    case 'condition_check.locked': return msg('This condition check is locked and can no longer be changed; record a correction instead.');
    case 'condition_check.artwork_deaccessioned': return msg('The work is deaccessioned; its condition is no longer checked.');
    case 'condition_check.future_date': return msg('A check cannot be dated in the future.');
    case 'condition_check.not_author': return msg('Only the person who recorded the check can change it.');
    case 'treatment.invalid_transition': return msg('The treatment cannot go to that step from where it is now.');
    case 'treatment.closed': return msg('The treatment is closed.');
    case 'media.too_large': return msg('The file is too large.');
    case 'media.unsupported_type': return msg('This kind of file is not supported. Send a JPEG, PNG, WebP, TIFF or HEIC picture, or a PDF document.');
    case 'media.corrupt': return msg('The file could not be read; it may be damaged.');
    case 'media.too_many_pixels': return msg('The picture has too many pixels.');
    case 'batch.records_changed': return msg('The change cannot be undone: some of the works have been edited since.');
    case 'batch.not_undoable': return msg('The change cannot be undone.');
    case 'batch.already_undone': return msg('The change has already been undone.');
    case 'batch.too_large': return msg('Too many works for one change. Narrow the selection.');
    case 'batch.empty': return msg('No works are selected.');
    case 'damage_report.already_handled': return msg('Someone else has already handled this report.');
    case 'damage_report.not_found': return msg('The report does not exist (any more).');
    case 'storage.full': return msg('The server has run out of disk space; nothing was saved. Tell the administrator.');
    case 'db.busy': return msg('The server is busy. Try again in a moment.');
    case 'internal': return msg('Something went wrong on the server. It has been logged; try again, or tell the administrator.');
  }
  if (code.endsWith('.version_conflict')) return msg('Someone else changed this record meanwhile. Reload to see their version.');
  if (code.endsWith('.not_found')) return msg('The record does not exist (any more).');
  return undefined;
}

/** One sentence for any failure of an API call, in the user's language where the code is known. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return codeMessage(err.code, err.problem as Problem) ?? err.message;
  if (err instanceof NetworkError) return msg('Could not reach the server. Check your connection and try again.');
  return msg('Something went wrong. Try again.');
}

/**
 * The field errors of a failure, in the user's language where possible: a rule-specific code
 * (a used inventory number, a merged artist) names its field with the translated sentence; zod's
 * own messages stay as they are except the common "Required".
 */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  const specific = err.code === 'validation' ? undefined : codeMessage(err.code, err.problem as Problem);
  for (const [field, message] of Object.entries(err.fieldErrors)) out[field] = specific ?? (message === 'Required' ? msg('Required') : message);
  return out;
}
