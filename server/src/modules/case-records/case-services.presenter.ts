import { SERVICE_TO_HTCDS_SUPPORT_TYPE, type ServiceDto, type ServiceType } from '@kinga/shared';
import type { DataKeys } from '../../secrets/data-keys.ts';
import type { CaseView } from '../cases/case-access.ts';
import type { CaseServiceRow } from './case-services.repository.ts';

/**
 * A support-plan entry with its HTCDS support type. The objectives and action plan are free
 * text: the owning agency and a referral that shares the plan read them, de-identified views not.
 */
export function presentService(keys: DataKeys, row: CaseServiceRow, view: CaseView): ServiceDto {
  const type = row.type as ServiceType;
  return {
    id: row.id,
    type,
    htcdsType: SERVICE_TO_HTCDS_SUPPORT_TYPE[type],
    providerAgencyId: row.provider_agency_id,
    providerAgencyName: row.provider_agency_name,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status as ServiceDto['status'],
    details: view.kind === 'deidentified' ? null : keys.open(row.details_enc, 'case_services', row.id, 'details_enc'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
