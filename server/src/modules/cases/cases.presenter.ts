import type { CaseDto, CaseListItemDto, SharedSection } from '@kinga/shared';
import type { CaseEventTable } from '../../db/schema.ts';
import type { DataKeys } from '../../secrets/data-keys.ts';
import type { CaseView } from './case-access.ts';
import type { CaseListItemRow, CaseListRow } from './cases.repository.ts';

export const EMPTY_PROFILE = { gender: null, estimatedAge: null, citizenships: [], languages: [], education: null };
export const EMPTY_VICTIM = {
  relationshipToTrafficker: null,
  ageWhenTrafficked: null,
  recruitmentMethods: [],
  recruitmentWebsites: [],
  controlMethods: [],
  exploitationTypes: [],
  labourIndustry: null,
  sexExploitationTypes: [],
};

/** A list row: codes and picklist values only, never an identifying or free-text field. */
export function presentCaseListItem(row: CaseListItemRow, today: string): CaseListItemDto {
  return {
    code: row.code,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    draft: row.draft === 1,
    status: row.status as CaseListItemDto['status'],
    traffickingStatus: row.trafficking_status as CaseListItemDto['traffickingStatus'],
    gender: row.gender as CaseListItemDto['gender'],
    ageBand: row.age_band as CaseListItemDto['ageBand'],
    countyCode: row.county_code,
    exploitationTypes: JSON.parse(row.exploitation_types) as CaseListItemDto['exploitationTypes'],
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    followUpAt: row.follow_up_at,
    followUpOverdue:
      row.follow_up_at !== null && row.follow_up_at < today && (row.status === 'Active' || row.status === 'FollowUp'),
    closureRequested: row.closure_requested_at !== null && row.closure_approved_at === null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The case as this caller may see it. Sections outside the view are null; free text (places,
 * closure reason) only in views that may see identifying data.
 */
export function presentCase(
  keys: DataKeys,
  row: CaseListRow,
  view: CaseView,
  events: readonly CaseEventTable[],
  extra: { closureRequestedByName: string | null; closureApprovedByName: string | null; determination: string | null },
  today: string,
): CaseDto {
  const has = (s: SharedSection) => view.sections.includes(s);
  const mayReadText = view.kind !== 'deidentified';
  const profile = { ...EMPTY_PROFILE, ...(JSON.parse(row.profile_json) as Partial<CaseDto['profile']>) };
  if (view.kind === 'deidentified') profile.estimatedAge = null;
  const identifying =
    row.first_name_enc ??
    row.middle_name_enc ??
    row.last_name_enc ??
    row.birth_date_enc ??
    row.identity_number_enc ??
    row.phone_enc ??
    row.email_enc ??
    row.address_enc ??
    row.narrative_enc;
  return {
    ...presentCaseListItem(row, today),
    view: view.kind,
    sections: [...view.sections],
    profile,
    victim: has('victim') ? { ...EMPTY_VICTIM, ...(JSON.parse(row.victim_json) as Partial<CaseDto['victim']>) } : null,
    events: has('route')
      ? events.map((e) => ({
          id: e.id,
          type: e.type as 'Recruitment',
          country: e.country as 'KE' | null,
          countyCode: e.county_code,
          place: mayReadText ? keys.open(e.place_enc, 'case_events', e.id, 'place_enc') : null,
          date: e.date,
        }))
      : null,
    canRevealIdentity: identifying !== null && (has('identity') || has('contact')) && view.kind !== 'deidentified',
    canEdit: view.canEdit,
    determination: extra.determination as CaseDto['determination'],
    closure:
      row.closure_requested_at && row.closure_requested_by && row.closure_status
        ? {
            requestedAt: row.closure_requested_at,
            requestedById: row.closure_requested_by,
            requestedByName: extra.closureRequestedByName ?? '',
            status: row.closure_status as 'Closed',
            reason:
              view.kind === 'full' ? keys.open(row.closure_reason_enc, 'cases', row.id, 'closure_reason_enc') : null,
            approvedAt: row.closure_approved_at,
            approvedByName: extra.closureApprovedByName,
          }
        : null,
    reopenedAt: row.reopened_at,
  };
}
