/**
 * A small document model that the DOCX and PDF renderers share: builders describe a
 * document once (title block, headings, paragraphs, key–value lists, tables, bar charts,
 * page breaks) and each renderer lays it out in its own format. Every string is final,
 * already translated and formatted text; renderers only lay it out.
 */

export type DocumentLanguage = 'en' | 'sw';

/** What the renderers print in their own furniture (footer, chart tables): given by the builder in the document's language. */
export interface DocumentFurniture {
  /** Footer text of a page, e.g. `Page 2 of 7`. */
  pageOf: (page: number, pages: number) => string;
  /** Header of the chart data table in DOCX, where the chart image has no text. */
  chartNumberHeader: string;
  chartCategoryHeader: string;
}

export interface DocumentModel {
  lang: DocumentLanguage;
  orientation: 'portrait' | 'landscape';
  title: string;
  /** Lines under the title (plan period, version and status …). */
  subtitle: readonly string[];
  /** Shown in the title block, e.g. `Generated on 30 November 2026`. */
  generatedLine: string;
  /** Footer left, e.g. the product name; the page number goes right. */
  footer: string;
  furniture: DocumentFurniture;
  blocks: readonly Block[];
}

export type Block = HeadingBlock | ParagraphBlock | KeyValuesBlock | TableBlock | BarChartBlock | PageBreakBlock;

export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Line breaks in the text are kept. */
  text: string;
  /** `muted`: a note such as "Nothing recorded". */
  tone?: 'normal' | 'muted';
}

export interface KeyValuesBlock {
  kind: 'keyValues';
  items: readonly { key: string; value: string }[];
}

export interface TableColumn {
  header: string;
  /** Relative width; the renderer shares the page width in these proportions. */
  width: number;
  align?: 'left' | 'right';
}

export interface TableBlock {
  kind: 'table';
  columns: readonly TableColumn[];
  /** One string per column; long text wraps, and a row may run over a page break. */
  rows: readonly (readonly string[])[];
  /** Shown instead of an empty table. */
  emptyText?: string;
}

export interface ChartSeries {
  name: string;
  /** `#rrggbb`; the palette's next colour when left out. */
  color?: string;
}

export interface BarChartBlock {
  kind: 'barChart';
  title: string;
  /** `grouped`: one bar per series side by side; `stacked`: the series add up in one bar. */
  layout: 'grouped' | 'stacked';
  series: readonly ChartSeries[];
  /** One category per row of bars; `values[i]` belongs to `series[i]` (null: no value). */
  categories: readonly { label: string; values: readonly (number | null)[] }[];
  /** Formats a value for the labels and the data table. */
  format: (value: number) => string;
  /** A dashed line across every row at this value, e.g. 100 for "100 % of the target". */
  reference?: number;
  emptyText?: string;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/** Colour-blind-safe palette (Okabe and Ito) for series without a colour of their own. */
export const CHART_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#999999', '#F0E442'];

/** The colours of a chart's series, in order. */
export function seriesColors(chart: Pick<BarChartBlock, 'series'>): string[] {
  return chart.series.map((s, i) => s.color ?? CHART_PALETTE[i % CHART_PALETTE.length] ?? '#0072B2');
}

/** The largest length a bar must show: a category's total for stacked charts, its largest value otherwise. */
export function chartMaximum(chart: Pick<BarChartBlock, 'layout' | 'categories' | 'reference'>): number {
  let max = chart.reference !== undefined && Number.isFinite(chart.reference) ? Math.max(0, chart.reference) : 0;
  for (const c of chart.categories) {
    const positive = c.values.map((v) => (v !== null && Number.isFinite(v) && v > 0 ? v : 0));
    const length = chart.layout === 'stacked' ? positive.reduce((a, b) => a + b, 0) : Math.max(0, ...positive);
    max = Math.max(max, length);
  }
  return max;
}
