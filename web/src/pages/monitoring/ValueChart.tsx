import { valueBars } from './chart-layout.ts';

export interface ValueRow {
  key: string;
  label: string;
  amount: number;
}

/**
 * Amounts as horizontal bars, each a share of the largest: label and formatted amount in
 * text above the bar, so the bar itself is decoration for the eye.
 */
export function ValueChart({
  rows,
  format,
  label,
}: {
  rows: ValueRow[];
  format: (n: number) => string;
  label: string;
}) {
  return (
    <ul className="chart-rows" aria-label={label}>
      {valueBars(rows).map((row) => (
        <li key={row.key} className="chart-row">
          <p className="chart-label">
            <span className="chart-name">{row.label}</span>
            <span className="chart-value">{format(row.amount)}</span>
          </p>
          <svg width="100%" height="12" aria-hidden="true" focusable="false" className="chart-bar">
            <rect x="0" y="0" width="100%" height="100%" className="chart-track" />
            <rect x="0" y="0" width={`${row.width}%`} height="100%" className="chart-amount" />
          </svg>
        </li>
      ))}
    </ul>
  );
}
