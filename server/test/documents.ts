/**
 * Reads generated documents back as text, for tests: DOCX through its word/document.xml,
 * PDF through a real parser (pdf.js). Table rows come out as `cell | cell | cell` lines.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

// pdf.js reads the metrics of the 14 standard fonts from files of its package.
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The parts of a DOCX file (a zip), by name. */
export function docxParts(file: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(file);
}

/**
 * The text of a DOCX body, one line per paragraph; a table row is one line with its cells
 * joined by ` | ` (a cell's paragraphs joined by a space).
 */
export function docxText(file: Uint8Array): string {
  const xmlPart = docxParts(file)['word/document.xml'];
  if (!xmlPart) throw new Error('word/document.xml is missing');
  const xml = strFromU8(xmlPart);
  const lines: string[] = [];
  let paragraph = '';
  let cells: string[] | null = null;
  let cell: string[] = [];
  const token = /<w:tr[ >]|<\/w:tr>|<w:tc[ >]|<\/w:tc>|<\/w:p>|<w:br\/>|<w:tab\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g;
  for (const m of xml.matchAll(token)) {
    const tag = m[0];
    if (tag.startsWith('<w:tr')) cells = [];
    else if (tag === '</w:tr>') {
      if (cells) lines.push(cells.join(' | '));
      cells = null;
    } else if (tag.startsWith('<w:tc')) cell = [];
    else if (tag === '</w:tc>') cells?.push(cell.join(' ').trim());
    else if (tag === '</w:p>') {
      if (cells) cell.push(paragraph);
      else lines.push(paragraph);
      paragraph = '';
    } else if (tag === '<w:br/>') paragraph += '\n';
    else if (tag === '<w:tab/>') paragraph += '\t';
    else paragraph += decodeXml(m[1] ?? '');
  }
  return lines.join('\n');
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/**
 * The text of each PDF page, one line per baseline: fragments on the same line that stand
 * apart (table cells, a chart label and its value) are joined by ` | `.
 */
export async function pdfPages(file: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(file),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const rows = new Map<number, TextItem[]>();
    for (const item of content.items as TextItem[]) {
      // pdf.js reports the gap between two fragments as a whitespace item: leave it out, the gap stays.
      if (typeof item.str !== 'string' || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] ?? 0);
      const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      rows.set(key, [...(rows.get(key) ?? []), item]);
    }
    const lines = [...rows.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, items]) => {
        items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
        let line = '';
        let end = -Infinity;
        for (const item of items) {
          const x = item.transform[4] ?? 0;
          line += line === '' ? item.str : x - end > 2 ? ` | ${item.str}` : item.str;
          end = x + item.width;
        }
        return line;
      });
    pages.push(lines.join('\n'));
  }
  await pdf.destroy();
  return pages;
}

/** All the text of a PDF, pages separated by a blank line. */
export async function pdfText(file: Uint8Array): Promise<string> {
  return (await pdfPages(file)).join('\n\n');
}
