import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  REFERRAL_KINDS,
  REFERRAL_REASONS,
  SERVICE_TYPES,
  type ReferralKind,
  type ServiceType,
} from '@kinga/shared/picklists';
import type { CaseDto, ReferralDto } from '@kinga/shared';
import { ApiError } from '../../api/client.ts';
import { listCaseReferrals, referCase, revokeReferral } from '../../api/referrals.ts';
import { CheckboxGroup, RadioGroup } from '../../components/CheckboxGroup.tsx';
import { ErrorSummary, Field, LoadError, describeError, useFormErrors } from '../../components/forms.tsx';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useAgencyOptions } from '../../components/useAgencyOptions.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { REVOCABLE_STATUSES, ReferralBadges } from '../referrals/ReferralBadges.tsx';

const FORM_ID = 'referral';
const FIELDS = ['kind', 'toAgencyId', 'services', 'reason', 'details', 'consentOverrideReason'] as const;
type ReferralReason = (typeof REFERRAL_REASONS)[number];

interface ReferralValues {
  kind: ReferralKind;
  toAgencyId: string;
  services: ServiceType[];
  reason: ReferralReason;
  details: string;
  consentOverrideReason: string;
}

const emptyReferral = (): ReferralValues => ({
  kind: 'referral',
  toAgencyId: '',
  services: [],
  reason: 'AdditionalServicesRequired',
  details: '',
  consentOverrideReason: '',
});

/** True when the server refused a referral for want of the person's consent. */
function isConsentRequired(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 409 || error.status === 403) && error.code === 'consent_required'
  );
}

/** The case's referrals and transfers, with revoke for the sender, and the form to refer the case. */
export function ReferralsTab({ caseDto, reload }: { caseDto: CaseDto; reload: () => void }) {
  const { t } = useLanguage();
  const { can } = useSession();
  const canRefer = caseDto.view === 'full' && caseDto.canEdit && can('case:write');
  const list = useLoad(caseDto.code, () => listCaseReferrals(caseDto.code));
  const referrals = list.data ?? [];
  const [notice, setNotice] = useState<string | null>(null);

  const handleChanged = (message: string) => {
    setNotice(message);
    list.refresh();
    reload();
  };

  return (
    <section aria-labelledby="referrals-tab-title">
      <h2 id="referrals-tab-title">{t('referrals.tabTitle')}</h2>
      <FocusedNotice message={notice} />
      {list.error ? <LoadError error={list.error} /> : null}
      {list.loading && list.data === null && <p role="status">{t('common.loading')}</p>}
      {list.data !== null && referrals.length === 0 && <p className="muted">{t('referrals.noneForCase')}</p>}
      <ul className="record-list">
        {referrals.map((r) => (
          <li key={r.id}>
            <CaseReferral
              referral={r}
              canRevoke={can('case:write') && r.direction === 'outgoing' && REVOCABLE_STATUSES.includes(r.status)}
              onRevoked={() => handleChanged(t('referrals.revoked'))}
            />
          </li>
        ))}
      </ul>
      {canRefer && <ReferralForm caseDto={caseDto} onSent={(message) => handleChanged(message)} />}
    </section>
  );
}

function CaseReferral({
  referral: r,
  canRevoke,
  onRevoked,
}: {
  referral: ReferralDto;
  canRevoke: boolean;
  onRevoked: () => void;
}) {
  const { t, locale } = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const handleRevoke = async () => {
    setPending(true);
    setError(null);
    try {
      await revokeReferral(r.id);
      onRevoked();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };

  return (
    <article className="record" aria-labelledby={`referral-${r.id}-title`}>
      <h3 id={`referral-${r.id}-title`} className="record-title">
        <Link to={`/referrals/${encodeURIComponent(r.id)}`}>
          {t(r.kind === 'transfer' ? 'referrals.transferTo' : 'referrals.referralTo', { agency: r.toAgencyName })}
        </Link>
      </h3>
      <ReferralBadges referral={r} />
      <dl className="details">
        <dt>{t('referrals.services')}</dt>
        <dd>{r.services.map((s) => vocabLabel(t, 'serviceType', s)).join(', ')}</dd>
        <dt>{t('referrals.sent')}</dt>
        <dd>{t('referrals.byOn', { name: r.createdByName, date: formatDateTime(r.createdAt, locale) })}</dd>
        {r.respondBy && (
          <>
            <dt>{t('referrals.respondBy')}</dt>
            <dd>{formatDateTime(r.respondBy, locale)}</dd>
          </>
        )}
        {r.consentOverride && (
          <>
            <dt>{t('referrals.consent')}</dt>
            <dd>{t('referrals.consentOverridden')}</dd>
          </>
        )}
      </dl>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {canRevoke &&
        (confirming ? (
          <div className="confirm-row" role="group" aria-label={t('referrals.revokeConfirmLabel')}>
            <p>{t('referrals.revokeQuestion', { agency: r.toAgencyName })}</p>
            <button type="button" className="button-danger" disabled={pending} onClick={() => void handleRevoke()}>
              {t('referrals.revokeConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('referrals.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            {t('referrals.revoke')}
          </button>
        ))}
    </article>
  );
}

/**
 * Refers or transfers the case. Without the person's consent for the receiving agency the
 * server refuses (`consent_required`); a supervisor may then send it with a recorded reason.
 */
function ReferralForm({ caseDto, onSent }: { caseDto: CaseDto; onSent: (message: string) => void }) {
  const { t } = useLanguage();
  const { can } = useSession();
  const supervisor = can('case:supervise');
  const agencies = useAgencyOptions(true);
  const [values, setValues] = useState<ReferralValues>(emptyReferral);
  const [consentBlocked, setConsentBlocked] = useState(false);
  // Each refusal moves focus to the explanation, as the error summary does for other problems.
  const [consentAttempt, setConsentAttempt] = useState(0);
  const consentPanel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (consentAttempt > 0) consentPanel.current?.focus();
  }, [consentAttempt]);
  const [pending, setPending] = useState(false);
  const errors = useFormErrors();

  const set = <K extends keyof ReferralValues>(key: K, value: ReferralValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // The consent answer was about one agency; another choice is asked afresh.
    if (key === 'toAgencyId') setConsentBlocked(false);
  };

  const labels: Record<(typeof FIELDS)[number], string> = {
    kind: t('referrals.kind'),
    toAgencyId: t('referrals.toAgency'),
    services: t('referrals.services'),
    reason: t('referrals.reason'),
    details: t('referrals.details'),
    consentOverrideReason: t('referrals.overrideReason'),
  };

  const send = async (withOverride: boolean) => {
    const fieldErrors: Record<string, string> = {};
    if (!values.toAgencyId) fieldErrors.toAgencyId = t('referrals.agencyRequired');
    if (values.services.length === 0) fieldErrors.services = t('referrals.servicesRequired');
    if (withOverride && values.consentOverrideReason.trim().length < 3) {
      fieldErrors.consentOverrideReason = t('referrals.overrideReasonRequired');
    }
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    setPending(true);
    try {
      const sent = await referCase(caseDto.code, {
        kind: values.kind,
        toAgencyId: values.toAgencyId,
        services: values.services,
        reason: values.reason,
        details: values.details.trim() || null,
        ...(withOverride ? { consentOverrideReason: values.consentOverrideReason.trim() } : {}),
      });
      errors.clear();
      setValues(emptyReferral());
      setConsentBlocked(false);
      onSent(
        t(sent.status === 'awaiting_approval' ? 'referrals.sentAwaitingApproval' : 'referrals.sentPending', {
          agency: sent.toAgencyName,
        }),
      );
    } catch (error) {
      if (isConsentRequired(error)) {
        errors.clear();
        setConsentBlocked(true);
        setConsentAttempt((a) => a + 1);
      } else {
        errors.failWith(error, FIELDS);
      }
    } finally {
      setPending(false);
    }
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  const agencyName = agencies.find((a) => a.id === values.toAgencyId)?.name ?? '';

  return (
    <form id={FORM_ID} className="form panel" noValidate onSubmit={handleSubmit}>
      <h3>{t('referrals.new')}</h3>
      <ErrorSummary formId={FORM_ID} labels={labels} {...errors} />
      {consentBlocked && (
        <div className="panel-important" role="alert" tabIndex={-1} ref={consentPanel}>
          <p>
            <strong>{t('referrals.consentMissingTitle', { agency: agencyName })}</strong>
          </p>
          <p>{t('referrals.consentMissingBody')}</p>
          <p>
            <Link to={`/cases/${encodeURIComponent(caseDto.code)}/consent`}>{t('referrals.recordConsent')}</Link>
          </p>
          {supervisor ? (
            <>
              <Field
                id={`${FORM_ID}-consentOverrideReason`}
                label={labels.consentOverrideReason}
                hint={t('referrals.overrideHint')}
                error={errors.fields.consentOverrideReason}
                required
              >
                {(aria) => (
                  <textarea
                    {...aria}
                    rows={3}
                    maxLength={2000}
                    value={values.consentOverrideReason}
                    onChange={(e) => set('consentOverrideReason', e.target.value)}
                  />
                )}
              </Field>
              <button type="button" className="button-danger" disabled={pending} onClick={() => void send(true)}>
                {t('referrals.sendWithoutConsent')}
              </button>
            </>
          ) : (
            <p className="hint">{t('referrals.askSupervisor')}</p>
          )}
        </div>
      )}

      <RadioGroup
        id={`${FORM_ID}-kind`}
        name={`${FORM_ID}-kind`}
        legend={labels.kind}
        hint={t('referrals.kindHint')}
        error={errors.fields.kind}
        codes={REFERRAL_KINDS}
        labelOf={(c) => vocabLabel(t, 'referralKind', c)}
        value={values.kind}
        onChange={(next) => set('kind', next)}
      />
      <Field id={`${FORM_ID}-toAgencyId`} label={labels.toAgencyId} error={errors.fields.toAgencyId} required>
        {(aria) => (
          <select {...aria} value={values.toAgencyId} onChange={(e) => set('toAgencyId', e.target.value)}>
            <option value="">{t('referrals.chooseAgency')}</option>
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
        id={`${FORM_ID}-services`}
        legend={labels.services}
        error={errors.fields.services}
        codes={SERVICE_TYPES}
        labelOf={(c) => vocabLabel(t, 'serviceType', c)}
        selected={values.services}
        onChange={(next) => set('services', next)}
        columns
      />
      <Field id={`${FORM_ID}-reason`} label={labels.reason} error={errors.fields.reason}>
        {(aria) => (
          <select
            {...aria}
            value={values.reason}
            onChange={(e) => set('reason', REFERRAL_REASONS.find((r) => r === e.target.value) ?? values.reason)}
          >
            {REFERRAL_REASONS.map((r) => (
              <option key={r} value={r}>
                {vocabLabel(t, 'referralReason', r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${FORM_ID}-details`}
        label={labels.details}
        hint={t('referrals.detailsHint')}
        error={errors.fields.details}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={4}
            maxLength={2000}
            value={values.details}
            onChange={(e) => set('details', e.target.value)}
          />
        )}
      </Field>

      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {values.kind === 'transfer' ? t('referrals.sendTransfer') : t('referrals.send')}
        </button>
      </div>
    </form>
  );
}
