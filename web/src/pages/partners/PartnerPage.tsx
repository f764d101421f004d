import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PartnerDto } from '@kinga/shared';
import { getPartner } from '../../api/coordination.ts';
import { FocusedNotice } from '../../components/FocusedNotice.tsx';
import { LoadError } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Page } from '../../components/Page.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { useSession } from '../../session/session.tsx';
import { formatDay } from '../cases/case-format.ts';
import { FocalPersons, PresenceList } from './PartnerDirectory.tsx';
import { agencyTypeLabel } from './PartnerLabels.tsx';
import { PartnerProfileForm } from './PartnerProfileForm.tsx';
import { countiesWithCentres, partnerEditScope } from './partner-format.ts';

/** A partner's profile: mandate, focal persons, memberships and where it works; edited by the secretariat or its own focal point. */
export function PartnerPage() {
  const { agencyId = '' } = useParams();
  const { t, locale } = useLanguage();
  const { user, instance } = useSession();
  const counties = useMemo(() => countiesWithCentres(instance), [instance]);
  const loaded = useLoad(agencyId, () => getPartner(agencyId));
  const [saved, setSaved] = useState<PartnerDto | null>(null);
  const partner = saved?.agencyId === agencyId ? saved : loaded.data?.agencyId === agencyId ? loaded.data : null;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const scope = partnerEditScope(user, agencyId);

  if (!partner) {
    return (
      <Page title={t('partners.pageTitle')}>
        {loaded.error ? <LoadError error={loaded.error} /> : <p role="status">{t('common.loading')}</p>}
        <p>
          <Link to="/partners">{t('partners.backToList')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={partner.agencyName} wide={editing}>
      <p>
        <Link to="/partners" className="back-link">
          {t('partners.backToList')}
        </Link>
      </p>
      <FocusedNotice message={notice} />
      {editing && scope ? (
        <>
          <h2>{t('partners.edit.title')}</h2>
          {scope === 'profile' && <p className="hint">{t('partners.edit.focalPointHint')}</p>}
          <PartnerProfileForm
            partner={partner}
            counties={counties}
            editMemberships={scope === 'all'}
            onSaved={(next) => {
              setSaved(next);
              setEditing(false);
              setNotice(t('partners.edit.saved'));
            }}
            onCancel={() => setEditing(false)}
          />
        </>
      ) : (
        <>
          <p className="record-meta">
            {agencyTypeLabel(t, partner.agencyType)}
            {partner.status === 'inactive' && (
              <>
                {' '}
                <span className="badge badge-inactive">{t('partners.inactive')}</span>
              </>
            )}
          </p>
          {scope && (
            <p>
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {t('partners.edit.open')}
              </button>
            </p>
          )}
          <section aria-labelledby="partner-mandate">
            <h2 id="partner-mandate">{t('partners.mandate')}</h2>
            {partner.mandate ? (
              <p className="pre-line break">{partner.mandate}</p>
            ) : (
              <p className="muted">{t('partners.noMandate')}</p>
            )}
          </section>
          <section aria-labelledby="partner-focal">
            <h2 id="partner-focal">{t('partners.focalPersons')}</h2>
            <FocalPersons persons={partner.focalPersons} />
          </section>
          <section aria-labelledby="partner-memberships">
            <h2 id="partner-memberships">{t('partners.memberships')}</h2>
            {partner.memberships.length === 0 ? (
              <p className="muted">{t('partners.noMemberships')}</p>
            ) : (
              <ul className="presence-list">
                {partner.memberships.map((m) => (
                  <li key={m.body}>
                    {t('partners.membership', {
                      body: vocabLabel(t, 'coordinationBody', m.body),
                      role: vocabLabel(t, 'membershipRole', m.role),
                    })}
                    {m.since && (
                      <span className="muted"> · {t('partners.since', { date: formatDay(m.since, locale) })}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="partner-presence">
            <h2 id="partner-presence">{t('partners.areas')}</h2>
            <PresenceList presence={partner.presence} counties={counties} />
            <p className="hint">
              <Link to="/partners?view=matrix">{t('partners.seeMatrix')}</Link>
            </p>
          </section>
          {partner.updatedAt && (
            <p className="muted">{t('partners.updatedAt', { time: formatDateTime(partner.updatedAt, locale) })}</p>
          )}
        </>
      )}
    </Page>
  );
}
