import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ACTIVITY_PROGRESS_STATUSES } from '@kinga/shared/picklists';
import type { EvidenceDto, ProgressReportDto } from '@kinga/shared';
import { ApiError } from '../../api/client.ts';
import { getReport, reviewReport, saveReport, type ReportAction } from '../../api/monitoring.ts';
import { ErrorSummary, Field, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { EvidenceBlock } from './EvidenceBlock.tsx';
import { ReportBadges } from './MonitoringBadges.tsx';
import { MonitoringLinks, ProblemNotice } from './PeriodPicker.tsx';
import { problemOverrides } from './monitoring-errors.ts';
import { draftInput, draftOf, sameDraft, type ReportDraft } from './monitoring-values.ts';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';

/**
 * One agency's progress report for one period: a status and narrative per activity it leads,
 * evidence files per activity, save as draft and submit; the secretariat accepts it or returns
 * it with a comment.
 */
export function ProgressReportPage() {
  const { planId = '', periodId = '', agencyId = '' } = useParams();
  const { t } = useLanguage();
  const loaded = useLoad(`${planId}:${periodId}:${agencyId}`, () => getReport(planId, periodId, agencyId));
  const [report, setReport] = useState<ProgressReportDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (loaded.data) setReport(loaded.data);
  }, [loaded.data]);

  const title = report ? t('monitoring.reportTitle', { agency: report.agencyName }) : t('monitoring.reportTitleShort');

  return (
    <Page title={title}>
      <MonitoringLinks planId={planId} periodId={periodId} current="report" />
      {!report && (loaded.error ? <ProblemNotice error={loaded.error} /> : <p role="status">{t('common.loading')}</p>)}
      {report && (
        <ReportView
          key={`${report.id ?? 'new'}:${report.status ?? 'none'}`}
          planId={planId}
          report={report}
          notice={notice}
          onChange={(next, message) => {
            setReport(next);
            setNotice(message);
          }}
        />
      )}
    </Page>
  );
}

function ReportView({
  planId,
  report,
  notice,
  onChange,
}: {
  planId: string;
  report: ProgressReportDto;
  notice: string | null;
  onChange: (report: ProgressReportDto, message: string | null) => void;
}) {
  const { t, locale, language } = useLanguage();
  const { can } = useSession();
  const formId = 'progress-report';
  const [saved, setSaved] = useState<ReportDraft>(() => draftOf(report));
  const [draft, setDraft] = useState<ReportDraft>(saved);
  const [evidence, setEvidence] = useState<EvidenceDto[]>(report.evidence);
  const [pending, setPending] = useState<'save' | 'submit' | null>(null);
  const errors = useFormErrors();
  const dirty = report.editable && !sameDraft(draft, saved);
  useUnsavedChangesGuard(dirty, t('monitoring.report.leaveConfirm'));

  const order = report.entries.map((e) => e.activityKey);
  const labels: Record<string, string> = Object.fromEntries(
    report.entries.map((e) => [`${e.activityKey}-status`, `${e.activityNumber} ${e.activityTitle}`]),
  );
  const none = t('common.notSet');

  const handleSave = async (forSubmit: boolean) => {
    const { input, problems } = draftInput(draft, order, forSubmit);
    if (problems.size > 0) {
      const fields: FieldErrors = {};
      for (const [key, problem] of problems) {
        fields[`${key}-status`] = t(
          problem === 'status_required' ? 'monitoring.report.statusRequired' : 'monitoring.report.statusForNarrative',
        );
      }
      return errors.fail(fields);
    }
    setPending(forSubmit ? 'submit' : 'save');
    try {
      let next = await saveReport(planId, report.periodId, report.agencyId, input);
      const savedDraft = draftOf(next);
      setSaved(savedDraft);
      setDraft(savedDraft);
      if (forSubmit) next = await reviewReport(planId, report.periodId, report.agencyId, 'submit', null);
      errors.clear();
      onChange(next, t(forSubmit ? 'monitoring.report.submitted' : 'monitoring.report.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'report_incomplete') {
        // The server names each activity without an entry: shown next to its status.
        const fields: FieldErrors = {};
        for (const issue of error.issues) {
          const key = issue.path.replace(/^(body\.)?entries\./, '');
          if (order.includes(key)) fields[`${key}-status`] = t('monitoring.report.statusRequired');
        }
        return errors.fail(fields, Object.keys(fields).length > 0 ? [] : [t('monitoring.problem.reportIncomplete')]);
      }
      errors.failWith(error, [], problemOverrides(error, t, language));
    } finally {
      setPending(null);
    }
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void handleSave(false);
  };

  const setEntry = (key: string, change: Partial<ReportDraft[string]>) =>
    setDraft((d) => ({ ...d, [key]: { status: '', narrative: '', ...d[key], ...change } }));
  const handleEvidenceChange = useCallback((next: EvidenceDto[]) => setEvidence(next), []);

  return (
    <>
      <FocusedNotice message={notice} />
      <dl className="details report-summary">
        <dt>{t('monitoring.report.agency')}</dt>
        <dd>{report.agencyName}</dd>
        <dt>{t('monitoring.report.period')}</dt>
        <dd>{report.periodLabel}</dd>
        <dt>{t('monitoring.report.status')}</dt>
        <dd>
          <ReportBadges status={report.status} missing={report.missing} />
        </dd>
        {report.submittedAt && (
          <>
            <dt>{t('monitoring.report.submittedAt')}</dt>
            <dd>
              {t('monitoring.report.byOn', {
                name: report.submittedByName ?? none,
                date: formatDateTime(report.submittedAt, locale),
              })}
            </dd>
          </>
        )}
        {report.reviewedAt && (
          <>
            <dt>{t('monitoring.report.reviewedAt')}</dt>
            <dd>
              {t('monitoring.report.byOn', {
                name: report.reviewedByName ?? none,
                date: formatDateTime(report.reviewedAt, locale),
              })}
            </dd>
          </>
        )}
      </dl>
      {report.reviewComment && (
        <section
          className={report.status === 'returned' ? 'panel panel-important' : 'panel'}
          aria-labelledby="review-comment-title"
        >
          <h2 id="review-comment-title">
            {t(report.status === 'returned' ? 'monitoring.report.returnedTitle' : 'monitoring.report.reviewComment')}
          </h2>
          <p className="pre-line">{report.reviewComment}</p>
        </section>
      )}
      {report.entries.length === 0 && <p className="muted">{t('monitoring.report.noActivities')}</p>}
      {report.entries.length > 0 && (
        <form id={formId} className="form report-form" noValidate onSubmit={handleSubmit}>
          <ErrorSummary formId={formId} labels={labels} {...errors} />
          {report.editable && <p className="hint">{t('monitoring.report.intro')}</p>}
          {report.entries.map((entry) => {
            const value = draft[entry.activityKey] ?? { status: '', narrative: '' };
            const headingId = `activity-${entry.activityKey}`;
            const fieldId = `${formId}-${entry.activityKey}`;
            return (
              <section key={entry.activityKey} className="panel activity-entry" aria-labelledby={headingId}>
                <h2 id={headingId} className="activity-title">
                  <span className="outline-number">{entry.activityNumber}</span> {entry.activityTitle}
                </h2>
                {report.editable ? (
                  <>
                    <Field
                      id={`${fieldId}-status`}
                      label={t('monitoring.report.activityStatus')}
                      error={errors.fields[`${entry.activityKey}-status`]}
                      required
                    >
                      {(aria) => (
                        <select
                          {...aria}
                          value={value.status}
                          onChange={(e) =>
                            setEntry(entry.activityKey, { status: e.target.value as ReportDraft[string]['status'] })
                          }
                        >
                          <option value="">{t('monitoring.report.chooseStatus')}</option>
                          {ACTIVITY_PROGRESS_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {vocabLabel(t, 'activityProgress', s)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field
                      id={`${fieldId}-narrative`}
                      label={t('monitoring.report.narrative')}
                      hint={t('monitoring.report.narrativeHint')}
                    >
                      {(aria) => (
                        <textarea
                          {...aria}
                          rows={4}
                          maxLength={10_000}
                          value={value.narrative}
                          onChange={(e) => setEntry(entry.activityKey, { narrative: e.target.value })}
                        />
                      )}
                    </Field>
                  </>
                ) : (
                  <dl className="details">
                    <dt>{t('monitoring.report.activityStatus')}</dt>
                    <dd>
                      {entry.status
                        ? vocabLabel(t, 'activityProgress', entry.status)
                        : vocabLabel(t, 'activityProgress', 'unreported')}
                    </dd>
                    <dt>{t('monitoring.report.narrative')}</dt>
                    <dd className="pre-line">{entry.narrative ?? t('monitoring.report.noNarrative')}</dd>
                  </dl>
                )}
                <EvidenceBlock
                  planId={planId}
                  report={report}
                  activityKey={entry.activityKey}
                  activityLabel={`${entry.activityNumber} ${entry.activityTitle}`}
                  evidence={evidence}
                  onChange={handleEvidenceChange}
                />
              </section>
            );
          })}
          {report.editable && (
            <div className="report-actions">
              {dirty && (
                <p className="save-status" role="status">
                  {t('monitoring.report.unsaved')}
                </p>
              )}
              <p className="hint">{t('monitoring.report.submitHint')}</p>
              <div className="form-actions">
                <button type="submit" className="button-secondary" disabled={pending !== null}>
                  {pending === 'save' ? t('monitoring.report.saving') : t('monitoring.report.save')}
                </button>
                <button type="button" disabled={pending !== null} onClick={() => void handleSave(true)}>
                  {pending === 'submit' ? t('monitoring.report.submitting') : t('monitoring.report.submit')}
                </button>
              </div>
            </div>
          )}
        </form>
      )}
      {can('plan:manage') && report.status === 'submitted' && (
        <ReviewPanel planId={planId} report={report} onReviewed={onChange} />
      )}
      <p className="back-link">
        <Link to={`/plans/${encodeURIComponent(planId)}/monitoring?period=${encodeURIComponent(report.periodId)}`}>
          {t('monitoring.report.backToMonitoring')}
        </Link>
      </p>
    </>
  );
}

/** The secretariat accepts a submitted report, or returns it with a comment that says what to change. */
function ReviewPanel({
  planId,
  report,
  onReviewed,
}: {
  planId: string;
  report: ProgressReportDto;
  onReviewed: (report: ProgressReportDto, message: string) => void;
}) {
  const { t, language } = useLanguage();
  const formId = 'report-review';
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState<ReportAction | null>(null);
  const errors = useFormErrors();

  const handleReview = async (action: 'accept' | 'return') => {
    if (action === 'return' && comment.trim() === '') {
      return errors.fail({ comment: t('monitoring.review.commentRequired') });
    }
    setPending(action);
    try {
      const next = await reviewReport(planId, report.periodId, report.agencyId, action, comment.trim() || null);
      errors.clear();
      onReviewed(next, t(action === 'accept' ? 'monitoring.review.accepted' : 'monitoring.review.returned'));
    } catch (error) {
      errors.failWith(error, ['comment'], problemOverrides(error, t, language));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('monitoring.review.title')}</h2>
      <form id={formId} className="form" noValidate onSubmit={(e) => e.preventDefault()}>
        <ErrorSummary formId={formId} labels={{ comment: t('monitoring.review.comment') }} {...errors} />
        <Field
          id={`${formId}-comment`}
          label={t('monitoring.review.comment')}
          hint={t('monitoring.review.commentHint')}
          error={errors.fields.comment}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              maxLength={4000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" disabled={pending !== null} onClick={() => void handleReview('accept')}>
            {t('monitoring.review.accept')}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={pending !== null}
            onClick={() => void handleReview('return')}
          >
            {t('monitoring.review.return')}
          </button>
        </div>
      </form>
    </section>
  );
}
