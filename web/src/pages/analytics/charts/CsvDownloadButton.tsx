import type { StatTable } from '@kinga/shared';
import { useT } from '../../../i18n/i18n.tsx';
import { downloadText, statTableCsv } from './stat-csv.ts';

/** Downloads a statistics table as CSV, built in the browser from the figures shown. */
export function CsvDownloadButton({ table, fileName, label }: { table: StatTable; fileName: string; label?: string }) {
  const t = useT();
  const handleDownload = () =>
    downloadText(statTableCsv(t, table), fileName.endsWith('.csv') ? fileName : `${fileName}.csv`);
  return (
    <button type="button" className="button-secondary stat-csv" onClick={handleDownload}>
      {t('analytics.chart.downloadCsv')}
      {label && <span className="visually-hidden">: {label}</span>}
    </button>
  );
}
