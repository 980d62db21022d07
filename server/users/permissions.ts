// The whole role matrix in one table: which role may do which kind of thing.
import type { ROLES } from '../../db/schema/users.js';

export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'public', //            anyone, signed in or not (guide pages, health, login)
  'session', //           any signed-in user (own session, own password)
  'read', //              read internal records
  'condition.write', //   condition checks, treatments, rounds and their results, condition photos
  'catalogue.write', //   artworks, artists, locations, movements, media, imports
  'project.write', //     art projects and their proposals
  'users.manage', //      accounts and roles
  'audit.read', //        the audit log
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const Y = true;
const _ = false;

// prettier-ignore
export const ROLE_MATRIX: Record<Role, Record<Exclude<Permission, 'public' | 'session'>, boolean>> = {
  //                read  condition.write  catalogue.write  project.write  users.manage  audit.read
  viewer:       { read: Y, 'condition.write': _, 'catalogue.write': _, 'project.write': _, 'users.manage': _, 'audit.read': _ },
  conservator:  { read: Y, 'condition.write': Y, 'catalogue.write': _, 'project.write': _, 'users.manage': _, 'audit.read': _ },
  curator:      { read: Y, 'condition.write': Y, 'catalogue.write': Y, 'project.write': _, 'users.manage': _, 'audit.read': _ },
  project_lead: { read: Y, 'condition.write': _, 'catalogue.write': _, 'project.write': Y, 'users.manage': _, 'audit.read': _ },
  admin:        { read: Y, 'condition.write': Y, 'catalogue.write': Y, 'project.write': Y, 'users.manage': Y, 'audit.read': Y },
};

export function roleAllows(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true;
  return ROLE_MATRIX[role][permission];
}
