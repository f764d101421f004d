import type { IloIndicator, PalermoAct, PalermoMeans, PalermoPurpose, TraffickingStatus } from './cases-vocab.ts';

/** What a screener observed about one presumed victim. */
export interface ScreeningObservations {
  acts: readonly PalermoAct[];
  means: readonly PalermoMeans[];
  purposes: readonly PalermoPurpose[];
  iloIndicators: readonly IloIndicator[];
  /** Age when the exploitation began; null when not known. */
  ageAtExploitation: number | null;
}

/** One step of the explanation; the web app words it in the reader's language. */
export type ScreeningReason =
  | { code: 'act_observed' }
  | { code: 'act_missing' }
  | { code: 'means_observed' }
  | { code: 'means_from_ilo_indicators' }
  | { code: 'means_missing' }
  | { code: 'means_not_required_child' }
  | { code: 'purpose_observed' }
  | { code: 'purpose_from_ilo_indicators' }
  | { code: 'purpose_missing' }
  | { code: 'age_unknown' }
  | { code: 'all_elements' }
  | { code: 'some_elements' }
  | { code: 'no_elements' };

export interface ScreeningSuggestion {
  suggestedStatus: TraffickingStatus;
  /** True under 18 at exploitation, false at 18 or over, null when the age is not known. */
  child: boolean | null;
  elements: { act: boolean; means: boolean | 'not_required'; purpose: boolean };
  reasons: ScreeningReason[];
}

/**
 * ILO indicators that are themselves a means under Palermo art. 3(a): deception, coercion,
 * abuse of vulnerability. The others (conditions of work) point to the purpose.
 */
const ILO_MEANS: ReadonlySet<IloIndicator> = new Set([
  'AbuseOfVulnerability',
  'Deception',
  'PhysicalAndSexualViolence',
  'IntimidationAndThreats',
  'RetentionOfIdentityDocuments',
  'DebtBondage',
]);

/** ILO's guidance: two or more indicators together point to forced labour, a purpose of exploitation. */
const ILO_INDICATORS_FOR_FORCED_LABOUR = 2;

/**
 * Suggests a trafficking status from the three elements of the Palermo definition.
 * An adult needs act, means and purpose; a child (under 18 at exploitation) act and purpose,
 * whatever the means. All elements: actual victim, subject to a supervisor's confirmation;
 * some: possible victim; none: not a victim.
 */
export function suggestTraffickingStatus(o: ScreeningObservations): ScreeningSuggestion {
  const reasons: ScreeningReason[] = [];
  const child = o.ageAtExploitation === null ? null : o.ageAtExploitation < 18;
  if (child === null) reasons.push({ code: 'age_unknown' });

  const act = o.acts.length > 0;
  reasons.push({ code: act ? 'act_observed' : 'act_missing' });

  let means: boolean | 'not_required';
  if (child) {
    means = 'not_required';
    reasons.push({ code: 'means_not_required_child' });
  } else if (o.means.length > 0) {
    means = true;
    reasons.push({ code: 'means_observed' });
  } else if (o.iloIndicators.some((i) => ILO_MEANS.has(i))) {
    means = true;
    reasons.push({ code: 'means_from_ilo_indicators' });
  } else {
    means = false;
    reasons.push({ code: 'means_missing' });
  }

  let purpose: boolean;
  if (o.purposes.length > 0) {
    purpose = true;
    reasons.push({ code: 'purpose_observed' });
  } else if (o.iloIndicators.length >= ILO_INDICATORS_FOR_FORCED_LABOUR) {
    purpose = true;
    reasons.push({ code: 'purpose_from_ilo_indicators' });
  } else {
    purpose = false;
    reasons.push({ code: 'purpose_missing' });
  }

  const all = act && means !== false && purpose;
  const any = act || means === true || purpose || o.iloIndicators.length > 0;
  const suggestedStatus: TraffickingStatus = all
    ? 'ActualVictimOfTrafficking'
    : any
      ? 'PossibleVictimOfTrafficking'
      : 'NotAVictimOfTrafficking';
  reasons.push({ code: all ? 'all_elements' : any ? 'some_elements' : 'no_elements' });
  return { suggestedStatus, child, elements: { act, means, purpose }, reasons };
}
