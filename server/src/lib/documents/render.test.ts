import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxParts, docxText, pdfPages, pdfText } from '../../../test/documents.ts';
import { renderDocx } from './docx.ts';
import { documentFrame, documentLabels } from './labels.ts';
import type { Block, DocumentModel } from './model.ts';
import { renderPdf } from './pdf.ts';

function model(
  lang: 'en' | 'sw',
  blocks: Block[],
  orientation: DocumentModel['orientation'] = 'portrait',
): DocumentModel {
  return documentFrame(
    documentLabels(lang, 'KE'),
    {
      title: lang === 'en' ? 'National Plan of Action 2026–2030' : 'Mpango Kazi wa Kitaifa 2026–2030',
      subtitle: [lang === 'en' ? 'Version 2: Adopted' : 'Toleo la 2: Limepitishwa'],
      footer: 'Kinga',
      orientation,
      blocks,
    },
    '2026-03-14T09:00:00.000Z',
  );
}

const activities: Block = {
  kind: 'table',
  columns: [
    { header: 'No.', width: 1 },
    { header: 'Activity', width: 5 },
    { header: 'Budget (KES)', width: 2, align: 'right' },
  ],
  rows: [
    ['1.1.1', 'Train labour inspectors', '1,250,000'],
    ['1.1.2', 'Community dialogues in Kilifi', '300,000'],
  ],
};

const statusChart: Block = {
  kind: 'barChart',
  title: 'Activities by status',
  layout: 'stacked',
  series: [{ name: 'Completed' }, { name: 'Delayed' }],
  categories: [
    { label: 'Prevention', values: [3, 5] },
    { label: 'Protection', values: [0, 2] },
  ],
  format: (v) => String(v),
};

const budgetChart: Block = {
  kind: 'barChart',
  title: 'Budget by year',
  layout: 'grouped',
  series: [{ name: 'KES' }],
  categories: [
    { label: '2026', values: [1_250_000] },
    { label: '2027', values: [null] },
  ],
  format: (v) => v.toLocaleString('en'),
};

const english = model('en', [
  { kind: 'heading', level: 1, text: 'Prevention' },
  { kind: 'paragraph', text: 'Stop recruitment into forced labour.\nSecond line.' },
  { kind: 'keyValues', items: [{ key: 'Currency', value: 'KES' }] },
  { kind: 'heading', level: 2, text: 'Activities' },
  activities,
  statusChart,
  budgetChart,
  { kind: 'table', columns: [{ header: 'Agency', width: 1 }], rows: [], emptyText: 'No report is missing.' },
  { kind: 'pageBreak' },
  { kind: 'heading', level: 1, text: 'Protection' },
]);

const swahiliText = 'Elimu kwa jamii kuhusu ng’ombe – “mafunzo”… café, Zoë, ā, ŋ, ≤ 5 → tayari';
const swahili = model('sw', [
  { kind: 'heading', level: 1, text: 'Kuzuia' },
  { kind: 'paragraph', text: swahiliText },
  {
    kind: 'table',
    columns: [
      { header: 'Na.', width: 1 },
      { header: 'Shughuli', width: 5 },
    ],
    rows: [['1.1.1', 'Mafunzo kwa wakaguzi wa kazi']],
  },
]);

describe('renderDocx', () => {
  it('writes the title block, headings, paragraphs and table rows into word/document.xml', async () => {
    const text = docxText(await renderDocx(english));
    expect(text).toContain('National Plan of Action 2026–2030');
    expect(text).toContain('Generated on 14 March 2026');
    expect(text).toContain('Prevention');
    expect(text).toContain('Stop recruitment into forced labour.\nSecond line.');
    expect(text).toContain('Currency | KES');
    expect(text).toContain('No. | Activity | Budget (KES)');
    expect(text).toContain('1.1.1 | Train labour inspectors | 1,250,000');
    expect(text).toContain('No report is missing.');
  });

  it('marks headings with Word heading styles and repeats table header rows on every page', async () => {
    const xml = new TextDecoder().decode(docxParts(await renderDocx(english))['word/document.xml']);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:br w:type="page"/>');
  });

  it('embeds each chart as a PNG with its labels and values in a numbered table', async () => {
    const file = await renderDocx(english);
    const parts = docxParts(file);
    const images = Object.keys(parts).filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
    expect(images).toHaveLength(2);
    for (const name of images) {
      const png = Buffer.from(parts[name] ?? []);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(1200); // drawn at twice its 600 px display width
    }
    const text = docxText(file);
    expect(text).toContain('No. | Item | Completed | Delayed');
    expect(text).toContain('1 | Prevention | 3 | 5');
    expect(text).toContain('2 | Protection | 0 | 2');
    expect(text).toContain('1 | 2026 | 1,250,000');
    expect(text).toContain('2 | 2027 | –');
  });

  it('keeps Swahili text as written and sets the document language', async () => {
    const file = await renderDocx(swahili);
    expect(docxText(file)).toContain(swahiliText);
    expect(docxText(file)).toContain('Imetolewa tarehe 14 Machi 2026');
    expect(new TextDecoder().decode(docxParts(file)['word/styles.xml'])).toContain('w:val="sw-KE"');
  });

  it('drops control characters that would make the XML invalid', async () => {
    const file = await renderDocx(model('en', [{ kind: 'paragraph', text: 'bell\u0007 null\u0000 ok' }]));
    const xml = new TextDecoder().decode(docxParts(file)['word/document.xml']);
    expect([...xml].some((ch) => ch.charCodeAt(0) < 9)).toBe(false);
    expect(docxText(file)).toContain('bell null ok');
  });

  it('lays out landscape pages when asked', async () => {
    const file = await renderDocx(model('en', [activities], 'landscape'));
    const xml = new TextDecoder().decode(docxParts(file)['word/document.xml']);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });
});

describe('renderPdf', () => {
  it('writes the title block, headings, paragraphs and table rows as real text', async () => {
    const text = await pdfText(await renderPdf(english));
    expect(text).toContain('National Plan of Action 2026–2030');
    expect(text).toContain('Generated on 14 March 2026');
    expect(text).toContain('Stop recruitment into forced labour.\nSecond line.');
    expect(text).toContain('Currency | KES');
    expect(text).toContain('No. | Activity | Budget (KES)');
    expect(text).toContain('1.1.1 | Train labour inspectors | 1,250,000');
    expect(text).toContain('No report is missing.');
  });

  it('draws charts with their labels and values', async () => {
    const text = await pdfText(await renderPdf(english));
    expect(text).toContain('Activities by status');
    expect(text).toMatch(/Prevention \| 3 \| 5 \| 8/);
    expect(text).toMatch(/Protection \| 2 \| 2/);
    expect(text).toContain('2026 | 1,250,000');
    expect(text).toContain('2027 | –');
  });

  it('starts a new page at a page break and numbers the pages in the footer', async () => {
    const pages = await pdfPages(await renderPdf(english));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('Protection');
    expect(pages[0]).toContain('Kinga | Page 1 of 2');
    expect(pages[1]).toContain('Page 2 of 2');
  });

  it('keeps Swahili punctuation and accented letters and substitutes what WinAnsi lacks', async () => {
    const text = await pdfText(await renderPdf(swahili));
    expect(text).toContain('Kuzuia');
    expect(text).toContain('Elimu kwa jamii kuhusu ng’ombe – “mafunzo”… café, Zoë, a, ng, <= 5 -> tayari');
    expect(text).toContain('Na. | Shughuli');
    expect(text).toContain('1.1.1 | Mafunzo kwa wakaguzi wa kazi');
    expect(text).toContain('Imetolewa tarehe 14 Machi 2026');
    expect(text).toContain('Ukurasa 1 kati ya 1');
  });

  it('moves rows that do not fit to the next page under a repeated header row', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`1.1.${i + 1}`, `Activity number ${i + 1}`, String(i * 1000)]);
    const pages = await pdfPages(await renderPdf(model('en', [{ ...activities, rows }])));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('No. | Activity | Budget (KES)');
    const all = pages.join('\n');
    for (const row of rows) expect(all).toContain(row.join(' | '));
  });

  it('wraps long cell text and splits a row taller than a page across pages', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const pages = await pdfPages(
      await renderPdf(model('en', [{ ...activities, rows: [['9.9.9', words.join(' '), '1']] }])),
    );
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    expect(text).toContain('9.9.9 | w0 w1 w2');
    // Every word survives the wrapping and the page breaks, in order.
    const found = text.match(/\bw\d+\b/g) ?? [];
    expect(found).toEqual(words);
  });

  it('writes a word longer than a cell over several lines instead of past the border', async () => {
    const long = 'x'.repeat(400);
    const text = await pdfText(await renderPdf(model('en', [{ ...activities, rows: [['1', long, '2']] }])));
    expect(text.replace(/[^x]/g, '')).toHaveLength(400);
  });

  it('answers a valid PDF for an empty document', async () => {
    const file = await renderPdf(model('en', []));
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(file)).toContain('National Plan of Action');
  });
});

describe('chart PNG', () => {
  it('is a well-formed PNG whose pixels hold the bars in the series colours', async () => {
    const file = await renderDocx(model('en', [{ ...budgetChart, series: [{ name: 'KES', color: '#0072B2' }] }]));
    const parts = docxParts(file);
    const name = Object.keys(parts).find((n) => n.endsWith('.png'));
    const png = Buffer.from(parts[name ?? ''] ?? []);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + length));
    expect(raw.length).toBe(height * (width * 3 + 1));
    let blue = 0;
    for (let row = 0; row < height; row++) {
      expect(raw[row * (width * 3 + 1)]).toBe(0); // filter type: none
      for (let col = 0; col < width; col++) {
        const i = row * (width * 3 + 1) + 1 + col * 3;
        if (raw[i] === 0x00 && raw[i + 1] === 0x72 && raw[i + 2] === 0xb2) blue++;
      }
    }
    // One bar (2026 at the full axis length of a nice maximum) in the series colour.
    expect(blue).toBeGreaterThan(10_000);
  });
});
