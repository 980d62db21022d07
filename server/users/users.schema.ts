// Contracts for accounts and sessions (imports nothing but zod, so the client can use them).
import { z } from 'zod';

export const ROLE_VALUES = ['admin', 'curator', 'conservator', 'project_lead', 'viewer'] as const;

export const emailSchema = z.string().trim().toLowerCase().min(3).max(254).email();
export const passwordSchema = z.string().min(10, 'At least 10 characters').max(200);

export const LoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(3).max(254).email(),
  password: z.string().min(1).max(200),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const CreateUserBody = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLE_VALUES),
  password: passwordSchema,
  siteIds: z.array(z.number().int().positive()).max(500).default([]),
});

export const UpdateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLE_VALUES).optional(),
  disabled: z.boolean().optional(),
  siteIds: z.array(z.number().int().positive()).max(500).optional(),
  password: passwordSchema.optional(),
});

export const AuditQuery = z.strictObject({
  user: z.coerce.number().int().positive().optional(),
  entity: z.string().max(50).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export type LoginBody = z.infer<typeof LoginBody>;
export type CreateUserBody = z.infer<typeof CreateUserBody>;
