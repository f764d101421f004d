/**
 * DOCX renderer of the document model (the `docx` package). Headings use Word's heading
 * styles (so the navigation pane and a table of contents work), table header rows repeat
 * on every page, and a chart is a PNG of its bars with a numbered table of its labels and
 * values under it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { drawChartImage } from './chart.ts';
import { seriesColors, type BarChartBlock, type Block, type DocumentModel, type TableBlock } from './model.ts';
import { cleanText } from './text.ts';

// Sizes in twentieths of a point (twips) unless named otherwise.
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_000; // 50 pt, as in the PDF
const INK = '1B1F24';
const MUTED = '4A5561';
const BRAND = '0B4F6C';
const LINE = 'C9D1D9';
const HEADER_FILL = 'E6EEF2';
// Arial, as Helvetica in the PDF: every Word has it, and LibreOffice and browsers map it to Liberation Sans.
const FONT = 'Arial';
/** Largest chart image height in CSS pixels, so a chart and its caption fit on a page. */
const MAX_CHART_HEIGHT = 620;

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: LINE };
const tableBorders = {
  top: cellBorder,
  bottom: cellBorder,
  left: cellBorder,
  right: cellBorder,
  insideHorizontal: cellBorder,
  insideVertical: cellBorder,
};

/** Runs of one piece of text, its line feeds kept as line breaks. */
function runs(text: string, options: { bold?: boolean; color?: string; size?: number } = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...options }));
}

function paragraph(text: string, options: { bold?: boolean; color?: string; size?: number } = {}): Paragraph {
  return new Paragraph({ children: runs(text, options), spacing: { after: 120 } });
}

function contentWidth(model: DocumentModel): number {
  return (model.orientation === 'landscape' ? A4.height : A4.width) - 2 * MARGIN;
}

function cell(
  text: string,
  width: number,
  options: { header?: boolean; align?: 'left' | 'right'; bold?: boolean } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
    children: [
      new Paragraph({
        alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs(text, { bold: options.header === true || options.bold === true, size: 17 }),
      }),
    ],
  });
}

function table(block: TableBlock, width: number): FileChild[] {
  if (block.rows.length === 0) return [paragraph(block.emptyText ?? '', { color: MUTED })];
  const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const widths = block.columns.map((c) => Math.floor((width * c.width) / total));
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: tableBorders,
      rows: [
        new TableRow({
          tableHeader: true,
          children: block.columns.map((c, i) =>
            cell(c.header, widths[i] ?? 0, { header: true, align: c.align ?? 'left' }),
          ),
        }),
        ...block.rows.map(
          (row) =>
            new TableRow({
              children: block.columns.map((c, i) => cell(row[i] ?? '', widths[i] ?? 0, { align: c.align ?? 'left' })),
            }),
        ),
      ],
    }),
    new Paragraph({ children: [], spacing: { after: 120 } }),
  ];
}

function keyValues(items: readonly { key: string; value: string }[], width: number): FileChild[] {
  const keyWidth = Math.min(3_800, Math.floor(width * 0.32));
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [keyWidth, width - keyWidth],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: items.map(
        (item) =>
          new TableRow({
            children: [
              new TableCell({
                width: { size: keyWidth, type: WidthType.DXA },
                margins: { top: 20, bottom: 20, left: 0, right: 80 },
                children: [new Paragraph({ children: runs(item.key, { bold: true }) })],
              }),
              new TableCell({
                width: { size: width - keyWidth, type: WidthType.DXA },
                margins: { top: 20, bottom: 20, left: 80, right: 0 },
                children: [new Paragraph({ children: runs(item.value) })],
              }),
            ],
          }),
      ),
    }),
    new Paragraph({ children: [], spacing: { after: 120 } }),
  ];
}

function chart(block: BarChartBlock, width: number, furniture: DocumentModel['furniture']): FileChild[] {
  const caption = new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 80 },
    children: runs(block.title, { bold: true }),
  });
  if (block.categories.length === 0) return [caption, paragraph(block.emptyText ?? '', { color: MUTED })];
  const image = drawChartImage(block);
  const scale = Math.min(1, MAX_CHART_HEIGHT / image.height);
  const colors = seriesColors(block);
  const dataTable: TableBlock = {
    kind: 'table',
    columns: [
      { header: furniture.chartNumberHeader, width: 1, align: 'right' },
      { header: furniture.chartCategoryHeader, width: 6 },
      ...block.series.map((s) => ({ header: s.name, width: 2, align: 'right' as const })),
    ],
    rows: block.categories.map((c, i) => [
      String(i + 1),
      c.label,
      ...block.series.map((_, j) => {
        const value = c.values[j];
        return value === null || value === undefined || !Number.isFinite(value) ? '–' : block.format(value);
      }),
    ]),
  };
  const [rendered, spacer] = table(dataTable, width);
  // The image has no text: a legend of colour swatches above it, and the numbered rows match the table's.
  const legend = new Paragraph({
    keepNext: true,
    children: block.series.flatMap((s, i) => [
      new TextRun({ text: '■ ', color: (colors[i] ?? '#000000').slice(1) }),
      new TextRun({ text: `${cleanText(s.name)}   ` }),
    ]),
  });
  return [
    caption,
    ...(block.series.length > 1 ? [legend] : []),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
          altText: { name: 'chart', title: cleanText(block.title), description: cleanText(block.title) },
        }),
      ],
    }),
    ...(rendered ? [rendered] : []),
    ...(spacer ? [spacer] : []),
  ];
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function block(b: Block, model: DocumentModel): FileChild[] {
  const width = contentWidth(model);
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[b.level], keepNext: true, children: runs(b.text) })];
    case 'paragraph':
      return [paragraph(b.text, b.tone === 'muted' ? { color: MUTED } : {})];
    case 'keyValues':
      return keyValues(b.items, width);
    case 'table':
      return table(b, width);
    case 'barChart':
      return chart(b, width, model.furniture);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

// Stand-in numbers that mark where the page fields go in the localised footer text.
const PAGE_MARK = 7_770_001;
const PAGES_MARK = 7_770_002;

function footer(model: DocumentModel): Footer {
  const text = cleanText(model.furniture.pageOf(PAGE_MARK, PAGES_MARK));
  const parts = text.split(new RegExp(`(${PAGE_MARK}|${PAGES_MARK})`));
  const children = parts
    .filter((p) => p !== '')
    .map((p) =>
      p === String(PAGE_MARK)
        ? new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED })
        : p === String(PAGES_MARK)
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: MUTED })
          : new TextRun({ text: p, size: 16, color: MUTED }),
    );
  // Two cells rather than a right tab stop: every DOCX reader lays out a table the same way.
  const width = contentWidth(model);
  const half = Math.floor(width / 2);
  const footerCell = (paragraph: Paragraph) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      margins: { left: 0, right: 0 },
      children: [paragraph],
    });
  return new Footer({
    children: [
      new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: [half, width - half],
        layout: TableLayoutType.FIXED,
        borders: TableBorders.NONE,
        rows: [
          new TableRow({
            children: [
              footerCell(
                new Paragraph({ children: [new TextRun({ text: cleanText(model.footer), size: 16, color: MUTED })] }),
              ),
              footerCell(new Paragraph({ alignment: AlignmentType.RIGHT, children })),
            ],
          }),
        ],
      }),
    ],
  });
}

/** The document as a DOCX file (Office Open XML, A4). */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const language = model.lang === 'sw' ? 'sw-KE' : 'en-GB';
  const document = new Document({
    creator: 'Kinga',
    title: cleanText(model.title),
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, color: INK, language: { value: language } } },
        title: { run: { font: FONT, size: 44, bold: true, color: BRAND }, paragraph: { spacing: { after: 120 } } },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: BRAND },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: BRAND },
          paragraph: { spacing: { before: 240, after: 100 } },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: INK },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: model.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 500 },
          },
        },
        footers: { default: footer(model) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(model.title) }),
          ...model.subtitle.map(
            (line) => new Paragraph({ children: runs(line, { size: 24 }), spacing: { after: 40 } }),
          ),
          new Paragraph({
            children: runs(model.generatedLine, { size: 18, color: MUTED }),
            spacing: { before: 80, after: 240 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: BRAND, space: 4 } },
          }),
          ...model.blocks.flatMap((b) => block(b, model)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
