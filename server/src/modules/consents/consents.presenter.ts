import type { ConsentDto } from '@kinga/shared';
import type { DataKeys } from '../../secrets/data-keys.ts';
import type { ConsentListRow } from './consents.repository.ts';

/** A consent as the owning agency sees it: the sealed guardian name, note and withdrawal reason opened. */
export function presentConsent(keys: DataKeys, row: ConsentListRow): ConsentDto {
  return {
    id: row.id,
    purpose: row.purpose as ConsentDto['purpose'],
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    sections: JSON.parse(row.sections) as ConsentDto['sections'],
    method: row.method as ConsentDto['method'],
    givenOn: row.given_on,
    guardianName: keys.open(row.guardian_name_enc, 'consents', row.id, 'guardian_name_enc'),
    bestInterestNote: keys.open(row.best_interest_note_enc, 'consents', row.id, 'best_interest_note_enc'),
    recordedById: row.recorded_by,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnByName: row.withdrawn_by_name,
    withdrawalReason: keys.open(row.withdrawal_reason_enc, 'consents', row.id, 'withdrawal_reason_enc'),
    active: row.withdrawn_at === null,
  };
}
