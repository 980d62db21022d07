// The percent-for-art rule and the budget figures, in integer öre (BigInt where products get large),
// so that no sum ever passes through floating point.
import { COMMITTED_STATUSES, type Budget, type PremisesType, type ProposalStatus } from './projects.schema.js';

/** Care premises give 2 %, other premises 1 %; a mixed building gives each share its own percentage. */
export const CARE_PERCENT = 2;
export const OTHER_PERCENT = 1;

/** care → 100, other → 0, mixed → the given share (1–99). */
export function careShareOf(type: PremisesType, share: number | null | undefined): number {
  if (type === 'care') return 100;
  if (type === 'other') return 0;
  return share ?? -1;
}

/**
 * budget = cost × (share × 2 % + (100 − share) × 1 %), rounded half up to whole öre.
 * With share in whole percent the rate is a whole number of hundredths of a percent, so the
 * product is exact in BigInt and only the final division rounds.
 */
export function artBudget(productionCostOre: number, careShare: number): number {
  const rate = BigInt(careShare * CARE_PERCENT + (100 - careShare) * OTHER_PERCENT); // hundredths of a percent
  const num = BigInt(productionCostOre) * rate;
  return Number((num * 2n + 10_000n) / 20_000n);
}

export type ProposalMoney = { id: number; status: ProposalStatus; estimatedCost: number | null; contractedCost: number | null; contractedOn: string | null };
export type Payment = { proposalId: number; paidOn: string; amount: number };

/**
 * committed = contracted cost of contracted / in-production / installed proposals, plus what was
 * already paid on any other proposal (a sketch fee paid is spent even if the proposal is rejected).
 * Per year, contracted money counts in the contract's year and other money in the payment's year,
 * so the years add up to the total.
 */
export function budgetOf(budget: { computed: number; override: number | null }, props: ProposalMoney[], payments: Payment[]): Budget {
  let committed = 0n;
  let paid = 0n;
  let planned = 0n;
  const years = new Map<number, { committed: bigint; paid: bigint }>();
  const year = (y: number) => {
    let e = years.get(y);
    if (!e) years.set(y, (e = { committed: 0n, paid: 0n }));
    return e;
  };
  const byContract = new Set<number>();
  for (const p of props) {
    if (COMMITTED_STATUSES.includes(p.status) && p.contractedCost != null) {
      byContract.add(p.id);
      committed += BigInt(p.contractedCost);
      if (p.contractedOn) year(Number(p.contractedOn.slice(0, 4))).committed += BigInt(p.contractedCost);
    } else if (p.status === 'proposed' || p.status === 'selected') planned += BigInt(p.estimatedCost ?? 0);
  }
  for (const pay of payments) {
    const amount = BigInt(pay.amount);
    const y = year(Number(pay.paidOn.slice(0, 4)));
    paid += amount;
    y.paid += amount;
    if (!byContract.has(pay.proposalId)) {
      committed += amount;
      y.committed += amount;
    }
  }
  const inForce = budget.override ?? budget.computed;
  return {
    budget: inForce,
    computed: budget.computed,
    override: budget.override,
    committed: Number(committed),
    paid: Number(paid),
    remaining: inForce - Number(committed),
    planned: Number(planned),
    overCommitted: committed > BigInt(inForce),
    perYear: [...years.entries()].sort(([a], [b]) => a - b).map(([y, e]) => ({ year: y, committed: Number(e.committed), paid: Number(e.paid) })),
  };
}
