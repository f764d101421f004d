import type { ReferralDto } from '@kinga/shared';
import type { DataKeys } from '../../secrets/data-keys.ts';
import type { ReferralListRow } from './referrals.repository.ts';

export type ReferralDirection = ReferralDto['direction'];

/** True when a pending referral has passed its answer deadline. */
export function isOverdue(row: Pick<ReferralListRow, 'status' | 'respond_by'>, now: string): boolean {
  return row.status === 'pending' && row.respond_by !== null && row.respond_by < now;
}

/**
 * The referral summary. Free text (the message to the receiver, a decline reason) only for
 * those who work on the case: observers see codes, agencies, dates and picklist values.
 */
export function presentReferral(
  keys: DataKeys,
  row: ReferralListRow,
  direction: ReferralDirection,
  now: string,
  showText = direction !== 'observer',
): ReferralDto {
  return {
    id: row.id,
    caseCode: row.case_code,
    kind: row.kind as ReferralDto['kind'],
    status: row.status as ReferralDto['status'],
    fromAgencyId: row.from_agency_id,
    fromAgencyName: row.from_agency_name,
    toAgencyId: row.to_agency_id,
    toAgencyName: row.to_agency_name,
    services: JSON.parse(row.services) as ReferralDto['services'],
    reason: row.reason as ReferralDto['reason'],
    details: showText ? keys.open(row.details_enc, 'referrals', row.id, 'details_enc') : null,
    consentOverride: row.consent_override_by !== null,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    respondBy: row.respond_by,
    overdue: isOverdue(row, now),
    respondedAt: row.responded_at,
    respondedByName: row.responded_by_name,
    declineReason: showText ? keys.open(row.decline_reason_enc, 'referrals', row.id, 'decline_reason_enc') : null,
    completedAt: row.completed_at,
    revokedAt: row.revoked_at,
    direction,
  };
}
