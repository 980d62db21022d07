import { describe, expect, it } from 'vitest';
import { artBudget, budgetOf } from './projects.budget.js';
import { splitOre } from './install.service.js';

describe('the percent-for-art rule in öre', () => {
  it.each([
    [300_000_000_000, 100, 6_000_000_000], // 3 GSEK care → 60 MSEK
    [300_000_000_000, 0, 3_000_000_000],
    [10_000_000_000_000, 100, 200_000_000_000], // the largest cost accepted, still exact
    [9_999_999_999_999, 37, 137_000_000_000], // 1.37 % of an odd figure: 136,999,999,999.986 → rounds up
    [9_999_999_999_999, 50, 150_000_000_000], // 1.5 %: 149,999,999,999.985 → rounds up
    [50, 50, 1], // 0.75 öre → 1
    [100, 50, 2], // 1.5 öre: half rounds up
    [1, 0, 0],
  ])('cost %i öre, care share %i → budget %i öre', (cost, share, budget) => {
    expect(artBudget(cost, share)).toBe(budget);
  });
});

describe('splitting a contract over several works', () => {
  it('adds up exactly and differs by at most one öre', () => {
    for (const [total, n] of [[1_000_001, 3], [7, 10], [0, 4], [99_999_999_999, 7]] as const) {
      const parts = splitOre(total, n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    }
  });
});

describe('the budget figures', () => {
  it('money paid on a rejected proposal is committed; estimates of open ones are only planned', () => {
    const b = budgetOf({ computed: 1000, override: null }, [
      { id: 1, status: 'rejected', estimatedCost: 500, contractedCost: null, contractedOn: null },
      { id: 2, status: 'selected', estimatedCost: 300, contractedCost: null, contractedOn: null },
      { id: 3, status: 'installed', estimatedCost: null, contractedCost: 900, contractedOn: '2025-12-31' },
    ], [{ proposalId: 1, paidOn: '2025-02-01', amount: 150 }, { proposalId: 3, paidOn: '2026-01-05', amount: 900 }]);
    expect(b).toEqual({ budget: 1000, computed: 1000, override: null, committed: 1050, paid: 1050, remaining: -50, planned: 300, overCommitted: true, perYear: [
      { year: 2025, committed: 1050, paid: 150 },
      { year: 2026, committed: 0, paid: 900 },
    ] });
  });
});
