import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { KENYA_COUNTIES } from '@kinga/shared/picklists';
import type { CaseDto } from '@kinga/shared';
import { formatDay } from './case-format.ts';
import { countyName } from '../../components/labels.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { countryName, vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { STEP_TITLES, labelOfKey, personLanguageName, type IntakeIssue } from './intake-labels.ts';
import { HOME_COUNTRY, currentAge, type IntakeStep, type IntakeValues } from './intake-values.ts';

/** Step 4: everything entered, with links back to each step, the server's objections, and submit. */
export function IntakeReviewStep({
  values,
  caseDto,
  issues,
  general,
  attempt,
  saving,
  dirty,
  onRegister,
  onSave,
}: {
  values: IntakeValues;
  caseDto: CaseDto | null;
  issues: IntakeIssue[];
  general: string[];
  attempt: number;
  saving: boolean;
  dirty: boolean;
  onRegister: () => void;
  onSave: () => void;
}) {
  const { t, language, locale } = useLanguage();
  const { instance } = useSession();
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasProblems = issues.length > 0 || general.length > 0;
  useEffect(() => {
    if (attempt > 0 && hasProblems) summaryRef.current?.focus();
  }, [attempt, hasProblems]);

  const p = values.person;
  const v = values.victim;
  const none = t('common.notSet');
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : none);
  const age = currentAge(p);
  const isDraft = caseDto?.draft ?? true;
  const changeLink = (step: IntakeStep) => (
    <Link to={`?step=${step}`} className="change-link">
      {t('intake.review.change', { section: t(STEP_TITLES[step]) })}
    </Link>
  );

  return (
    <>
      {hasProblems && (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby="intake-review-errors"
        >
          <h2 id="intake-review-errors" className="error-summary-title">
            {t('intake.review.problems')}
          </h2>
          <ul>
            {general.map((message, i) => (
              <li key={`general-${i}`}>{message}</li>
            ))}
            {issues.map((issue, i) => {
              const stepTitle = t(STEP_TITLES[issue.step]);
              const label = labelOfKey(issue.key, t);
              // An issue about a whole step ("add at least one stage") is named by the step alone.
              const field = label && label !== stepTitle ? `${label}: ` : '';
              const text = `${field}${issue.message}`;
              return (
                <li key={`${issue.key}-${i}`}>
                  {issue.step === 'review' ? (
                    text
                  ) : (
                    <Link to={`?step=${issue.step}#intake-${issue.key}`}>
                      {stepTitle} — {text}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <section className="review-section" aria-labelledby="review-person">
        <div className="review-heading">
          <h3 id="review-person">{t('intake.step.person')}</h3>
          {changeLink('person')}
        </div>
        <dl className="details">
          <dt>{t('intake.review.name')}</dt>
          <dd>{[p.firstName, p.middleName, p.lastName].filter((x) => x.trim()).join(' ') || none}</dd>
          <dt>{t('intake.field.gender')}</dt>
          <dd>{p.gender ? vocabLabel(t, 'gender', p.gender) : none}</dd>
          <dt>{t('intake.field.age')}</dt>
          <dd>
            {age === null
              ? none
              : p.ageBy === 'birthDate'
                ? t('intake.review.ageFromBirthDate', { age, date: formatDay(p.birthDate, locale) })
                : t('intake.review.ageEstimated', { age })}
          </dd>
          <dt>{t('intake.field.citizenships')}</dt>
          <dd>{list(p.citizenships.map((c) => countryName(language, c)))}</dd>
          <dt>{t('intake.field.languages')}</dt>
          <dd>{list(p.languages.map((l) => personLanguageName(t, language, l)))}</dd>
          <dt>{t('intake.field.education')}</dt>
          <dd>{p.education ? vocabLabel(t, 'education', p.education) : none}</dd>
          <dt>{t('intake.field.identityNumber')}</dt>
          <dd>{p.identityNumber || none}</dd>
          <dt>{t('intake.field.phone')}</dt>
          <dd>{p.phone || none}</dd>
          <dt>{t('intake.field.email')}</dt>
          <dd className="break">{p.email || none}</dd>
          <dt>{t('intake.field.address')}</dt>
          <dd className="pre-line">{p.address || none}</dd>
        </dl>
      </section>

      <section className="review-section" aria-labelledby="review-victim">
        <div className="review-heading">
          <h3 id="review-victim">{t('intake.step.victim')}</h3>
          {changeLink('victim')}
        </div>
        <dl className="details">
          <dt>{t('intake.field.relationship')}</dt>
          <dd>{v.relationshipToTrafficker ? vocabLabel(t, 'relationship', v.relationshipToTrafficker) : none}</dd>
          <dt>{t('intake.field.ageWhenTrafficked')}</dt>
          <dd>{v.ageWhenTrafficked || none}</dd>
          <dt>{t('intake.field.exploitationTypes')}</dt>
          <dd>{list(v.exploitationTypes.map((x) => vocabLabel(t, 'exploitationType', x)))}</dd>
          {v.exploitationTypes.includes('ForcedLabour') && (
            <>
              <dt>{t('intake.field.labourIndustry')}</dt>
              <dd>{v.labourIndustry ? vocabLabel(t, 'labourIndustry', v.labourIndustry) : none}</dd>
            </>
          )}
          {v.exploitationTypes.includes('SexualExploitation') && (
            <>
              <dt>{t('intake.field.sexExploitationTypes')}</dt>
              <dd>{list(v.sexExploitationTypes.map((x) => vocabLabel(t, 'sexExploitationType', x)))}</dd>
            </>
          )}
          <dt>{t('intake.field.recruitmentMethods')}</dt>
          <dd>{list(v.recruitmentMethods.map((x) => vocabLabel(t, 'recruitmentMethod', x)))}</dd>
          <dt>{t('intake.field.recruitmentWebsites')}</dt>
          <dd>{list(v.recruitmentWebsites.map((x) => vocabLabel(t, 'website', x)))}</dd>
          <dt>{t('intake.field.controlMethods')}</dt>
          <dd>{list(v.controlMethods.map((x) => vocabLabel(t, 'controlMethod', x)))}</dd>
          <dt>{t('intake.field.countyIdentified')}</dt>
          <dd>{v.countyCode ? countyName(instance, Number(v.countyCode)) : none}</dd>
          <dt>{t('intake.field.narrative')}</dt>
          <dd className="pre-line">{v.narrative.trim() || none}</dd>
        </dl>
      </section>

      <section className="review-section" aria-labelledby="review-route">
        <div className="review-heading">
          <h3 id="review-route">{t('intake.step.route')}</h3>
          {changeLink('route')}
        </div>
        {values.events.length === 0 ? (
          <p>{t('intake.route.empty')}</p>
        ) : (
          <ol className="route-summary">
            {values.events.map((e) => (
              <li key={e.key}>
                <strong>{vocabLabel(t, 'eventType', e.type)}</strong>
                {': '}
                {[
                  e.place.trim(),
                  e.country === HOME_COUNTRY && e.countyCode
                    ? KENYA_COUNTIES.find((c) => String(c.code) === e.countyCode)?.name
                    : '',
                  e.country ? countryName(language, e.country) : '',
                ]
                  .filter(Boolean)
                  .join(', ') || none}
                {e.date && ` · ${formatDay(e.date, locale)}`}
              </li>
            ))}
          </ol>
        )}
      </section>

      {isDraft && <p className="hint">{t('intake.registerHint')}</p>}
      <div className="form-actions">
        {isDraft ? (
          <button type="button" disabled={saving} onClick={onRegister}>
            {t('intake.register')}
          </button>
        ) : (
          <button type="button" disabled={saving || !dirty} onClick={onSave}>
            {t('intake.saveChanges')}
          </button>
        )}
        {caseDto && <Link to={`/cases/${encodeURIComponent(caseDto.code)}`}>{t('intake.backToCase')}</Link>}
      </div>
    </>
  );
}
