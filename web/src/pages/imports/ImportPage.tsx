import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ImportDto, ImportErrorDto } from '@kinga/shared';
import { getImport, listImportErrors } from '../../api/imports.ts';
import { LoadError, Notice } from '../../components/forms.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { Page } from '../../components/Page.tsx';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';

/** How often a running import is asked for its progress. */
const POLL_MS = 1_000;

/** One import: progress while it runs, then its counts and the rows it skipped. */
export function ImportPage() {
  const { t, locale } = useLanguage();
  const { id = '' } = useParams();
  const [searchParams] = useSearchParams();
  const duplicate = searchParams.get('duplicate') === '1';
  const loaded = useLoad(`import:${id}`, () => getImport(id));
  const item = loaded.data;
  const running = item?.status === 'running';
  const { refresh } = loaded;

  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(refresh, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, refresh, item]);

  return (
    <Page title={item ? item.fileName : t('imports.title')}>
      <p>
        <Link to="/imports">{t('imports.back')}</Link>
      </p>
      {loaded.error ? <LoadError error={loaded.error} /> : null}
      {!item && !loaded.error && <p role="status">{t('common.loading')}</p>}
      {item && (
        <>
          {duplicate && <Notice>{t('imports.duplicate', { date: formatDateTime(item.createdAt, locale) })}</Notice>}
          {running ? <ImportProgress item={item} /> : <ImportResult item={item} />}
        </>
      )}
    </Page>
  );
}

function ImportProgress({ item }: { item: ImportDto }) {
  const { t, locale } = useLanguage();
  const total = Math.max(item.totalRows, item.processedRows);
  const percent = total > 0 ? Math.min(100, Math.round((item.processedRows / total) * 100)) : 0;
  const reading = item.processedRows < total || total === 0;
  return (
    <div className="import-progress">
      <p className="import-progress-status">
        <ImportStatusBadge status={item.status} />
      </p>
      <div
        role="progressbar"
        aria-label={t('imports.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('imports.progressText', {
          processed: item.processedRows.toLocaleString(locale),
          total: total.toLocaleString(locale),
        })}
        className="import-progress-bar"
      >
        <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect x="0" y="0" width="100" height="4" className="import-progress-track" />
          <rect x="0" y="0" width={percent} height="4" className="import-progress-fill" />
        </svg>
      </div>
      <p role="status">
        {reading
          ? t('imports.progressText', {
              processed: item.processedRows.toLocaleString(locale),
              total: total.toLocaleString(locale),
            })
          : t('imports.progressFinishing')}
      </p>
    </div>
  );
}

function ImportResult({ item }: { item: ImportDto }) {
  const { t, locale } = useLanguage();
  const errors = useCursorList<ImportErrorDto>(`import-errors:${item.id}:${item.status}`, (cursor) =>
    listImportErrors(item.id, { cursor, limit: 100 }),
  );
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <>
      <h2>{t('imports.summary.heading')}</h2>
      {item.status === 'rejected' && <Notice>{t('imports.rejectedNote')}</Notice>}
      {item.status === 'failed' && <Notice>{t('imports.failedNote')}</Notice>}
      <dl className="case-summary import-summary">
        <dt>{t('imports.summary.status')}</dt>
        <dd>
          <ImportStatusBadge status={item.status} />
        </dd>
        <dt>{t('imports.summary.kind')}</dt>
        <dd>{t(`imports.kind.${item.kind}`)}</dd>
        {item.agencyName && (
          <>
            <dt>{t('imports.summary.agency')}</dt>
            <dd>{item.agencyName}</dd>
          </>
        )}
        <dt>{t('imports.summary.by')}</dt>
        <dd>{item.createdByName}</dd>
        <dt>{t('imports.summary.started')}</dt>
        <dd>{formatDateTime(item.createdAt, locale)}</dd>
        <dt>{t('imports.summary.finished')}</dt>
        <dd>{formatDateTime(item.finishedAt, locale)}</dd>
        <dt>{t('imports.summary.total')}</dt>
        <dd>{number(item.totalRows)}</dd>
        <dt>{t('imports.summary.valid')}</dt>
        <dd>{number(item.validRows)}</dd>
        <dt>{t('imports.summary.invalid')}</dt>
        <dd>{number(item.invalidRows)}</dd>
        <dt>{t('imports.summary.imported')}</dt>
        <dd>{number(item.importedRows)}</dd>
      </dl>

      <h2>{t('imports.errors.heading')}</h2>
      {errors.items.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="import-errors-caption" tabIndex={0}>
          <table>
            <caption id="import-errors-caption">{t('imports.errors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.errors.line')}</th>
                <th scope="col">{t('imports.errors.reason')}</th>
                <th scope="col">{t('imports.errors.column')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.items.map((e, index) => (
                <tr key={`${e.line}-${e.column ?? ''}-${index}`}>
                  <td>{number(e.line)}</td>
                  <td>{t(`imports.reason.${e.reason}`)}</td>
                  <td className="break mono">{e.column ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFooter
        count={errors.items.length}
        loading={errors.loading}
        error={errors.error}
        hasMore={errors.nextCursor !== null}
        onLoadMore={errors.loadMore}
        emptyMessage={t('imports.errors.none')}
      />
    </>
  );
}
