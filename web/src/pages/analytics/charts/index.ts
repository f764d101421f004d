/** Charts, tables and CSV of statistics tables, shared by the dashboard, the flows and the public pages. */
export { StatBarChart, StatPatternDefs, useSvgId } from './StatBarChart.tsx';
export { StatColumnChart } from './StatColumnChart.tsx';
export { StatTableView, StatCount } from './StatTableView.tsx';
export { CsvDownloadButton } from './CsvDownloadButton.tsx';
export { StatFigure } from './StatFigure.tsx';
export { statKeyLabel, statDimensionLabel, compareStatKeys, isFlagFamily, languageOf } from './stat-labels.ts';
export { statTableCsv, downloadText } from './stat-csv.ts';
export { sortedCells, orderedCells, singleRows, groupedRows, keysAt } from './stat-layout.ts';
export { formatCount } from './format-count.ts';
