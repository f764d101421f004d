import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ReferralDto } from '@kinga/shared';
import {
  acceptReferral,
  approveTransfer,
  completeReferral,
  declineReferral,
  getReferral,
  revokeReferral,
} from '../../api/referrals.ts';
import { ErrorSummary, Field, LoadError, describeError, useFormErrors } from '../../components/forms.tsx';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { REVOCABLE_STATUSES, ReferralBadges } from './ReferralBadges.tsx';

type Action = 'accept' | 'complete' | 'revoke' | 'approve';

const ACTIONS: Record<Action, { run: (id: string) => Promise<ReferralDto>; label: MessageKey; done: MessageKey }> = {
  accept: { run: acceptReferral, label: 'referrals.accept', done: 'referrals.accepted' },
  complete: { run: completeReferral, label: 'referrals.complete', done: 'referrals.completed' },
  revoke: { run: revokeReferral, label: 'referrals.revoke', done: 'referrals.revoked' },
  approve: { run: approveTransfer, label: 'referrals.approve', done: 'referrals.approved' },
};

/** What the caller may do with a referral now: by their side of it, its status and their permissions. */
function actionsFor(r: ReferralDto, canWrite: boolean, canSupervise: boolean): { actions: Action[]; decline: boolean } {
  if (!canWrite) return { actions: [], decline: false };
  const actions: Action[] = [];
  let decline = false;
  if (r.direction === 'incoming') {
    if (r.status === 'pending') {
      actions.push('accept');
      decline = true;
    }
    if (r.status === 'accepted') actions.push('complete');
  }
  if (r.direction === 'outgoing') {
    if (r.status === 'awaiting_approval' && canSupervise) actions.push('approve');
    if (REVOCABLE_STATUSES.includes(r.status)) actions.push('revoke');
  }
  return { actions, decline };
}

/** One referral's summary, as both agencies see it, with the answers the caller may give. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLanguage();
  const { can } = useSession();
  const loaded = useLoad(id, () => getReferral(id));
  // An answer returns the updated referral; it is shown without another round trip.
  const [updated, setUpdated] = useState<ReferralDto | null>(null);
  const referral = updated?.id === id ? updated : loaded.data;
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Action | 'decline' | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);

  const title = referral
    ? t(referral.kind === 'transfer' ? 'referrals.transferTitle' : 'referrals.referralTitle', {
        code: referral.caseCode,
      })
    : t('referrals.detailTitle');

  if (!referral) {
    return (
      <Page title={title}>
        {loaded.error ? <LoadError error={loaded.error} /> : <p role="status">{t('common.loading')}</p>}
        <p>
          <Link to="/referrals">{t('referrals.backToList')}</Link>
        </p>
      </Page>
    );
  }

  const handleAction = async (action: Action) => {
    setPending(action);
    setActionError(null);
    setNotice(null);
    try {
      setUpdated(await ACTIONS[action].run(referral.id));
      setNotice(t(ACTIONS[action].done));
      setConfirmRevoke(false);
    } catch (error) {
      setActionError(describeError(error, t));
    } finally {
      setPending(null);
    }
  };

  const r = referral;
  const { actions, decline } = actionsFor(r, can('case:write'), can('case:supervise'));
  // The receiver opens the case only once it accepted; until then it has the summary alone.
  const caseOpen = r.direction !== 'incoming' || r.status === 'accepted';
  const none = t('common.notSet');

  return (
    <Page title={title}>
      <p className="back-link">
        <Link to={`/referrals?direction=${r.direction === 'incoming' ? 'incoming' : 'outgoing'}`}>
          {t('referrals.backToList')}
        </Link>
      </p>
      <FocusedNotice message={notice} />
      <ReferralBadges referral={r} />
      <dl className="details">
        <dt>{t('referrals.col.case')}</dt>
        <dd>
          {caseOpen ? (
            <Link to={`/cases/${encodeURIComponent(r.caseCode)}`} className="mono">
              {r.caseCode}
            </Link>
          ) : (
            <>
              <span className="mono">{r.caseCode}</span>
              <span className="hint block">{t('referrals.caseAfterAccept')}</span>
            </>
          )}
        </dd>
        <dt>{t('referrals.kind')}</dt>
        <dd>{vocabLabel(t, 'referralKind', r.kind)}</dd>
        <dt>{t('referrals.col.from')}</dt>
        <dd>{r.fromAgencyName}</dd>
        <dt>{t('referrals.col.to')}</dt>
        <dd>{r.toAgencyName}</dd>
        <dt>{t('referrals.services')}</dt>
        <dd>{r.services.map((s) => vocabLabel(t, 'serviceType', s)).join(', ')}</dd>
        <dt>{t('referrals.reason')}</dt>
        <dd>{vocabLabel(t, 'referralReason', r.reason)}</dd>
        <dt>{t('referrals.details')}</dt>
        <dd className="pre-line">{r.details ?? none}</dd>
        <dt>{t('referrals.sent')}</dt>
        <dd>{t('referrals.byOn', { name: r.createdByName, date: formatDateTime(r.createdAt, locale) })}</dd>
        <dt>{t('referrals.respondBy')}</dt>
        <dd>
          {r.respondBy ? formatDateTime(r.respondBy, locale) : none}
          {r.overdue && <span className="badge badge-overdue inline-badge">{t('referrals.overdue')}</span>}
        </dd>
        {r.respondedAt && (
          <>
            <dt>{t('referrals.answered')}</dt>
            <dd>
              {t('referrals.byOn', {
                name: r.respondedByName ?? none,
                date: formatDateTime(r.respondedAt, locale),
              })}
            </dd>
          </>
        )}
        {r.declineReason && (
          <>
            <dt>{t('referrals.declineReason')}</dt>
            <dd className="pre-line">{r.declineReason}</dd>
          </>
        )}
        {r.completedAt && (
          <>
            <dt>{t('referrals.completedAt')}</dt>
            <dd>{formatDateTime(r.completedAt, locale)}</dd>
          </>
        )}
        {r.revokedAt && (
          <>
            <dt>{t('referrals.revokedAt')}</dt>
            <dd>{formatDateTime(r.revokedAt, locale)}</dd>
          </>
        )}
        {r.consentOverride && (
          <>
            <dt>{t('referrals.consent')}</dt>
            <dd>{t('referrals.consentOverridden')}</dd>
          </>
        )}
      </dl>

      {(actions.length > 0 || decline) && (
        <section className="panel" aria-labelledby="referral-actions-title">
          <h2 id="referral-actions-title">{t('referrals.actions')}</h2>
          {r.status === 'pending' && r.direction === 'incoming' && <p className="hint">{t('referrals.acceptHint')}</p>}
          {actionError && (
            <p className="field-error" role="alert">
              {actionError}
            </p>
          )}
          <div className="form-actions">
            {actions
              .filter((a) => a !== 'revoke')
              .map((a) => (
                <button key={a} type="button" disabled={pending !== null} onClick={() => void handleAction(a)}>
                  {t(ACTIONS[a].label)}
                </button>
              ))}
            {decline && !declining && (
              <button type="button" className="button-secondary" onClick={() => setDeclining(true)}>
                {t('referrals.decline')}
              </button>
            )}
            {actions.includes('revoke') && !confirmRevoke && (
              <button type="button" className="button-secondary" onClick={() => setConfirmRevoke(true)}>
                {t('referrals.revoke')}
              </button>
            )}
          </div>
          {confirmRevoke && (
            <div className="confirm-row" role="group" aria-label={t('referrals.revokeConfirmLabel')}>
              <p>{t('referrals.revokeQuestion', { agency: r.toAgencyName })}</p>
              <button
                type="button"
                className="button-danger"
                disabled={pending !== null}
                onClick={() => void handleAction('revoke')}
              >
                {t('referrals.revokeConfirm')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirmRevoke(false)}>
                {t('referrals.cancel')}
              </button>
            </div>
          )}
          {decline && declining && (
            <DeclineForm
              referralId={r.id}
              onCancel={() => setDeclining(false)}
              onDeclined={(next) => {
                setUpdated(next);
                setDeclining(false);
                setNotice(t('referrals.declined'));
              }}
            />
          )}
        </section>
      )}
    </Page>
  );
}

/** Declining needs a reason: the sending agency reads it and finds another way. */
function DeclineForm({
  referralId,
  onCancel,
  onDeclined,
}: {
  referralId: string;
  onCancel: () => void;
  onDeclined: (referral: ReferralDto) => void;
}) {
  const { t } = useLanguage();
  const formId = 'decline';
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const errors = useFormErrors();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return errors.fail({ reason: t('referrals.declineReasonRequired') });
    setPending(true);
    try {
      const declined = await declineReferral(referralId, reason.trim());
      errors.clear();
      onDeclined(declined);
    } catch (error) {
      errors.failWith(error, ['reason']);
    } finally {
      setPending(false);
    }
  };

  return (
    <form id={formId} className="form inline-form" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <ErrorSummary formId={formId} labels={{ reason: t('referrals.declineReason') }} {...errors} />
      <Field
        id={`${formId}-reason`}
        label={t('referrals.declineReason')}
        hint={t('referrals.declineHint')}
        error={errors.fields.reason}
        required
      >
        {(aria) => (
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
          {t('referrals.declineConfirm')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('referrals.cancel')}
        </button>
      </div>
    </form>
  );
}
