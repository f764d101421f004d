import type { ScreeningDto, ScreeningObservations, ScreeningSuggestion } from '@kinga/shared';
import type { DataKeys } from '../../secrets/data-keys.ts';
import type { CaseView } from '../cases/case-access.ts';
import type { ScreeningRow } from './screenings.repository.ts';

/**
 * A screening as the caller may see it. The screener's notes and a supervisor's reason for
 * an override are free text: only the owning agency reads them.
 */
export function presentScreening(keys: DataKeys, row: ScreeningRow, view: CaseView): ScreeningDto {
  const observations = JSON.parse(row.observations_json) as ScreeningObservations;
  const suggestion = JSON.parse(row.suggestion_json) as ScreeningSuggestion;
  const full = view.kind === 'full';
  return {
    id: row.id,
    acts: [...observations.acts],
    means: [...observations.means],
    purposes: [...observations.purposes],
    iloIndicators: [...observations.iloIndicators],
    ageAtExploitation: row.age_at_exploitation,
    suggestedStatus: row.suggested_status as ScreeningDto['suggestedStatus'],
    child: suggestion.child,
    reasons: suggestion.reasons.map((r) => ({ code: r.code })),
    notes: full ? keys.open(row.notes_enc, 'screenings', row.id, 'notes_enc') : null,
    screenedById: row.screened_by,
    screenedByName: row.screened_by_name,
    screenedAt: row.screened_at,
    determination: {
      state: row.determination_state as ScreeningDto['determination']['state'],
      status: row.determined_status as ScreeningDto['determination']['status'],
      decidedById: row.decided_by,
      decidedByName: row.decided_by_name,
      decidedAt: row.decided_at,
      decisionOrg: row.decision_org as ScreeningDto['determination']['decisionOrg'],
      decisionAgencyName: row.decision_agency_name,
      reason: full ? keys.open(row.decision_reason_enc, 'screenings', row.id, 'decision_reason_enc') : null,
    },
  };
}
