import { AUDIT_OUTCOMES } from '@kinga/shared/picklists';
import type { CaseDto } from '@kinga/shared';
import { getCaseHistory, type CaseHistoryItemDto } from '../../api/cases.ts';
import { formatDateTime } from '../../components/format.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useCursorList } from '../../components/useCursorList.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { caseActionLabel } from './case-format.ts';

/** The case's audit trail: who read or changed it, when, and from which agency; never values. */
export function CaseHistoryTab({ caseDto }: { caseDto: CaseDto; reload: () => void }) {
  const { t, locale } = useLanguage();
  const list = useCursorList<CaseHistoryItemDto>(caseDto.code, (cursor) =>
    getCaseHistory(caseDto.code, { cursor, limit: 50 }),
  );

  return (
    <>
      <h2>{t('cases.tab.history')}</h2>
      <p className="hint">{t('cases.history.intro')}</p>
      <div className="table-wrap" role="region" aria-labelledby="case-history-caption" tabIndex={0}>
        <table>
          <caption id="case-history-caption">{t('cases.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.history.time')}</th>
              <th scope="col">{t('cases.history.action')}</th>
              <th scope="col">{t('cases.history.outcome')}</th>
              <th scope="col">{t('cases.history.actor')}</th>
              <th scope="col">{t('cases.history.agency')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => {
              const outcome = AUDIT_OUTCOMES.find((o) => o === item.outcome);
              return (
                <tr key={item.id}>
                  <td className="nowrap">
                    <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt, locale)}</time>
                  </td>
                  <td>{caseActionLabel(t, item.action)}</td>
                  <td>
                    {outcome ? (
                      <span className={`badge badge-${outcome}`}>{t(`outcome.${outcome}`)}</span>
                    ) : (
                      item.outcome
                    )}
                  </td>
                  <td>{item.actorName ?? <span className="muted">{t('audit.noActor')}</span>}</td>
                  <td>{item.agencyName ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ListFooter
        count={list.items.length}
        loading={list.loading}
        error={list.error}
        hasMore={list.nextCursor !== null}
        onLoadMore={list.loadMore}
        emptyMessage={t('cases.history.none')}
      />
    </>
  );
}
