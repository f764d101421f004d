import { useState, type FormEvent } from 'react';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  SHARED_SECTIONS,
  type ConsentPurpose,
  type SharedSection,
} from '@kinga/shared/picklists';
import type { CaseDto, ConsentDto } from '@kinga/shared';
import { listConsents, recordConsent, withdrawConsent } from '../../api/intake.ts';
import { CheckboxGroup, RadioGroup } from '../../components/CheckboxGroup.tsx';
import { ErrorSummary, Field, LoadError, useFormErrors } from '../../components/forms.tsx';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { formatDay, todayIso } from './case-format.ts';

const FORM_ID = 'consent';
const FIELDS = ['purpose', 'agencyId', 'sections', 'method', 'givenOn', 'guardianName', 'bestInterestNote'] as const;
type ConsentMethod = (typeof CONSENT_METHODS)[number];

interface ConsentValues {
  purpose: ConsentPurpose;
  agencyId: string;
  sections: SharedSection[];
  method: ConsentMethod;
  givenOn: string;
  guardianName: string;
  bestInterestNote: string;
}

const emptyConsent = (): ConsentValues => ({
  purpose: 'case_management',
  agencyId: '',
  sections: [],
  method: 'written',
  givenOn: todayIso(),
  guardianName: '',
  bestInterestNote: '',
});

/** The person's consents by purpose, recording a new one, and withdrawing one with a reason. */
export function ConsentTab({ caseDto, reload }: { caseDto: CaseDto; reload: () => void }) {
  const { t } = useLanguage();
  const { can } = useSession();
  const canRecord = caseDto.view === 'full' && caseDto.canEdit && can('case:write');
  const list = useLoad(caseDto.code, () => listConsents(caseDto.code));
  const consents = list.data ?? [];
  const [notice, setNotice] = useState<string | null>(null);

  const handleChanged = (message: string) => {
    setNotice(message);
    list.refresh();
    reload();
  };

  return (
    <section aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p className="hint">{t('consent.intro')}</p>
      <FocusedNotice message={notice} />
      {list.error ? <LoadError error={list.error} /> : null}
      {list.loading && list.data === null && <p role="status">{t('common.loading')}</p>}
      {list.data !== null && consents.length === 0 && <p className="muted">{t('consent.none')}</p>}
      {CONSENT_PURPOSES.map((purpose) => {
        const ofPurpose = consents.filter((c) => c.purpose === purpose);
        if (ofPurpose.length === 0) return null;
        return (
          <section key={purpose} aria-labelledby={`consent-group-${purpose}`}>
            <h3 id={`consent-group-${purpose}`}>{vocabLabel(t, 'consentPurpose', purpose)}</h3>
            <ul className="record-list">
              {ofPurpose.map((consent) => (
                <li key={consent.id}>
                  <ConsentRecord
                    consent={consent}
                    caseCode={caseDto.code}
                    canWithdraw={canRecord && consent.active}
                    onWithdrawn={() => handleChanged(t('consent.withdrawn'))}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {canRecord && <ConsentForm caseDto={caseDto} onRecorded={() => handleChanged(t('consent.recorded'))} />}
    </section>
  );
}

function ConsentRecord({
  consent: c,
  caseCode,
  canWithdraw,
  onWithdrawn,
}: {
  consent: ConsentDto;
  caseCode: string;
  canWithdraw: boolean;
  onWithdrawn: () => void;
}) {
  const { t, locale } = useLanguage();
  const none = t('common.notSet');
  return (
    <article className="record" aria-labelledby={`consent-${c.id}-title`}>
      <h4 id={`consent-${c.id}-title`}>
        {c.purpose === 'referral' && c.agencyName
          ? t('consent.referralTo', { agency: c.agencyName })
          : vocabLabel(t, 'consentPurpose', c.purpose)}{' '}
        <span className={c.active ? 'badge badge-active' : 'badge badge-inactive'}>
          {t(c.active ? 'consent.active' : 'consent.withdrawnBadge')}
        </span>
      </h4>
      <dl className="details">
        {c.purpose === 'referral' && (
          <>
            <dt>{t('consent.sections')}</dt>
            <dd>
              {c.sections.length > 0 ? c.sections.map((s) => vocabLabel(t, 'sharedSection', s)).join(', ') : none}
            </dd>
          </>
        )}
        <dt>{t('consent.method')}</dt>
        <dd>{vocabLabel(t, 'consentMethod', c.method)}</dd>
        <dt>{t('consent.givenOn')}</dt>
        <dd>{formatDay(c.givenOn, locale)}</dd>
        {c.guardianName && (
          <>
            <dt>{t('consent.guardianName')}</dt>
            <dd>{c.guardianName}</dd>
          </>
        )}
        {c.bestInterestNote && (
          <>
            <dt>{t('consent.bestInterestNote')}</dt>
            <dd className="pre-line">{c.bestInterestNote}</dd>
          </>
        )}
        <dt>{t('consent.recordedBy')}</dt>
        <dd>{t('consent.byOn', { name: c.recordedByName, date: formatDateTime(c.recordedAt, locale) })}</dd>
        {c.withdrawnAt && (
          <>
            <dt>{t('consent.withdrawnBy')}</dt>
            <dd>
              {t('consent.byOn', { name: c.withdrawnByName ?? none, date: formatDateTime(c.withdrawnAt, locale) })}
            </dd>
            <dt>{t('consent.withdrawalReason')}</dt>
            <dd className="pre-line">{c.withdrawalReason ?? none}</dd>
          </>
        )}
      </dl>
      {canWithdraw && <WithdrawForm consentId={c.id} caseCode={caseCode} onWithdrawn={onWithdrawn} />}
    </article>
  );
}

/** Withdrawing is one button that opens a reason field: the person's decision is recorded with why. */
function WithdrawForm({
  consentId,
  caseCode,
  onWithdrawn,
}: {
  consentId: string;
  caseCode: string;
  onWithdrawn: () => void;
}) {
  const { t } = useLanguage();
  const formId = `withdraw-${consentId}`;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const errors = useFormErrors();

  if (!open) {
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {t('consent.withdraw')}
      </button>
    );
  }

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return errors.fail({ reason: t('consent.reasonRequired') });
    setPending(true);
    try {
      await withdrawConsent(caseCode, consentId, reason.trim());
      errors.clear();
      onWithdrawn();
    } catch (error) {
      errors.failWith(error, ['reason']);
    } finally {
      setPending(false);
    }
  };

  return (
    <form id={formId} className="form inline-form" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <ErrorSummary formId={formId} labels={{ reason: t('consent.withdrawalReason') }} {...errors} />
      <p className="hint">{t('consent.withdrawHint')}</p>
      <Field id={`${formId}-reason`} label={t('consent.withdrawalReason')} error={errors.fields.reason} required>
        {(aria) => (
          // The field opens on request, so it takes focus at once.
          <textarea
            {...aria}
            rows={3}
            maxLength={2000}
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={pending}>
          {t('consent.withdrawConfirm')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('consent.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Records a consent; a referral consent names the receiving agency and what it may see. */
function ConsentForm({ caseDto, onRecorded }: { caseDto: CaseDto; onRecorded: () => void }) {
  const { t } = useLanguage();
  const agencies = useAgencyOptions(true);
  const [values, setValues] = useState<ConsentValues>(emptyConsent);
  const [pending, setPending] = useState(false);
  const errors = useFormErrors();
  // The age band covers a birth date too (the estimate may be empty when the date is known).
  const age = caseDto.profile.estimatedAge;
  const child = (age !== null && age < 18) || caseDto.ageBand === '0-8' || caseDto.ageBand === '9-17';

  const set = <K extends keyof ConsentValues>(key: K, value: ConsentValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const labels: Record<(typeof FIELDS)[number], string> = {
    purpose: t('consent.purpose'),
    agencyId: t('consent.agency'),
    sections: t('consent.sections'),
    method: t('consent.method'),
    givenOn: t('consent.givenOn'),
    guardianName: t('consent.guardianName'),
    bestInterestNote: t('consent.bestInterestNote'),
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const referral = values.purpose === 'referral';
    const fieldErrors: Record<string, string> = {};
    if (referral && !values.agencyId) fieldErrors.agencyId = t('consent.agencyRequired');
    if (!values.givenOn) fieldErrors.givenOn = t('errors.required');
    else if (values.givenOn > todayIso()) fieldErrors.givenOn = t('consent.givenOnFuture');
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    setPending(true);
    try {
      await recordConsent(caseDto.code, {
        purpose: values.purpose,
        method: values.method,
        givenOn: values.givenOn,
        ...(referral ? { agencyId: values.agencyId, sections: values.sections } : {}),
        guardianName: values.guardianName.trim() || null,
        bestInterestNote: values.bestInterestNote.trim() || null,
      });
      errors.clear();
      setValues(emptyConsent());
      onRecorded();
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  const onBehalf = (
    <>
      <Field
        id={`${FORM_ID}-guardianName`}
        label={labels.guardianName}
        hint={t('consent.guardianHint')}
        error={errors.fields.guardianName}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={values.guardianName}
            onChange={(e) => set('guardianName', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${FORM_ID}-bestInterestNote`}
        label={labels.bestInterestNote}
        hint={t('consent.bestInterestHint')}
        error={errors.fields.bestInterestNote}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={2000}
            value={values.bestInterestNote}
            onChange={(e) => set('bestInterestNote', e.target.value)}
          />
        )}
      </Field>
    </>
  );

  return (
    <form id={FORM_ID} className="form panel" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <h3>{t('consent.new')}</h3>
      <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
      <RadioGroup
        id={`${FORM_ID}-purpose`}
        name={`${FORM_ID}-purpose`}
        legend={labels.purpose}
        error={errors.fields.purpose}
        codes={CONSENT_PURPOSES}
        labelOf={(c) => vocabLabel(t, 'consentPurpose', c)}
        value={values.purpose}
        onChange={(next) => set('purpose', next)}
      />
      {values.purpose === 'referral' && (
        <>
          <Field id={`${FORM_ID}-agencyId`} label={labels.agencyId} error={errors.fields.agencyId} required>
            {(aria) => (
              <select {...aria} value={values.agencyId} onChange={(e) => set('agencyId', e.target.value)}>
                <option value="">{t('consent.chooseAgency')}</option>
                {agencies
                  .filter((a) => a.status === 'active' && a.id !== caseDto.agencyId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <CheckboxGroup
            id={`${FORM_ID}-sections`}
            legend={labels.sections}
            hint={t('consent.sectionsHint')}
            error={errors.fields.sections}
            codes={SHARED_SECTIONS}
            labelOf={(c) => vocabLabel(t, 'sharedSection', c)}
            selected={values.sections}
            onChange={(next) => set('sections', next)}
            columns
          />
        </>
      )}
      <RadioGroup
        id={`${FORM_ID}-method`}
        name={`${FORM_ID}-method`}
        legend={labels.method}
        error={errors.fields.method}
        codes={CONSENT_METHODS}
        labelOf={(c) => vocabLabel(t, 'consentMethod', c)}
        value={values.method}
        onChange={(next) => set('method', next)}
      />
      <Field id={`${FORM_ID}-givenOn`} label={labels.givenOn} error={errors.fields.givenOn} required>
        {(aria) => (
          <input
            {...aria}
            type="date"
            max={todayIso()}
            value={values.givenOn}
            onChange={(e) => set('givenOn', e.target.value)}
          />
        )}
      </Field>
      {child ? (
        <>
          <p className="warning">{t('consent.childNotice')}</p>
          {onBehalf}
        </>
      ) : (
        <details className="disclosure">
          <summary>{t('consent.onBehalf')}</summary>
          {onBehalf}
        </details>
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {t('consent.record')}
        </button>
      </div>
    </form>
  );
}
