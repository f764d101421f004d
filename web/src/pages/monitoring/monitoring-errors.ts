import { ApiError } from '../../api/client.ts';
import { describeError } from '../../components/forms.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import type { Language } from '@kinga/shared/picklists';

/** Refusals of the monitoring routes with wording of our own, in every language. */
const KNOWN_PROBLEMS: Record<string, MessageKey> = {
  no_adopted_version: 'monitoring.problem.noAdoptedVersion',
  computed_indicator: 'monitoring.problem.computedIndicator',
  period_not_started: 'monitoring.problem.periodNotStarted',
  report_not_editable: 'monitoring.problem.reportNotEditable',
  report_not_submitted: 'monitoring.problem.reportNotSubmitted',
  report_incomplete: 'monitoring.problem.reportIncomplete',
};

/**
 * What to tell the reader about a refused request: our wording for codes we know; for a
 * 403, 404 or 409 the server's own sentence (it says which rule refused) to English readers
 * and a general translated one to others.
 */
export function problemText(error: unknown, t: Translate, language: Language): string {
  if (error instanceof ApiError) {
    const known = KNOWN_PROBLEMS[error.code];
    if (known) return t(known);
    if ([403, 404, 409].includes(error.status) && language === 'en' && error.title) return error.title;
  }
  return describeError(error, t);
}

/** The override map `failWith` takes, so a refusal shows as `problemText` above a form. */
export function problemOverrides(error: unknown, t: Translate, language: Language): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (![403, 404, 409].includes(error.status) && !KNOWN_PROBLEMS[error.code]) return {};
  return { [error.code]: problemText(error, t, language) };
}
