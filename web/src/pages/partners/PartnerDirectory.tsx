import { Link } from 'react-router';
import type { County } from '@kinga/shared/picklists';
import type { ListPartnersQuery, PartnerDto } from '@kinga/shared';
import { listPartners } from '../../api/coordination.ts';
import type { QueryOf } from '../../api/client.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';
import { MembershipBadges, agencyTypeLabel } from './PartnerLabels.tsx';
import { countyNames } from './partner-format.ts';

/** Where an agency works, one line per area: "Shelter: Kisumu, Nairobi" or "Awareness: national". */
export function PresenceList({
  presence,
  counties,
}: {
  presence: PartnerDto['presence'];
  counties: readonly County[];
}) {
  const { t, locale } = useLanguage();
  if (presence.length === 0) return <span className="muted">{t('partners.noAreas')}</span>;
  return (
    <ul className="presence-list">
      {presence.map((p) => (
        <li key={p.area}>
          <strong>{vocabLabel(t, 'activityArea', p.area)}</strong>
          {': '}
          {p.national ? t('partners.national') : countyNames(p.countyCodes, counties, locale).join(', ')}
        </li>
      ))}
    </ul>
  );
}

/** Focal persons with their ways to be reached. */
export function FocalPersons({ persons }: { persons: PartnerDto['focalPersons'] }) {
  const { t } = useLanguage();
  if (persons.length === 0) return <span className="muted">{t('partners.noFocalPersons')}</span>;
  return (
    <ul className="focal-list">
      {persons.map((p, i) => (
        <li key={`${p.name}-${i}`}>
          <span className="block">
            <strong>{p.name}</strong>
            {p.title && <span className="muted">, {p.title}</span>}
          </span>
          {p.email && (
            <a className="block break" href={`mailto:${p.email}`}>
              {p.email}
            </a>
          )}
          {p.phone && (
            <a className="block" href={`tel:${p.phone.replace(/[^+0-9]/g, '')}`}>
              {p.phone}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

function PartnerCard({ partner, counties }: { partner: PartnerDto; counties: readonly County[] }) {
  const { t } = useLanguage();
  return (
    <li className="record partner-card">
      <h3 className="record-title">
        <Link to={`/partners/${encodeURIComponent(partner.agencyId)}`}>{partner.agencyName}</Link>
      </h3>
      {partner.status === 'inactive' && <span className="badge badge-inactive">{t('partners.inactive')}</span>}
      <p className="record-meta">{agencyTypeLabel(t, partner.agencyType)}</p>
      <MembershipBadges memberships={partner.memberships} />
      <dl className="details partner-details">
        <dt>{t('partners.areas')}</dt>
        <dd>
          <PresenceList presence={partner.presence} counties={counties} />
        </dd>
        <dt>{t('partners.focalPersons')}</dt>
        <dd>
          <FocalPersons persons={partner.focalPersons} />
        </dd>
      </dl>
    </li>
  );
}

/** The partner directory, filtered, page by page. */
export function PartnerDirectory({
  query,
  counties,
  filtered,
}: {
  query: QueryOf<ListPartnersQuery>;
  counties: readonly County[];
  filtered: boolean;
}) {
  const { t } = useLanguage();
  const list = useCursorList<PartnerDto>(JSON.stringify(query), (cursor) => listPartners({ ...query, cursor }));
  return (
    <section aria-labelledby="partners-directory-title">
      <h2 id="partners-directory-title" className="visually-hidden">
        {t('partners.tab.directory')}
      </h2>
      {list.items.length > 0 && (
        <ul className="record-list partner-list">
          {list.items.map((p) => (
            <PartnerCard key={p.agencyId} partner={p} counties={counties} />
          ))}
        </ul>
      )}
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t(filtered ? 'partners.emptyFiltered' : 'partners.empty')}
      />
    </section>
  );
}
