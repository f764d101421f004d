/** Roles of the brief and the permissions each grants; the server's access module is the only enforcer. */
export const ROLES = [
  'administrator',
  'secretariat',
  'focal_point',
  'case_worker',
  'case_supervisor',
  'law_enforcement',
  'analyst',
  'hotline_operator',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'agency:read',
  'agency:manage',
  'user:read',
  'user:manage',
  'audit:read',
  // Cases: read opens the door (the server decides per case what the caller sees), write
  // registers and works on cases and answers referrals, supervise confirms determinations,
  // closures and transfers, export downloads lists.
  'case:read',
  'case:write',
  'case:supervise',
  'case:export',
  // National Plan of Action and coordination: read plans, meetings and partners; manage
  // them (the secretariat); comment on drafts (task-force members, checked per agency);
  // report progress on the own agency's activities; keep the own agency's partner profile.
  'plan:read',
  'plan:manage',
  'plan:comment',
  'plan:report',
  'partner:manage',
  // Analytics: read de-identified figures (exact with case access, else protected below k);
  // import CTDC records; import cases from the HTCDS template; build and download data
  // releases; keep the statistics settings (k).
  'analytics:read',
  'analytics:import',
  'case:import',
  'analytics:release',
  'analytics:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each role may do. Scope (own agency vs. all) is decided per record by the server;
 * a permission listed here only opens the door to the route.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Administrators run the platform; they do not see cases (separation of duties).
  administrator: [
    'agency:read',
    'agency:manage',
    'user:read',
    'user:manage',
    'audit:read',
    'plan:read',
    'analytics:read',
    'analytics:import',
    'case:import',
    'analytics:manage',
  ],
  // The secretariat and analysts see cases of every agency, never their identifying details.
  secretariat: [
    'agency:read',
    'case:read',
    'case:export',
    'plan:read',
    'plan:manage',
    'plan:comment',
    'partner:manage',
    'analytics:read',
    'analytics:import',
    'analytics:release',
    'analytics:manage',
  ],
  focal_point: [
    'agency:read',
    'user:read',
    'user:manage',
    'plan:read',
    'plan:comment',
    'plan:report',
    'partner:manage',
    'analytics:read',
  ],
  case_worker: ['agency:read', 'case:read', 'case:write', 'case:export', 'case:import', 'plan:read', 'analytics:read'],
  case_supervisor: [
    'agency:read',
    'case:read',
    'case:write',
    'case:supervise',
    'case:export',
    'case:import',
    'plan:read',
    'plan:comment',
    'analytics:read',
  ],
  law_enforcement: ['agency:read', 'case:read', 'case:write', 'plan:read', 'plan:comment', 'analytics:read'],
  analyst: [
    'agency:read',
    'case:read',
    'case:export',
    'plan:read',
    'analytics:read',
    'analytics:import',
    'analytics:release',
  ],
  hotline_operator: ['agency:read', 'case:read', 'case:write', 'plan:read', 'analytics:read'],
};

/** Roles whose holders may read identifying data of victims; they need a second factor outside demo data by default. */
export const VICTIM_DATA_ROLES: readonly Role[] = [
  'case_worker',
  'case_supervisor',
  'hotline_operator',
  'law_enforcement',
];

/** Roles that see cases of every agency, de-identified. */
export const DEIDENTIFIED_CASE_ROLES: readonly Role[] = ['secretariat', 'analyst'];

/** Roles an agency focal point may give to users of the own agency. */
export const FOCAL_POINT_ASSIGNABLE_ROLES: readonly Role[] = [
  'focal_point',
  'case_worker',
  'case_supervisor',
  'law_enforcement',
  'hotline_operator',
];

/** The union of the permissions of the given roles. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}
