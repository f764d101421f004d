import type { ImportStatus } from '@kinga/shared';
import { useT } from '../../i18n/i18n.tsx';

const BADGE_CLASS: Record<ImportStatus, string> = {
  running: 'badge badge-pending',
  completed: 'badge badge-success',
  rejected: 'badge badge-denied',
  failed: 'badge badge-denied',
};

/** An import's status as a badge; the word carries the meaning, the colour only repeats it. */
export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const t = useT();
  return <span className={BADGE_CLASS[status]}>{t(`imports.status.${status}`)}</span>;
}
