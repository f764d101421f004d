import type { AgencyDto, AgencyType } from '@kinga/shared';
import type { AgencyRow } from './agencies.repository.ts';

export function presentAgency(row: AgencyRow): AgencyDto {
  return {
    id: row.id,
    name: row.name,
    type: row.type as AgencyType,
    countyCode: row.county_code,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    address: row.address,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
