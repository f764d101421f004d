/**
 * PDF renderer of the document model (pdfkit, standard Helvetica fonts). It lays out every
 * line itself: text is wrapped by measuring words, a table row that does not fit moves to
 * the next page under a repeated header row, and a row taller than a page is split line by
 * line. Charts are vector bars with their labels and values.
 */
import PDFDocument from 'pdfkit';
import { barLength, barsPerCategory, niceAxisMax } from './chart.ts';
import {
  chartMaximum,
  seriesColors,
  type BarChartBlock,
  type Block,
  type DocumentModel,
  type TableBlock,
} from './model.ts';
import { toWinAnsi } from './text.ts';

type Pdf = PDFKit.PDFDocument;
type FontName = 'Helvetica' | 'Helvetica-Bold';

const MARGIN = 50;
const INK = '#1b1f24';
const MUTED = '#4a5561';
const BRAND = '#0b4f6c';
const LINE = '#c9d1d9';
const HEADER_FILL = '#e6eef2';
const BODY_SIZE = 10;
const TABLE_SIZE = 8.5;
const LINE_HEIGHT = 1.25;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
const HEADINGS = { 1: 16, 2: 13, 3: 11 } as const;

interface Font {
  name: FontName;
  size: number;
}

/** The page area and the cursor of a document being written. */
class Layout {
  y: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;

  constructor(readonly doc: Pdf) {
    this.left = doc.page.margins.left;
    this.right = doc.page.width - doc.page.margins.right;
    this.top = doc.page.margins.top;
    this.bottom = doc.page.height - doc.page.margins.bottom;
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  get pageHeight(): number {
    return this.bottom - this.top;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor (a fresh page always takes it). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  setFont(font: Font): void {
    this.doc.font(font.name).fontSize(font.size);
  }

  lineHeight(font: Font): number {
    return font.size * LINE_HEIGHT;
  }

  measure(text: string, font: Font): number {
    this.setFont(font);
    return this.doc.widthOfString(text);
  }

  /** Splits text into lines no wider than `width`; line feeds start new lines, a word wider than a line is cut. */
  wrap(text: string, font: Font, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of toWinAnsi(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (this.measure(candidate, font) <= width) {
          line = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        line = '';
        // A word wider than the line (a long URL or number) is cut where it reaches the edge.
        let rest = word;
        while (this.measure(rest, font) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && this.measure(rest.slice(0, cut), font) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  /** Writes one line of text with its top at `y`. */
  write(line: string, x: number, y: number, font: Font, color: string): void {
    if (line === '') return;
    this.setFont(font);
    this.doc.fillColor(color).text(line, x, y, { lineBreak: false });
  }
}

function writeTitleBlock(layout: Layout, model: DocumentModel): void {
  const title: Font = { name: 'Helvetica-Bold', size: 22 };
  for (const line of layout.wrap(model.title, title, layout.width)) {
    layout.write(line, layout.left, layout.y, title, BRAND);
    layout.y += layout.lineHeight(title);
  }
  layout.y += 4;
  const subtitle: Font = { name: 'Helvetica', size: 12 };
  for (const text of model.subtitle) {
    for (const line of layout.wrap(text, subtitle, layout.width)) {
      layout.write(line, layout.left, layout.y, subtitle, INK);
      layout.y += layout.lineHeight(subtitle);
    }
  }
  layout.y += 4;
  const small: Font = { name: 'Helvetica', size: 9 };
  layout.write(toWinAnsi(model.generatedLine), layout.left, layout.y, small, MUTED);
  layout.y += layout.lineHeight(small) + 6;
  layout.doc.moveTo(layout.left, layout.y).lineTo(layout.right, layout.y).lineWidth(1).strokeColor(BRAND).stroke();
  layout.y += 14;
}

function writeHeading(layout: Layout, level: 1 | 2 | 3, text: string, outline: Outline, next: number): void {
  const font: Font = { name: 'Helvetica-Bold', size: HEADINGS[level] };
  const lines = layout.wrap(text, font, layout.width);
  const before = level === 1 ? 14 : 10;
  // Keep a heading on the page of the start of what follows it.
  layout.ensure(before + lines.length * layout.lineHeight(font) + 4 + next);
  if (layout.y > layout.top) layout.y += before;
  outline.add(level, toWinAnsi(text));
  for (const line of lines) {
    layout.write(line, layout.left, layout.y, font, level === 3 ? INK : BRAND);
    layout.y += layout.lineHeight(font);
  }
  layout.y += 4;
}

/** The height of the start of a block that must stay with the heading above it. */
function leadHeight(layout: Layout, block: Block | undefined): number {
  const body = layout.lineHeight({ name: 'Helvetica', size: BODY_SIZE });
  switch (block?.kind) {
    case undefined:
    case 'pageBreak':
      return 0;
    case 'heading':
      return layout.lineHeight({ name: 'Helvetica-Bold', size: HEADINGS[block.level] }) + 10 + 2 * body;
    case 'paragraph':
      return Math.min(2, layout.wrap(block.text, { name: 'Helvetica', size: BODY_SIZE }, layout.width).length) * body;
    case 'keyValues':
      return keyValuesGrid(layout).leadHeight(block.items[0] ? [block.items[0].key, block.items[0].value] : undefined);
    case 'table':
      return block.rows.length === 0 ? body : tableGrid(layout, block).leadHeight(block.rows[0]);
    case 'barChart':
      return chartLeadHeight(layout, block);
  }
}

function writeParagraph(layout: Layout, text: string, tone: 'normal' | 'muted'): void {
  const font: Font = { name: 'Helvetica', size: BODY_SIZE };
  const height = layout.lineHeight(font);
  for (const line of layout.wrap(text, font, layout.width)) {
    layout.ensure(height);
    layout.write(line, layout.left, layout.y, font, tone === 'muted' ? MUTED : INK);
    layout.y += height;
  }
  layout.y += 6;
}

interface GridColumn {
  width: number;
  align: 'left' | 'right';
  font: Font;
}

interface GridOptions {
  header?: readonly string[];
  borders: boolean;
}

/**
 * Rows of wrapped cells. A row moves to the next page when it does not fit (the header row is
 * repeated there); a row taller than a whole page is split between pages line by line.
 */
class Grid {
  private readonly headerFont: Font;
  private readonly lineHeight: number;
  private readonly headerLines: string[][] | null;
  private readonly headerHeight: number;

  constructor(
    private readonly layout: Layout,
    private readonly columns: readonly GridColumn[],
    private readonly options: GridOptions,
  ) {
    const size = columns[0]?.font.size ?? TABLE_SIZE;
    this.headerFont = { name: 'Helvetica-Bold', size };
    this.lineHeight = layout.lineHeight({ name: 'Helvetica', size });
    this.headerLines = options.header ? this.wrapRow(options.header, true) : null;
    this.headerHeight = this.headerLines ? this.rowHeight(this.headerLines) : 0;
  }

  private wrapRow(cells: readonly string[], header = false): string[][] {
    return this.columns.map((c, i) =>
      this.layout.wrap(cells[i] ?? '', header ? this.headerFont : c.font, c.width - 2 * CELL_PAD_X),
    );
  }

  private linesOf(lines: readonly (readonly string[])[]): number {
    return Math.max(1, ...lines.map((l) => l.length));
  }

  private rowHeight(lines: readonly (readonly string[])[], count = this.linesOf(lines)): number {
    return count * this.lineHeight + 2 * CELL_PAD_Y;
  }

  /** Lines of a row that a fresh page can hold under the header row. */
  private get pageLines(): number {
    return Math.floor((this.layout.pageHeight - this.headerHeight - 2 * CELL_PAD_Y) / this.lineHeight);
  }

  /** Height of the header row and the first row (or its first three lines when it must be split): kept together. */
  leadHeight(first: readonly string[] | undefined): number {
    if (!first) return this.headerHeight;
    const needed = this.linesOf(this.wrapRow(first));
    return this.headerHeight + this.rowHeight([], needed <= this.pageLines ? needed : 3);
  }

  private drawRow(lines: readonly (readonly string[])[], count: number, header: boolean): void {
    const { layout } = this;
    const height = this.rowHeight(lines, count);
    let x = layout.left;
    this.columns.forEach((column, i) => {
      if (header) layout.doc.rect(x, layout.y, column.width, height).fill(HEADER_FILL);
      if (this.options.borders) {
        layout.doc.rect(x, layout.y, column.width, height).lineWidth(0.5).strokeColor(LINE).stroke();
      }
      const font = header ? this.headerFont : column.font;
      (lines[i] ?? []).slice(0, count).forEach((line, n) => {
        const y = layout.y + CELL_PAD_Y + n * this.lineHeight + (this.lineHeight - font.size) / 2;
        const textX =
          column.align === 'right' ? x + column.width - CELL_PAD_X - layout.measure(line, font) : x + CELL_PAD_X;
        layout.write(line, textX, y, font, INK);
      });
      x += column.width;
    });
    layout.y += height;
  }

  private drawHeader(): void {
    if (this.headerLines) this.drawRow(this.headerLines, this.linesOf(this.headerLines), true);
  }

  write(rows: readonly (readonly string[])[]): void {
    const { layout } = this;
    layout.ensure(this.leadHeight(rows[0]));
    this.drawHeader();
    for (const row of rows) {
      let lines = this.wrapRow(row);
      for (;;) {
        const needed = this.linesOf(lines);
        const fits = Math.floor((layout.room - 2 * CELL_PAD_Y) / this.lineHeight);
        if (needed <= fits) {
          this.drawRow(lines, needed, false);
          break;
        }
        if (needed <= this.pageLines || fits < 3) {
          layout.newPage();
          this.drawHeader();
          if (needed <= this.pageLines) continue;
        }
        // Taller than a page: write what fits here and carry the rest over.
        const count = Math.floor((layout.room - 2 * CELL_PAD_Y) / this.lineHeight);
        this.drawRow(lines, count, false);
        lines = lines.map((l) => l.slice(count));
        layout.newPage();
        this.drawHeader();
      }
    }
    layout.y += 10;
  }
}

function tableGrid(layout: Layout, table: TableBlock): Grid {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const columns = table.columns.map((c): GridColumn => ({
    width: (layout.width * c.width) / total,
    align: c.align ?? 'left',
    font: { name: 'Helvetica', size: TABLE_SIZE },
  }));
  return new Grid(layout, columns, { header: table.columns.map((c) => c.header), borders: true });
}

function keyValuesGrid(layout: Layout): Grid {
  const keyWidth = Math.min(190, layout.width * 0.32);
  return new Grid(
    layout,
    [
      { width: keyWidth, align: 'left', font: { name: 'Helvetica-Bold', size: BODY_SIZE } },
      { width: layout.width - keyWidth, align: 'left', font: { name: 'Helvetica', size: BODY_SIZE } },
    ],
    { borders: false },
  );
}

function writeTable(layout: Layout, table: TableBlock): void {
  if (table.rows.length === 0) writeParagraph(layout, table.emptyText ?? '', 'muted');
  else tableGrid(layout, table).write(table.rows);
}

const CHART_TITLE: Font = { name: 'Helvetica-Bold', size: 10.5 };
const CHART_LABEL: Font = { name: 'Helvetica', size: 8.5 };
const CHART_VALUE: Font = { name: 'Helvetica', size: 8 };
const CHART_ROW_GAP = 8;

/** Sizes of a chart's rows: bar thickness, bars per row, the label column. */
function chartGeometry(layout: Layout, chart: BarChartBlock) {
  const rows = barsPerCategory(chart);
  const bar = chart.layout === 'stacked' ? 14 : 10;
  const gap = 2;
  const labelWidth = Math.min(220, layout.width * 0.34);
  return { rows, bar, gap, barsHeight: rows * bar + (rows - 1) * gap, labelWidth };
}

/** A category's label, at most three lines (the third cut short with an ellipsis). */
function chartLabel(layout: Layout, label: string, width: number): string[] {
  const lines = layout.wrap(label, CHART_LABEL, width);
  return lines.length > 3 ? [...lines.slice(0, 2), `${lines[2] ?? ''}…`] : lines;
}

function chartLeadHeight(layout: Layout, chart: BarChartBlock): number {
  const { barsHeight, labelWidth } = chartGeometry(layout, chart);
  const title = layout.wrap(chart.title, CHART_TITLE, layout.width).length * layout.lineHeight(CHART_TITLE);
  const first = chart.categories[0];
  if (!first) return title + layout.lineHeight(CHART_LABEL);
  const label = chartLabel(layout, first.label, labelWidth).length * layout.lineHeight(CHART_LABEL);
  return title + 2 * layout.lineHeight(CHART_LABEL) + Math.max(barsHeight, label) + CHART_ROW_GAP;
}

function writeChart(layout: Layout, chart: BarChartBlock): void {
  const labelHeight = layout.lineHeight(CHART_LABEL);
  const colors = seriesColors(chart);
  const { bar, gap, barsHeight, labelWidth } = chartGeometry(layout, chart);
  const valueWidth = 80;
  const x0 = layout.left + labelWidth + 8;
  const plotWidth = layout.right - valueWidth - x0;
  const axisMax = niceAxisMax(chartMaximum(chart));
  const middle = (top: number, height: number, size: number) => top + (height - size) / 2;

  layout.ensure(chartLeadHeight(layout, chart));
  for (const line of layout.wrap(chart.title, CHART_TITLE, layout.width)) {
    layout.write(line, layout.left, layout.y, CHART_TITLE, INK);
    layout.y += layout.lineHeight(CHART_TITLE);
  }
  if (chart.categories.length === 0) {
    writeParagraph(layout, chart.emptyText ?? '', 'muted');
    return;
  }
  // Legend: a swatch and the series name, flowing across the width.
  if (chart.series.length > 1) {
    let x = layout.left;
    layout.y += 3;
    chart.series.forEach((series, i) => {
      const name = toWinAnsi(series.name);
      const width = 12 + layout.measure(name, CHART_LABEL) + 12;
      if (x + width > layout.right) {
        x = layout.left;
        layout.y += labelHeight;
      }
      layout.doc.rect(x, layout.y + 1, 8, 8).fill(colors[i] ?? INK);
      layout.write(name, x + 12, layout.y + 1, CHART_LABEL, INK);
      x += width;
    });
    layout.y += labelHeight + 4;
  } else {
    layout.y += 4;
  }

  for (const category of chart.categories) {
    const labelLines = chartLabel(layout, category.label, labelWidth);
    const height = Math.max(barsHeight, labelLines.length * labelHeight) + CHART_ROW_GAP;
    layout.ensure(height);
    // Bars and label are both centred in the row.
    const top = layout.y + (height - barsHeight) / 2;
    const labelTop = layout.y + (height - labelLines.length * labelHeight) / 2 + (labelHeight - CHART_LABEL.size) / 2;
    // Grid at quarters of the axis, drawn per row so a page break leaves no dangling lines.
    for (let q = 0; q <= 4; q++) {
      const x = x0 + (plotWidth * q) / 4;
      layout.doc
        .moveTo(x, layout.y)
        .lineTo(x, layout.y + height)
        .lineWidth(q === 0 ? 0.8 : 0.4)
        .strokeColor(q === 0 ? MUTED : LINE)
        .stroke();
    }
    labelLines.forEach((line, n) => layout.write(line, layout.left, labelTop + n * labelHeight, CHART_LABEL, INK));
    if (chart.layout === 'stacked') {
      let x = x0;
      let total = 0;
      category.values.forEach((value, j) => {
        const length = barLength(value);
        const w = (length / axisMax) * plotWidth;
        if (w > 0) layout.doc.rect(x, top, w, bar).fill(colors[j] ?? INK);
        const text = length > 0 ? toWinAnsi(chart.format(length)) : '';
        const textWidth = layout.measure(text, CHART_VALUE);
        if (text !== '' && textWidth + 4 <= w) {
          const ink = contrastInk(colors[j] ?? INK);
          layout.write(text, x + (w - textWidth) / 2, middle(top, bar, CHART_VALUE.size), CHART_VALUE, ink);
        }
        x += w;
        total += length;
      });
      const totalFont: Font = { ...CHART_VALUE, name: 'Helvetica-Bold' };
      layout.write(toWinAnsi(chart.format(total)), x + 4, middle(top, bar, CHART_VALUE.size), totalFont, INK);
    } else {
      category.values.forEach((value, j) => {
        const y = top + j * (bar + gap);
        const w = (barLength(value) / axisMax) * plotWidth;
        if (w > 0) layout.doc.rect(x0, y, w, bar).fill(colors[j] ?? INK);
        const text = value === null || !Number.isFinite(value) ? '–' : toWinAnsi(chart.format(value));
        layout.write(text, x0 + w + 4, middle(y, bar, CHART_VALUE.size), CHART_VALUE, INK);
      });
    }
    if (chart.reference !== undefined && chart.reference > 0) {
      const x = x0 + (chart.reference / axisMax) * plotWidth;
      layout.doc
        .moveTo(x, layout.y)
        .lineTo(x, layout.y + height)
        .lineWidth(1)
        .dash(3, { space: 2 })
        .strokeColor(INK)
        .stroke()
        .undash();
    }
    layout.y += height;
  }
  layout.y += 12;
}

/** White text on dark fills, ink on light ones (relative luminance). */
function contrastInk(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return INK;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? '#ffffff' : INK;
}

/** PDF bookmarks for headings of levels 1 and 2. */
class Outline {
  private current: PDFKit.PDFOutline | null = null;

  constructor(private readonly doc: Pdf) {}

  add(level: 1 | 2 | 3, title: string): void {
    if (level === 1) this.current = this.doc.outline.addItem(title);
    else if (level === 2) (this.current ?? this.doc.outline).addItem(title);
  }
}

function writeBlock(layout: Layout, block: Block, next: Block | undefined, outline: Outline): void {
  switch (block.kind) {
    case 'heading':
      writeHeading(layout, block.level, block.text, outline, leadHeight(layout, next));
      return;
    case 'paragraph':
      writeParagraph(layout, block.text, block.tone ?? 'normal');
      return;
    case 'keyValues':
      keyValuesGrid(layout).write(block.items.map((i) => [i.key, i.value]));
      return;
    case 'table':
      writeTable(layout, block);
      return;
    case 'barChart':
      writeChart(layout, block);
      return;
    case 'pageBreak':
      if (layout.y > layout.top) layout.newPage();
      return;
  }
}

function writeFooters(doc: Pdf, model: DocumentModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the bottom margin: lift the margin so pdfkit does not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 18;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(toWinAnsi(model.footer), doc.page.margins.left, y, { lineBreak: false });
    const pageText = toWinAnsi(model.furniture.pageOf(i - range.start + 1, range.count));
    doc.text(pageText, doc.page.width - doc.page.margins.right - doc.widthOfString(pageText), y, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The document as a PDF file (A4, Helvetica; text outside WinAnsi is substituted, see text.ts). */
export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: model.orientation,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: model.lang,
    displayTitle: true,
    info: { Title: toWinAnsi(model.title), Creator: 'Kinga', Producer: 'Kinga' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const layout = new Layout(doc);
  const outline = new Outline(doc);
  writeTitleBlock(layout, model);
  model.blocks.forEach((block, i) => writeBlock(layout, block, model.blocks[i + 1], outline));
  writeFooters(doc, model);
  doc.end();
  return done;
}
