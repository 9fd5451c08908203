import { PERMISSIONS, type Permission, type Role } from './api/types.js';

export type { Permission };

/**
 * Whether a role may do something, by the gateway's own table (PERMISSIONS,
 * enforced in gateway/src/fleet/access.ts). The UI only hides and disables
 * what the gateway would refuse anyway; the gateway is the authority.
 */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
