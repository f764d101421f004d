import { FOCAL_POINT_ASSIGNABLE_ROLES, permissionsOf, type Permission, type Role } from '@kinga/shared';
import { hiddenRecord, refused } from '../http/errors.ts';

/** Who is calling: resolved from the session once per request. */
export interface Actor {
  userId: string;
  agencyId: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  /** Signed in, but must enrol a second factor before anything else is allowed. */
  mfaEnrolmentRequired: boolean;
}

const NO_PERMISSIONS: ReadonlySet<Permission> = new Set();
const permissionSets = new Map<string, ReadonlySet<Permission>>();

/** The permission set of a combination of roles, computed once per combination (it runs on every request). */
function permissionSetOf(roles: readonly Role[]): ReadonlySet<Permission> {
  const key = [...roles].sort().join(',');
  let set = permissionSets.get(key);
  if (!set) {
    set = new Set(permissionsOf(roles));
    permissionSets.set(key, set);
  }
  return set;
}

export function buildActor(user: {
  id: string;
  agencyId: string;
  roles: readonly Role[];
  mfaEnrolmentRequired: boolean;
}): Actor {
  return {
    userId: user.id,
    agencyId: user.agencyId,
    roles: user.roles,
    permissions: user.mfaEnrolmentRequired ? NO_PERMISSIONS : permissionSetOf(user.roles),
    mfaEnrolmentRequired: user.mfaEnrolmentRequired,
  };
}

/** How a route is opened: to anyone, to any signed-in user, or by one permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

/** Route-level check: does the actor hold the permission at all? Record-level checks follow in services. */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** The set of records an actor may see of a kind that belongs to agencies. */
export type AgencyScope = { kind: 'all' } | { kind: 'agency'; agencyId: string } | { kind: 'none' };

/** Users visible to the actor: administrators see all, focal points their own agency's. */
export function userScope(actor: Actor): AgencyScope {
  if (actor.roles.includes('administrator') && hasPermission(actor, 'user:read')) return { kind: 'all' };
  if (actor.roles.includes('focal_point') && hasPermission(actor, 'user:read')) {
    return { kind: 'agency', agencyId: actor.agencyId };
  }
  return { kind: 'none' };
}

export function isInScope(scope: AgencyScope, agencyId: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'agency':
      return scope.agencyId === agencyId;
    case 'none':
      return false;
  }
}

/** What a service asks before it touches a record. */
export type AccessRequest =
  | { action: 'user:read'; user: { id: string; agencyId: string } }
  | {
      action: 'user:manage';
      /** The account as it is; absent when a new one is created. */
      user?: { id: string; agencyId: string; roles: readonly Role[] };
      /** The agency and roles the account will have. */
      grant?: { agencyId: string; roles: readonly Role[] };
    }
  | { action: 'agency:manage' }
  | { action: 'audit:read' };

const FOCAL_POINT_MAY_GRANT: ReadonlySet<Role> = new Set(FOCAL_POINT_ASSIGNABLE_ROLES);

/**
 * The one record-level check. A record outside the caller's scope answers 404 (its existence
 * is not confirmed); an action within scope that the role may not take answers 403.
 * Anything not described here is refused.
 */
export function requireAccess(actor: Actor, request: AccessRequest): void {
  switch (request.action) {
    case 'user:read': {
      if (!isInScope(userScope(actor), request.user.agencyId)) throw hiddenRecord('user', request.user.id, 'User');
      return;
    }
    case 'user:manage': {
      const scope = userScope(actor);
      const target = request.user;
      if (target && !isInScope(scope, target.agencyId)) throw hiddenRecord('user', target.id, 'User');
      if (!hasPermission(actor, 'user:manage')) throw refused('forbidden', 'You may not do this', 'user', target?.id);
      if (scope.kind === 'all') return;
      if (scope.kind === 'none') throw refused('forbidden', 'You may not do this', 'user', target?.id);
      // A focal point manages only the own agency's staff and cannot hand out wider roles.
      const touchesWiderRoles = (roles: readonly Role[]) => roles.some((r) => !FOCAL_POINT_MAY_GRANT.has(r));
      if (target && touchesWiderRoles(target.roles)) {
        throw refused('role_not_assignable', 'You may not manage this account', 'user', target.id);
      }
      if (request.grant) {
        if (request.grant.agencyId !== actor.agencyId) {
          throw refused('agency_not_assignable', 'Users can only be placed in your own agency', 'user', target?.id);
        }
        if (touchesWiderRoles(request.grant.roles)) {
          throw refused('role_not_assignable', 'You may not give these roles', 'user', target?.id);
        }
      }
      return;
    }
    case 'agency:manage':
    case 'audit:read': {
      if (!hasPermission(actor, request.action)) throw refused('forbidden', 'You may not do this');
      return;
    }
    default: {
      const unknown: never = request;
      throw refused('forbidden', `Unknown action ${String((unknown as { action?: string }).action)}`);
    }
  }
}
