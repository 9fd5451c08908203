import type { Role } from './api/types.js';

/**
 * What each role may do, mirroring the gateway's access control
 * (gateway/src/fleet/access.ts). The UI only hides and disables what the
 * gateway would refuse anyway; the gateway is the authority.
 */
const GRANTS = {
  'fleet:read': ['admin', 'fleet_operator', 'analyst', 'auditor'],
  'fleet:write': ['admin', 'fleet_operator'],
  'audit:read': ['admin', 'auditor'],
  'users:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && (GRANTS[permission] as readonly Role[]).includes(role);
}
