/**
 * Spreadsheet exports (CSV and XLSX) that are safe to open in Excel or LibreOffice.
 *
 * Exported data comes from users (names, narratives, tip text), so every string cell is treated as
 * hostile: a cell that a spreadsheet would read as a formula is neutralised (CSV/formula injection,
 * OWASP), and the XLSX writer only ever writes text as inline strings, never formulas.
 */
import { zipSync, strToU8 } from 'fflate';

/** One column of an export: its header text and how to read the cell from a row. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

type Cell = string | number | null | undefined;

/**
 * Prefixes `'` to text that a spreadsheet would run as a formula: text starting with `=`, `+`, `-`
 * or `@` (also after leading whitespace, which spreadsheets skip), or with a tab or carriage
 * return. The apostrophe makes the cell plain text and survives a re-save to CSV.
 */
export function neutraliseFormula(value: string): string {
  return /^[\t\r]|^\s*[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Normalises a cell: numbers stay numbers (so negative amounts are not quoted), non-finite numbers
 * become text (neither format has NaN or Infinity), text is neutralised, null/undefined are empty.
 */
function normalise(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : neutraliseFormula(String(value));
  return neutraliseFormula(value);
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and its quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV per RFC 4180 with CRLF line ends. It starts with a UTF-8 byte order mark because Excel
 * otherwise reads the file in the machine's legacy code page and garbles non-ASCII text.
 */
export function toCsv<T>(columns: readonly Column<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((c) => csvField(normalise(c.header))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(normalise(c.value(row)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// XLSX (Office Open XML, SpreadsheetML)
// ---------------------------------------------------------------------------------------------

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Drops characters XML 1.0 forbids (control characters other than tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF): one of them makes the whole workbook unreadable.
 */
function stripXmlIllegal(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Makes text safe inside XML 1.0 content or a quoted attribute. */
function xmlText(value: string): string {
  return stripXmlIllegal(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * Excel decodes `_xHHHH_` in cell text as the character U+HHHH, so `_x003D_SUM(A1)` would show as
 * `=SUM(A1)` and slip past neutralisation on a re-save to CSV. Escaping the underscore
 * (`_x005F_`) keeps the text literal.
 */
function escapeOoxmlCodes(value: string): string {
  return value.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/** Column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** One `<c>`: numbers as numeric cells, text as inline strings (never `<f>`), empty cells omitted. */
function xlsxCell(ref: string, value: Cell, style: number): string {
  const cell = normalise(value);
  const s = style ? ` s="${style}"` : '';
  if (typeof cell === 'number') return `<c r="${ref}"${s}><v>${cell}</v></c>`;
  if (cell === '') return '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(escapeOoxmlCodes(cell))}</t></is></c>`;
}

/**
 * Excel refuses a workbook whose sheet name is empty, longer than 31 characters, contains
 * `: \ / ? * [ ]` or a line break, or starts or ends with an apostrophe, so the name is cleaned
 * rather than trusted.
 */
function sheetTitle(name: string): string {
  let title = stripXmlIllegal(name)
    .replace(/[\t\n\r:\\/?*[\]]/g, '_')
    .trim()
    .slice(0, 31);
  if (/[\uD800-\uDBFF]$/.test(title)) title = title.slice(0, -1);
  title = title.replace(/^[\s']+|[\s']+$/g, '');
  return title === '' || title.toLowerCase() === 'history' ? 'Sheet1' : title;
}

const CONTENT_TYPES = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>`;

const ROOT_RELS = `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>`;

const WORKBOOK_RELS = `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>\
</Relationships>`;

/**
 * The smallest stylesheet Excel accepts: it requires the two built-in fills. Cell style 0 is the
 * default, cell style 1 is bold (the header row).
 */
const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN_NS}">\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

function workbookXml(sheetName: string): string {
  return `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">\
<sheets><sheet name="${xmlText(sheetTitle(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

function sheetXml<T>(columns: readonly Column<T>[], rows: Iterable<T>): string {
  if (columns.length > MAX_COLUMNS) throw new RangeError(`An XLSX sheet holds at most ${MAX_COLUMNS} columns`);
  const names = columns.map((_, i) => columnName(i));
  const parts = [`${XML_DECL}<worksheet xmlns="${MAIN_NS}"><sheetData>`];
  parts.push(`<row r="1">${columns.map((c, i) => xlsxCell(`${names[i]}1`, c.header, 1)).join('')}</row>`);
  let r = 1;
  for (const row of rows) {
    r += 1;
    if (r > MAX_ROWS) throw new RangeError(`An XLSX sheet holds at most ${MAX_ROWS} rows`);
    parts.push(`<row r="${r}">${columns.map((c, i) => xlsxCell(`${names[i]}${r}`, c.value(row), 0)).join('')}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/**
 * A one-sheet .xlsx workbook with a bold header row. Text is written as inline strings (no shared
 * string table to build, and never a formula) after the same neutralisation as CSV, so a user who
 * re-saves the sheet as CSV still gets a safe file.
 */
export function toXlsx<T>(columns: readonly Column<T>[], rows: Iterable<T>, sheetName = 'Sheet1'): Buffer {
  const zip = zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(workbookXml(sheetName)),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(columns, rows)),
      'xl/styles.xml': strToU8(STYLES),
    },
    { level: 6 },
  );
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
