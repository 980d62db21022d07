// Contracts of the triage queue and the reach figures (imports nothing but zod).
import { z } from 'zod';

export const DamageReportQuery = z.strictObject({
  status: z.enum(['new', 'converted', 'dismissed']).default('new'),
  site: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ConvertReportBody = z.strictObject({
  grade: z.number().int().min(1).max(4),
  damageTypes: z.array(z.string().max(40)).max(20).default([]),
  damageLocation: z.string().max(500).nullish(),
  priority: z.enum(['none', 'routine', 'soon', 'urgent']).default('routine'),
  recommendedAction: z.string().max(2000).nullish(),
  note: z.string().max(4000).nullish(),
});

export const DismissReportBody = z.strictObject({ note: z.string().trim().min(1).max(2000) });

export const ReachQuery = z.strictObject({
  site: z.coerce.number().int().positive().optional(),
  baselineYear: z.coerce.number().int().min(2000).max(2100).optional(),
  months: z.coerce.number().int().min(1).max(60).default(12),
});
