import { useT } from '../i18n/i18n.tsx';
import { LoadError } from './forms.tsx';

/** Count, "Load more" and load errors under a list. */
export function ListFooter({
  count,
  loading,
  error,
  hasMore,
  onLoadMore,
  emptyMessage,
}: {
  count: number;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  onLoadMore: () => void;
  emptyMessage: string;
}) {
  const t = useT();
  return (
    <div className="list-footer">
      {error ? <LoadError error={error} /> : null}
      <p role="status" className="list-status">
        {loading ? t('common.loading') : count === 0 && !error ? emptyMessage : t('common.shownCount', { count })}
      </p>
      {hasMore && (
        <button type="button" className="button-secondary" disabled={loading} onClick={onLoadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
