import type { CaseListItemDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';

/** A case's status, or "Draft" while it is being registered, and whether closure awaits approval. */
export function CaseStatusBadges({ item }: { item: Pick<CaseListItemDto, 'status' | 'draft' | 'closureRequested'> }) {
  const { t } = useLanguage();
  return (
    <span className="badge-row">
      {item.draft ? (
        <span className="badge badge-draft">{t('cases.draft')}</span>
      ) : (
        <span className={`badge badge-case-${item.status}`}>{vocabLabel(t, 'caseStatus', item.status)}</span>
      )}
      {item.closureRequested && <span className="badge badge-pending">{t('cases.closureRequested')}</span>}
    </span>
  );
}
