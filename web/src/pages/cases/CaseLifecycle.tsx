import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { CLOSED_STATUSES, ROLE_PERMISSIONS } from '@kinga/shared/picklists';
import type { CaseDto, UserDto } from '@kinga/shared';
import {
  approveClosure,
  assignCase,
  rejectClosure,
  reopenCase,
  requestClosure,
  setFollowUp,
  type ClosureStatus,
} from '../../api/cases.ts';
import { listUsers } from '../../api/client.ts';
import { ErrorSummary, Field, Notice, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage, type Translate } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession, useUser } from '../../session/session.tsx';

type TabProps = { caseDto: CaseDto; reload: () => void };
/** `onCaseChange` takes the server's answer and the sentence that tells the user it worked. */
type ActionProps = TabProps & { onCaseChange: (caseDto: CaseDto, notice: string) => void };

const OPEN_STATUSES = ['Active', 'FollowUp'] as const;
const CLOSURE_STATUSES: readonly ClosureStatus[] = ['Closed', 'ClosedReferred'];
const REASON_MIN = 3;
const REASON_MAX = 2000;

/** The check every reason of the lifecycle gets before it is sent (`reasonSchema`). */
function reasonError(reason: string, t: Translate): string | undefined {
  const trimmed = reason.trim();
  if (!trimmed) return t('errors.required');
  if (trimmed.length < REASON_MIN) return t('cases.errors.reasonShort', { min: REASON_MIN });
  if (trimmed.length > REASON_MAX) return t('errors.tooLong', { max: REASON_MAX });
  return undefined;
}

/**
 * Runs one lifecycle change: pending state, field errors from the server, a notice on
 * success; the page then shows the case the server answered (no second read on a slow link).
 */
function useCaseAction(onCaseChange: ActionProps['onCaseChange'], fields: readonly string[]) {
  const { t } = useLanguage();
  const errors = useFormErrors();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: () => Promise<CaseDto>, notice: string): Promise<boolean> => {
    setPending(true);
    setDone(null);
    try {
      const changed = await action();
      errors.clear();
      setDone(notice);
      onCaseChange(changed, notice);
      return true;
    } catch (error) {
      errors.failWith(error, fields, {
        case_closed: t('cases.errors.caseClosed'),
        closure_already_requested: t('cases.errors.closureAlreadyRequested'),
        no_closure_requested: t('cases.errors.changedMeanwhile'),
        case_open: t('cases.errors.changedMeanwhile'),
        supervisor_required: t('cases.errors.supervisorRequired'),
      });
      return false;
    } finally {
      setPending(false);
    }
  };
  return { errors, pending, done, run };
}

function ReasonField({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(aria) => (
        <textarea {...aria} rows={3} maxLength={REASON_MAX} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** Gives the case to a worker of the owning agency; without access to the user list, to oneself. */
function AssignmentForm({ caseDto, onCaseChange }: ActionProps) {
  const { t } = useLanguage();
  const { can } = useSession();
  const me = useUser();
  const formId = `assign-${caseDto.code}`;
  const action = useCaseAction(onCaseChange, ['ownerId']);
  const canListUsers = can('user:read');
  const [workers, setWorkers] = useState<UserDto[] | null>(null);
  const [ownerId, setOwnerId] = useState(caseDto.ownerId ?? '');

  useEffect(() => setOwnerId(caseDto.ownerId ?? ''), [caseDto.ownerId]);

  useEffect(() => {
    // Only focal points and administrators may list users; others assign to themselves.
    if (!canListUsers) return;
    let cancelled = false;
    listUsers({ agencyId: caseDto.agencyId, status: 'active', sort: 'name', order: 'asc', limit: 200 })
      .then((page) => {
        if (cancelled) return;
        setWorkers(page.items.filter((u) => u.roles.some((r) => ROLE_PERMISSIONS[r].includes('case:write'))));
      })
      .catch(() => {
        if (!cancelled) setWorkers(null);
      });
    return () => {
      cancelled = true;
    };
  }, [canListUsers, caseDto.agencyId]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => assignCase(caseDto.code, ownerId || null), t('cases.assign.done'));
  };

  const ownerMissing = caseDto.ownerId !== null && workers !== null && !workers.some((u) => u.id === caseDto.ownerId);

  return (
    <div className="case-action">
      <h4 id={`${formId}-title`}>{t('cases.assign.title')}</h4>
      <ErrorSummary formId={formId} labels={{ ownerId: t('cases.assign.worker') }} {...action.errors} />
      {action.done && <Notice>{action.done}</Notice>}
      {workers !== null ? (
        <form id={formId} noValidate aria-labelledby={`${formId}-title`} onSubmit={handleSubmit}>
          <Field id={`${formId}-ownerId`} label={t('cases.assign.worker')} error={action.errors.fields.ownerId}>
            {(aria) => (
              <select {...aria} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                <option value="">{t('cases.assign.nobody')}</option>
                {ownerMissing && caseDto.ownerId && <option value={caseDto.ownerId}>{caseDto.ownerName}</option>}
                {workers.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={action.pending || ownerId === (caseDto.ownerId ?? '')}>
              {t('cases.assign.submit')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          {caseDto.ownerId === me.id ? (
            <p className="hint">{t('cases.assign.isYours')}</p>
          ) : (
            <button
              type="button"
              disabled={action.pending}
              onClick={() => void action.run(() => assignCase(caseDto.code, me.id), t('cases.assign.done'))}
            >
              {t('cases.assign.toMe')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The next follow-up date and whether the case is in active work or follow-up. */
function FollowUpForm({ caseDto, onCaseChange }: ActionProps) {
  const { t } = useLanguage();
  const formId = `follow-up-${caseDto.code}`;
  const action = useCaseAction(onCaseChange, ['followUpAt', 'status']);
  const currentStatus = caseDto.status === 'FollowUp' ? 'FollowUp' : 'Active';
  const [date, setDate] = useState(caseDto.followUpAt ?? '');
  const [status, setStatus] = useState<(typeof OPEN_STATUSES)[number]>(currentStatus);

  useEffect(() => setDate(caseDto.followUpAt ?? ''), [caseDto.followUpAt]);
  useEffect(() => setStatus(currentStatus), [currentStatus]);

  const labels = { followUpAt: t('cases.followUp.date'), status: t('cases.followUp.status') };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return action.errors.fail({ followUpAt: t('cases.errors.date') });
    void action.run(() => setFollowUp(caseDto.code, { followUpAt: date || null, status }), t('cases.followUp.done'));
  };

  return (
    <div className="case-action">
      <h4 id={`${formId}-title`}>{t('cases.followUp.title')}</h4>
      <ErrorSummary formId={formId} labels={labels} {...action.errors} />
      {action.done && <Notice>{action.done}</Notice>}
      <form id={formId} noValidate aria-labelledby={`${formId}-title`} onSubmit={handleSubmit}>
        <Field
          id={`${formId}-followUpAt`}
          label={labels.followUpAt}
          hint={t('cases.followUp.dateHint')}
          error={action.errors.fields.followUpAt}
        >
          {(aria) => <input {...aria} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field id={`${formId}-status`} label={labels.status} error={action.errors.fields.status}>
          {(aria) => (
            <select
              {...aria}
              value={status}
              onChange={(e) => setStatus(e.target.value === 'FollowUp' ? 'FollowUp' : 'Active')}
            >
              {OPEN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {vocabLabel(t, 'caseStatus', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('cases.followUp.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A worker asks to close the case; a supervisor approves it. */
function RequestClosureForm({ caseDto, onCaseChange }: ActionProps) {
  const { t } = useLanguage();
  const formId = `closure-${caseDto.code}`;
  const action = useCaseAction(onCaseChange, ['status', 'reason']);
  const [status, setStatus] = useState<ClosureStatus>('Closed');
  const [reason, setReason] = useState('');
  const labels = { status: t('cases.closure.status'), reason: t('cases.closure.reason') };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const problem = reasonError(reason, t);
    if (problem) fieldErrors.reason = problem;
    if (Object.keys(fieldErrors).length > 0) return action.errors.fail(fieldErrors);
    if (
      await action.run(
        () => requestClosure(caseDto.code, { status, reason: reason.trim() }),
        t('cases.closure.requested'),
      )
    ) {
      setReason('');
    }
  };

  return (
    <div className="case-action">
      <h4 id={`${formId}-title`}>{t('cases.closure.requestTitle')}</h4>
      <p className="hint">{t('cases.closure.requestHint')}</p>
      <ErrorSummary formId={formId} labels={labels} {...action.errors} />
      <form id={formId} noValidate aria-labelledby={`${formId}-title`} onSubmit={(e) => void handleSubmit(e)}>
        <Field id={`${formId}-status`} label={labels.status} error={action.errors.fields.status}>
          {(aria) => (
            <select
              {...aria}
              value={status}
              onChange={(e) => setStatus(e.target.value === 'ClosedReferred' ? 'ClosedReferred' : 'Closed')}
            >
              {CLOSURE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {vocabLabel(t, 'caseStatus', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ReasonField
          id={`${formId}-reason`}
          label={labels.reason}
          value={reason}
          error={action.errors.fields.reason}
          onChange={setReason}
        />
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('cases.closure.request')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A supervisor approves the requested closure, or sends it back with a reason. */
function ClosureDecisionForm({ caseDto, onCaseChange }: ActionProps) {
  const { t } = useLanguage();
  const formId = `closure-decision-${caseDto.code}`;
  const action = useCaseAction(onCaseChange, ['reason']);
  const [reason, setReason] = useState('');

  const handleReject = async (event: FormEvent) => {
    event.preventDefault();
    const problem = reasonError(reason, t);
    if (problem) return action.errors.fail({ reason: problem });
    if (await action.run(() => rejectClosure(caseDto.code, reason.trim()), t('cases.closure.rejected'))) setReason('');
  };

  return (
    <div className="case-action">
      <h4 id={`${formId}-title`}>{t('cases.closure.decisionTitle')}</h4>
      <ErrorSummary formId={formId} labels={{ reason: t('cases.closure.rejectReason') }} {...action.errors} />
      <div className="form-actions">
        <button
          type="button"
          disabled={action.pending}
          onClick={() => void action.run(() => approveClosure(caseDto.code), t('cases.closure.approved'))}
        >
          {t('cases.closure.approve')}
        </button>
      </div>
      <form id={formId} noValidate aria-labelledby={`${formId}-title`} onSubmit={(e) => void handleReject(e)}>
        <ReasonField
          id={`${formId}-reason`}
          label={t('cases.closure.rejectReason')}
          hint={t('cases.closure.rejectHint')}
          value={reason}
          error={action.errors.fields.reason}
          onChange={setReason}
        />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={action.pending}>
            {t('cases.closure.reject')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Opens a closed case again, with the reason on record. */
function ReopenForm({ caseDto, onCaseChange }: ActionProps) {
  const { t } = useLanguage();
  const formId = `reopen-${caseDto.code}`;
  const action = useCaseAction(onCaseChange, ['reason']);
  const [reason, setReason] = useState('');

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = reasonError(reason, t);
    if (problem) return action.errors.fail({ reason: problem });
    if (await action.run(() => reopenCase(caseDto.code, reason.trim()), t('cases.reopen.done'))) setReason('');
  };

  return (
    <div className="case-action">
      <h4 id={`${formId}-title`}>{t('cases.reopen.title')}</h4>
      <ErrorSummary formId={formId} labels={{ reason: t('cases.reopen.reason') }} {...action.errors} />
      <form id={formId} noValidate aria-labelledby={`${formId}-title`} onSubmit={(e) => void handleSubmit(e)}>
        <ReasonField
          id={`${formId}-reason`}
          label={t('cases.reopen.reason')}
          hint={t('cases.reopen.hint')}
          value={reason}
          error={action.errors.fields.reason}
          onChange={setReason}
        />
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('cases.reopen.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Where the case stands in its lifecycle, with the changes this user may make. */
export function CaseLifecycle({
  caseDto,
  reload,
  onCaseChange,
}: TabProps & { onCaseChange: (caseDto: CaseDto) => void }) {
  const { t, locale } = useLanguage();
  const { can } = useSession();
  const closed = CLOSED_STATUSES.includes(caseDto.status);
  const full = caseDto.view === 'full';
  const closure = caseDto.closure;
  const closurePending = !closed && (caseDto.closureRequested || (closure !== null && closure.approvedAt === null));
  const open = (OPEN_STATUSES as readonly string[]).includes(caseDto.status);
  const [closureNotice, setClosureNotice] = useState<string | null>(null);
  const closureHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A closure change replaces the form that made it; focus moves to the section that says what happened.
    if (closureNotice) closureHeading.current?.focus();
  }, [closureNotice]);
  const handleChange = (changed: CaseDto) => onCaseChange(changed);
  const handleClosureChange = (changed: CaseDto, notice: string) => {
    setClosureNotice(notice);
    onCaseChange(changed);
  };

  // Assignment, follow-up and closure are the owning agency's business; others see the status above.
  if (!full) return null;

  return (
    <>
      {caseDto.canEdit && (
        <section aria-labelledby="case-work-title">
          <h3 id="case-work-title">{t('cases.work.title')}</h3>
          <AssignmentForm caseDto={caseDto} reload={reload} onCaseChange={handleChange} />
          {!caseDto.draft && open && <FollowUpForm caseDto={caseDto} reload={reload} onCaseChange={handleChange} />}
        </section>
      )}

      {!caseDto.draft && (
        <section aria-labelledby="case-closure-title">
          <h3 id="case-closure-title" ref={closureHeading} tabIndex={-1}>
            {t('cases.closure.title')}
          </h3>
          {closureNotice && <Notice>{closureNotice}</Notice>}
          {closure && (closed || closurePending) ? (
            <dl className="details">
              <Detail term={t('cases.closure.requestedBy')}>
                {t('cases.closure.byOn', {
                  name: closure.requestedByName,
                  date: formatDateTime(closure.requestedAt, locale),
                })}
              </Detail>
              <Detail term={t('cases.closure.status')}>{vocabLabel(t, 'caseStatus', closure.status)}</Detail>
              {closure.reason && (
                <Detail term={t('cases.closure.reason')}>
                  <span className="pre-line">{closure.reason}</span>
                </Detail>
              )}
              <Detail term={t('cases.closure.approvedBy')}>
                {closure.approvedAt ? (
                  t('cases.closure.byOn', {
                    name: closure.approvedByName ?? '—',
                    date: formatDateTime(closure.approvedAt, locale),
                  })
                ) : (
                  <span className="badge badge-pending">{t('cases.closure.awaiting')}</span>
                )}
              </Detail>
            </dl>
          ) : (
            <p>{closed ? vocabLabel(t, 'caseStatus', caseDto.status) : t('cases.closure.open')}</p>
          )}
          {caseDto.reopenedAt && !closed && (
            <p className="hint">{t('cases.reopen.reopenedOn', { date: formatDateTime(caseDto.reopenedAt, locale) })}</p>
          )}
          {closurePending && can('case:supervise') && (
            <ClosureDecisionForm caseDto={caseDto} reload={reload} onCaseChange={handleClosureChange} />
          )}
          {!closurePending && !closed && caseDto.canEdit && (
            <RequestClosureForm caseDto={caseDto} reload={reload} onCaseChange={handleClosureChange} />
          )}
          {closed && can('case:write') && (
            <ReopenForm caseDto={caseDto} reload={reload} onCaseChange={handleClosureChange} />
          )}
        </section>
      )}
    </>
  );
}
