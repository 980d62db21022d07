// The demo seed's art projects: real hospitals, the percent rule, phases spread, pins on plans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../tests/helpers/test-app.js';

let t: TestApp;
let viewer: Client;
beforeAll(async () => {
  t = await startTestApp({ works: 1500 });
  viewer = await t.as('viewer');
});
afterAll(() => t.close());

describe('demo projects', () => {
  it('are at real hospitals, with production costs of 200 MSEK–3 GSEK and budgets by the percent rule', async () => {
    const { items } = (await viewer.get('/api/projects')).body;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.map((p: { locationPath: string }) => p.locationPath.split(' › ')[0])).toEqual(expect.arrayContaining(['Södersjukhuset', 'Danderyds sjukhus']));
    for (const p of items) {
      expect(p.productionCost).toBeGreaterThanOrEqual(200 * 100_000_000);
      expect(p.productionCost).toBeLessThanOrEqual(3_000 * 100_000_000);
      const rate = p.careShare * 2 + (100 - p.careShare);
      expect(p.budget.computed).toBe(Math.round((p.productionCost * rate) / 10_000));
    }
    expect(new Set(items.map((p: { phase: string }) => p.phase)).size).toBeGreaterThanOrEqual(5);
    expect(items.some((p: { budget: { overCommitted: boolean } }) => p.budget.overCommitted)).toBe(true);
    expect(items.some((p: { budget: { override: number | null } }) => p.budget.override !== null)).toBe(true);
  });

  it('phase histories run forward in time, and proposals’ spots are pins on their floor plans', async () => {
    const { items } = (await viewer.get('/api/projects')).body;
    const busy = items.find((p: { proposalCounts: Record<string, number> }) => Object.values(p.proposalCounts).reduce((a, b) => a + b, 0) >= 3);
    const detail = (await viewer.get(`/api/projects/${busy.id}`)).body;
    const dates = detail.phases.map((h: { date: string }) => h.date);
    expect([...dates].sort()).toEqual(dates);
    const placed = detail.proposals.find((p: { floorId: number | null; status: string }) => p.floorId && !['rejected', 'installed'].includes(p.status));
    expect(detail.floors.map((f: { id: number }) => f.id)).toContain(placed.floorId);
    const plan = (await viewer.get(`/api/floors/${placed.floorId}/plan`)).body;
    expect(plan.proposals.map((p: { id: number }) => p.id)).toContain(placed.id);
    const paid = detail.proposals.reduce((s: number, p: { paidToDate: number }) => s + p.paidToDate, 0);
    expect(detail.budget.paid).toBe(paid);
  });
});
