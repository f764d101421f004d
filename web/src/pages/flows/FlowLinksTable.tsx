import type { StatTable } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { StatCount } from '../analytics/charts/StatTableView.tsx';
import { statDimensionLabel, statKeyLabel } from '../analytics/charts/stat-labels.ts';
import { linksByCount } from './flow-data.ts';

/**
 * The links of a two-way table between places as rows (from, to, count), largest first: the
 * text alternative of a flow diagram or map, and the way to it by keyboard. Suppressed cells
 * read "< k".
 */
export function FlowLinksTable({
  table,
  caption,
  k,
  id,
  label = statKeyLabel,
}: {
  table: StatTable;
  caption: string;
  k: number;
  id?: string;
  /** A key's label, when a column names "unknown" otherwise (no transit recorded). */
  label?: typeof statKeyLabel;
}) {
  const { t } = useLanguage();
  const [from, to] = table.dimensions;
  if (!from || !to) return null;
  return (
    <div className="table-wrap flow-table" tabIndex={0} role="region" aria-label={caption}>
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{statDimensionLabel(t, from)}</th>
            <th scope="col">{statDimensionLabel(t, to)}</th>
            <th scope="col" className="numeric">
              {t('flows.records')}
            </th>
          </tr>
        </thead>
        <tbody>
          {linksByCount(table).map((cell) => {
            const a = cell.keys[0] ?? null;
            const b = cell.keys[1] ?? null;
            return (
              <tr key={JSON.stringify(cell.keys)}>
                <th scope="row">{label(t, from, a)}</th>
                <td>{label(t, to, b)}</td>
                <td className="numeric">
                  <StatCount count={cell.count} k={k} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
