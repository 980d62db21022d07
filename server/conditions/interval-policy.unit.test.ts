import { describe, expect, it } from 'vitest';
import { DAMAGE_TYPES as DB_DAMAGE_TYPES, PRIORITIES as DB_PRIORITIES } from '../../db/schema/conditions.js';
import { DAMAGE_TYPES, PRIORITIES } from './conditions.schema.js';
import { addMonths, computeNextDue, effectiveIntervalMonths, localDate, type LocationPolicy } from './interval-policy.js';

const loc = (o: Partial<LocationPolicy> = {}): LocationPolicy => ({ checkIntervalMonths: null, envTags: [], siteType: null, ...o });
const work = (chain: LocationPolicy[], o: { workIntervalMonths?: number | null; mounting?: string | null; fixedInBuilding?: boolean } = {}) =>
  effectiveIntervalMonths({ workIntervalMonths: o.workIntervalMonths ?? null, mounting: o.mounting ?? 'wall', fixedInBuilding: o.fixedInBuilding ?? false, chain });

describe('check interval policy', () => {
  it.each([
    ['an office', [loc({ envTags: ['office'] }), loc({ siteType: 'hospital' })], 36],
    ['a psychiatric ward (tag on the room)', [loc({ envTags: ['psychiatry'] }), loc({ siteType: 'hospital' })], 12],
    ["a children's clinic (tag on the building, inherited)", [loc(), loc(), loc({ envTags: ['children'] }), loc({ siteType: 'hospital' })], 12],
    ['an emergency department', [loc({ envTags: ['emergency'] })], 12],
    ['a metro station (public area by site type)', [loc(), loc({ siteType: 'station' })], 12],
    ['a psychiatric clinic (by site type)', [loc(), loc({ siteType: 'psychiatry' })], 12],
    ['storage', [loc(), loc({ siteType: 'storage' })], 60],
    ['no location at all', [], 36],
  ])('%s → %i months', (_name, chain, months) => {
    expect(work(chain)).toBe(months);
  });

  it('outdoor works are checked yearly wherever they stand', () => {
    expect(work([loc({ envTags: ['office'] })], { mounting: 'outdoor' })).toBe(12);
  });

  it('works fixed in the building are checked at least every other year, even in storage-like or overridden places', () => {
    expect(work([loc({ envTags: ['office'] })], { fixedInBuilding: true })).toBe(24);
    expect(work([loc({ envTags: ['office'] })], { mounting: 'integrated' })).toBe(24);
    expect(work([loc({ checkIntervalMonths: 48 })], { mounting: 'integrated' })).toBe(24);
    expect(work([loc({ envTags: ['psychiatry'] })], { fixedInBuilding: true })).toBe(12);
  });

  it('the nearest location with an interval wins over environment tags, for its whole subtree', () => {
    expect(work([loc({ envTags: ['psychiatry'] }), loc({ checkIntervalMonths: 6 }), loc({ checkIntervalMonths: 48 })])).toBe(6);
    expect(work([loc({ envTags: ['psychiatry'] }), loc(), loc({ checkIntervalMonths: 48 })])).toBe(48);
  });

  it("a work's own interval wins over everything", () => {
    expect(work([loc({ checkIntervalMonths: 6, envTags: ['psychiatry'] })], { workIntervalMonths: 3, fixedInBuilding: true })).toBe(3);
  });
});

describe('due dates', () => {
  it('adds months and clamps to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 12)).toBe('2025-11-15');
    expect(addMonths('2024-11-15', 14)).toBe('2026-01-15');
  });

  it('the next check is due one interval after the last check; a work never checked has no date', () => {
    expect(computeNextDue('2024-05-02T10:30:00.000Z', 12)).toBe('2025-05-02');
    expect(computeNextDue(null, 12)).toBeNull();
  });

  it('today turns at midnight in Stockholm, not in UTC', () => {
    expect(localDate(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
    expect(localDate(new Date('2024-12-31T22:30:00Z'))).toBe('2024-12-31');
  });

  it('the zod contract and the table agree on damage types and priorities', () => {
    expect([...DAMAGE_TYPES]).toEqual([...DB_DAMAGE_TYPES]);
    expect([...PRIORITIES]).toEqual([...DB_PRIORITIES]);
  });
});
