// The status rules: which transitions make sense, and who may make them. Breaking one is a 422 naming the rule.
import { HttpError } from '../http/errors.js';

export type Status = 'in_place' | 'in_storage' | 'on_loan' | 'in_conservation' | 'missing' | 'deaccessioned';

export const STATUS_RULES = {
  unchanged: 'The work already has this status.',
  conservation_via_movement_or_treatment: '`in_conservation` is set by moving the work to a conservation studio or by a treatment, not directly.',
  leave_conservation_by_moving: 'The work is at a conservation studio; move it out to change its status.',
  missing_needs_note: 'Registering a work as missing needs a note (where it was last seen, who noticed).',
  deaccession_needs_decision: 'Deaccession needs a date, the decision reference and a reason.',
  deaccession_fields_only_when_deaccessioning: 'Deaccession date, reference and reason belong only to a deaccession.',
  leave_deaccessioned_admin_only: 'Only an administrator can reverse a deaccession.',
  leave_deaccessioned_needs_note: 'Reversing a deaccession needs a note explaining why.',
  in_place_needs_location: '`in_place` needs a current location in a room outside storage and studios; move the work there.',
  deaccessioned_not_movable: 'A deaccessioned work cannot be moved.',
  missing_needs_found_again: 'A missing work is moved only through the found-again flow (foundAgain: true).',
} as const;
export type StatusRule = keyof typeof STATUS_RULES;

export function statusRuleError(rule: StatusRule, path = 'status', subject = ''): HttpError {
  const detail = `${subject}${STATUS_RULES[rule]} (rule: ${rule})`;
  return new HttpError(422, 'artwork.status_rule', 'Unprocessable', detail, { rule, errors: [{ path, message: detail }] });
}

export type StatusChange = {
  current: Status;
  next: Status;
  note?: string | null;
  deaccessionDate?: string | null;
  deaccessionRef?: string | null;
  deaccessionReason?: string | null;
  isAdmin: boolean;
  /** 'treatment' may set in_conservation directly (a treatment in situ). */
  via?: 'user' | 'treatment';
  /** Site type of the current location (undefined = no location). */
  locationSiteType?: string | null;
  hasLocation: boolean;
};

/** Throws the first rule the change breaks. */
export function checkStatusChange(c: StatusChange, subject = ''): void {
  const fail = (rule: StatusRule, path = 'status') => {
    throw statusRuleError(rule, path, subject);
  };
  if (c.next === c.current) fail('unchanged');
  const anyDeaccessionField = c.deaccessionDate || c.deaccessionRef || c.deaccessionReason;
  if (c.next !== 'deaccessioned' && anyDeaccessionField) fail('deaccession_fields_only_when_deaccessioning', 'deaccessionDate');
  if (c.current === 'deaccessioned') {
    if (!c.isAdmin) fail('leave_deaccessioned_admin_only');
    if (!c.note?.trim()) fail('leave_deaccessioned_needs_note', 'note');
  }
  if (c.next === 'in_conservation' && c.via !== 'treatment') fail('conservation_via_movement_or_treatment');
  if (c.current === 'in_conservation' && c.locationSiteType === 'studio' && c.next !== 'missing' && c.next !== 'deaccessioned') fail('leave_conservation_by_moving');
  if (c.next === 'missing' && !c.note?.trim()) fail('missing_needs_note', 'note');
  if (c.next === 'deaccessioned') {
    if (!c.deaccessionDate) fail('deaccession_needs_decision', 'deaccessionDate');
    if (!c.deaccessionRef?.trim()) fail('deaccession_needs_decision', 'deaccessionRef');
    if (!c.deaccessionReason?.trim()) fail('deaccession_needs_decision', 'deaccessionReason');
  }
  if (c.next === 'in_place' && (!c.hasLocation || c.locationSiteType === 'storage' || c.locationSiteType === 'studio')) fail('in_place_needs_location');
}
