import { Link } from 'react-router';
import type { ReleaseDto } from '@kinga/shared';
import { listReleases } from '../../api/releases.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLanguage } from '../../i18n/i18n.tsx';

/** The data releases built so far, newest first, with the way to build a new one. */
export function ReleasesPage() {
  const { t, locale } = useLanguage();
  const list = useCursorList<ReleaseDto>('releases', (cursor) => listReleases({ cursor, limit: 50 }));
  const number = new Intl.NumberFormat(locale);

  return (
    <Page title={t('releases.title')} wide>
      <p>{t('releases.intro')}</p>
      <div className="page-actions">
        <Link to="/releases/new" className="button-link">
          {t('releases.new')}
        </Link>
      </div>

      {list.items.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="releases-caption" tabIndex={0}>
          <table className="releases-table">
            <caption id="releases-caption">{t('releases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('releases.col.title')}</th>
                <th scope="col">{t('releases.col.method')}</th>
                <th scope="col">{t('releases.col.source')}</th>
                <th scope="col" className="numeric">
                  {t('releases.col.records')}
                </th>
                <th scope="col">{t('releases.col.createdBy')}</th>
                <th scope="col">{t('releases.col.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((release) => (
                <tr key={release.id}>
                  <td>
                    <Link to={`/releases/${encodeURIComponent(release.id)}`}>{release.title}</Link>
                  </td>
                  <td>{t(`releases.method.${release.method}`)}</td>
                  <td>{t(`releases.source.${release.source}`)}</td>
                  <td className="numeric">{number.format(release.metrics.releasedRecords)}</td>
                  <td>{release.createdBy.name}</td>
                  <td className="nowrap">{formatDateTime(release.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t('releases.empty')}
      />
    </Page>
  );
}
