import type { Role } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/errors.ts';
import { buildActor, hasPermission, requireAccess, userScope, type AccessRequest, type Actor } from './access.ts';

const LABOUR = '01900000-0000-7000-8000-0000000000a1';
const SHELTER = '01900000-0000-7000-8000-0000000000a2';

const actor = (roles: Role[], agencyId = LABOUR, mfaEnrolmentRequired = false): Actor =>
  buildActor({ id: '01900000-0000-7000-8000-0000000000b1', agencyId, roles, mfaEnrolmentRequired });

const user = (agencyId: string, roles: Role[] = ['case_worker']) => ({
  id: '01900000-0000-7000-8000-0000000000c1',
  agencyId,
  roles,
});

/** The problem requireAccess throws, or undefined when it allows. */
function refusal(a: Actor, request: AccessRequest): HttpProblem | undefined {
  try {
    requireAccess(a, request);
    return undefined;
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
}

describe('buildActor', () => {
  it('grants the union of the roles’ permissions', () => {
    expect([...actor(['focal_point', 'analyst']).permissions].sort()).toEqual([
      'agency:read',
      'analytics:import',
      'analytics:read',
      'analytics:release',
      'case:export',
      'case:read',
      'partner:manage',
      'plan:comment',
      'plan:read',
      'plan:report',
      'user:manage',
      'user:read',
    ]);
  });

  it('grants nothing while a second factor must be enrolled', () => {
    const a = actor(['administrator'], LABOUR, true);
    expect(a.permissions.size).toBe(0);
    expect(hasPermission(a, 'agency:read')).toBe(false);
    expect(refusal(a, { action: 'agency:manage' })?.status).toBe(403);
    expect(refusal(a, { action: 'user:read', user: user(LABOUR) })?.status).toBe(404);
  });
});

describe('requireAccess: deny by default', () => {
  it('refuses an action it does not know, with 403 audited as a refusal', () => {
    const problem = refusal(actor(['administrator']), { action: 'case:delete' } as unknown as AccessRequest);
    expect(problem).toMatchObject({ status: 403, auditAsRefusal: true });
  });

  it.each([
    'secretariat',
    'case_worker',
    'case_supervisor',
    'law_enforcement',
    'analyst',
    'hotline_operator',
  ] as Role[])('a %s may not read or manage accounts, agencies or the audit trail', (role) => {
    const a = actor([role], LABOUR);
    expect(refusal(a, { action: 'user:read', user: user(LABOUR) })?.status).toBe(404);
    expect(refusal(a, { action: 'user:manage', grant: { agencyId: LABOUR, roles: ['case_worker'] } })?.status).toBe(
      403,
    );
    expect(refusal(a, { action: 'agency:manage' })?.status).toBe(403);
    expect(refusal(a, { action: 'audit:read' })?.status).toBe(403);
    expect(userScope(a)).toEqual({ kind: 'none' });
  });

  it('an account with no roles may do nothing', () => {
    const a = actor([]);
    expect(a.permissions.size).toBe(0);
    expect(refusal(a, { action: 'audit:read' })?.status).toBe(403);
  });
});

describe('requireAccess: administrators', () => {
  const admin = actor(['administrator'], SHELTER);

  it('see and manage every agency’s accounts and may give any role', () => {
    expect(userScope(admin)).toEqual({ kind: 'all' });
    expect(refusal(admin, { action: 'user:read', user: user(LABOUR) })).toBeUndefined();
    expect(
      refusal(admin, {
        action: 'user:manage',
        user: user(LABOUR, ['administrator']),
        grant: { agencyId: SHELTER, roles: ['administrator'] },
      }),
    ).toBeUndefined();
    expect(refusal(admin, { action: 'agency:manage' })).toBeUndefined();
    expect(refusal(admin, { action: 'audit:read' })).toBeUndefined();
  });
});

describe('requireAccess: focal points', () => {
  const focal = actor(['focal_point'], LABOUR);

  it('see only the own agency’s accounts; another agency’s answer 404 and are audited', () => {
    expect(userScope(focal)).toEqual({ kind: 'agency', agencyId: LABOUR });
    expect(refusal(focal, { action: 'user:read', user: user(LABOUR) })).toBeUndefined();
    expect(refusal(focal, { action: 'user:read', user: user(SHELTER) })).toMatchObject({
      status: 404,
      auditAsRefusal: true,
      entityType: 'user',
    });
  });

  it('manage own-agency accounts of assignable roles', () => {
    expect(
      refusal(focal, {
        action: 'user:manage',
        grant: { agencyId: LABOUR, roles: ['case_worker', 'hotline_operator'] },
      }),
    ).toBeUndefined();
    expect(
      refusal(focal, {
        action: 'user:manage',
        user: user(LABOUR, ['law_enforcement']),
        grant: { agencyId: LABOUR, roles: ['case_supervisor'] },
      }),
    ).toBeUndefined();
  });

  it('get 404 for another agency’s account, before any other check', () => {
    expect(
      refusal(focal, {
        action: 'user:manage',
        user: user(SHELTER, ['administrator']),
        grant: { agencyId: LABOUR, roles: ['case_worker'] },
      })?.status,
    ).toBe(404);
  });

  it('may not place an account in another agency', () => {
    expect(
      refusal(focal, { action: 'user:manage', grant: { agencyId: SHELTER, roles: ['case_worker'] } }),
    ).toMatchObject({ status: 403, code: 'agency_not_assignable' });
    expect(
      refusal(focal, {
        action: 'user:manage',
        user: user(LABOUR),
        grant: { agencyId: SHELTER, roles: ['case_worker'] },
      }),
    ).toMatchObject({ status: 403, code: 'agency_not_assignable' });
  });

  it.each(['administrator', 'secretariat', 'analyst'] as Role[])('may not give the %s role', (role) => {
    expect(
      refusal(focal, { action: 'user:manage', grant: { agencyId: LABOUR, roles: ['case_worker', role] } }),
    ).toMatchObject({ status: 403, code: 'role_not_assignable', auditAsRefusal: true });
  });

  it('may not manage an own-agency account that holds a wider role', () => {
    expect(refusal(focal, { action: 'user:manage', user: user(LABOUR, ['case_worker', 'analyst']) })).toMatchObject({
      status: 403,
      code: 'role_not_assignable',
    });
  });

  it('may not manage agencies or read the audit trail', () => {
    expect(refusal(focal, { action: 'agency:manage' })?.status).toBe(403);
    expect(refusal(focal, { action: 'audit:read' })?.status).toBe(403);
  });
});
