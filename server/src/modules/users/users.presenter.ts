import type { UserDto } from '@kinga/shared';
import type { UserWithAgency } from './users.repository.ts';

export function presentUser(row: UserWithAgency): UserDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    roles: row.roles,
    language: row.language,
    status: row.status,
    mfaRequired: row.mfa_required === 1,
    mfaEnabled: row.totp_enabled === 1,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
