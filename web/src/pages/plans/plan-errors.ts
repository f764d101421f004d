import type { Language } from '@kinga/shared';
import { ApiError, type ApiIssue } from '../../api/client.ts';
import { describeError, issueMessage, type FieldErrors } from '../../components/forms.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { elementIssueField } from './plan-format.ts';

/** Refusals of the plans API that deserve their own sentence, by problem code. */
const PROBLEM_MESSAGES: Record<string, MessageKey> = {
  version_locked: 'plans.error.versionLocked',
  version_open: 'plans.error.versionOpen',
  source_is_draft: 'plans.error.sourceIsDraft',
  decision_required: 'plans.decision.required',
  unknown_decision: 'plans.error.unknownDecision',
  invalid_transition: 'plans.error.invalidTransition',
  comments_closed: 'plans.error.commentsClosed',
  not_a_member: 'plans.comments.notMember',
  thread_resolved: 'plans.error.threadResolved',
  thread_open: 'plans.error.threadOpen',
};

/** Field problems the plans API finds beyond the schema, by issue code. */
const ISSUE_MESSAGES: Record<string, MessageKey> = {
  outside_plan_period: 'plans.error.outsidePeriod',
  unknown_agency: 'errors.unknownAgency',
  unknown_county: 'plans.error.unknownCounty',
  unknown_parent: 'plans.error.parent',
  parent_required: 'plans.error.parent',
  parent_not_allowed: 'plans.error.parent',
  parent_kind_not_allowed: 'plans.error.parent',
  kind_changed: 'plans.error.kindChanged',
  thread_element_mismatch: 'plans.error.threadElement',
};

/** A sentence for a failed plans request: the plans' own refusals in words, else the generic one. */
export function planErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = PROBLEM_MESSAGES[error.code];
    if (key) return t(key);
  }
  return describeError(error, t);
}

/** `failWith` overrides for a plans refusal with its own sentence (none for other errors). */
export function planOverrides(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const key = PROBLEM_MESSAGES[error.code];
  return key ? { [error.code]: t(key) } : {};
}

/** The message of one field problem: the plans' own wording, else the shared one. */
export function planIssueMessage(issue: ApiIssue, t: Translate, language: Language, period = ''): string {
  const key = ISSUE_MESSAGES[issue.code];
  return key ? t(key, { period }) : issueMessage(issue, t, language);
}

/**
 * A failed element save as field errors (paths inside `fields` or not) and sentences for the
 * rest, or null when the answer names no field problem.
 */
export function elementFormErrors(
  error: unknown,
  knownFields: readonly string[],
  t: Translate,
  language: Language,
  /** The plan period ("2027–2031"), named when a date or year falls outside it. */
  period = '',
): { fields: FieldErrors; general: string[] } | null {
  if (!(error instanceof ApiError) || error.issues.length === 0) return null;
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of error.issues) {
    const field = elementIssueField(issue.path);
    const message = planIssueMessage(issue, t, language, period);
    if (knownFields.includes(field)) {
      if (!fields[field]) fields[field] = message;
    } else if (!general.includes(message)) {
      general.push(message);
    }
  }
  return { fields, general };
}
