// Failed requests in words: known codes get the client's sentence, unknown ones the server's detail.
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './client.js';
import { errorMessage, fieldErrorsOf } from './error-messages.js';

const problem = (p: Partial<ApiError['problem']> & Record<string, unknown>) => new ApiError({ status: 400, ...p });

describe('error messages', () => {
  it.each([
    [{ status: 507, code: 'storage.full', detail: 'disk' }, 'The server has run out of disk space; nothing was saved. Tell the administrator.'],
    [{ status: 403, code: 'auth.forbidden', detail: 'Your role does not allow this.' }, 'Your role does not allow this.'],
    [{ status: 409, code: 'artwork.duplicate_inventory_number', detail: 'x', existing: { inventoryNumber: 'SLL 7' } }, 'Inventory number SLL 7 is already used by another work.'],
    [{ status: 422, code: 'artwork.status_rule', detail: 'x', rule: 'missing_needs_note' }, 'Registering a work as missing needs a note: where it was last seen and who noticed.'],
    [{ status: 422, code: 'artwork.status_rule', detail: 'x', rule: 'some_new_rule' }, 'That status change is not allowed for this work.'],
    [{ status: 412, code: 'location.version_conflict', detail: 'x' }, 'Someone else changed this record meanwhile. Reload to see their version.'],
  ])('%o reads "%s"', (p, text) => {
    expect(errorMessage(problem(p))).toBe(text);
  });

  it("falls back to the server's own detail for a code it does not know", () => {
    expect(errorMessage(problem({ status: 422, code: 'proposal.contract_below_paid', detail: 'The contract is below what was paid.' }))).toBe('The contract is below what was paid.');
  });

  it('says the server could not be reached when the network failed', () => {
    expect(errorMessage(new NetworkError('Failed to fetch'))).toBe('Could not reach the server. Check your connection and try again.');
  });

  it('puts a rule-specific sentence at its field, and keeps zod messages of a plain validation error', () => {
    const dup = problem({ status: 409, code: 'artwork.duplicate_inventory_number', detail: 'x', existing: { inventoryNumber: 'A 1' }, errors: [{ path: 'inventoryNumber', message: 'Already used' }] });
    expect(fieldErrorsOf(dup)).toEqual({ inventoryNumber: 'Inventory number A 1 is already used by another work.' });
    const invalid = problem({ code: 'validation', errors: [{ path: 'title', message: 'Required' }, { path: 'yearTo', message: 'Year to (1) is before year from (2)' }] });
    expect(fieldErrorsOf(invalid)).toEqual({ title: 'Required', yearTo: 'Year to (1) is before year from (2)' });
  });
});
