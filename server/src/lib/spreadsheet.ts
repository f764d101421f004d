/**
 * Spreadsheet exports (CSV and XLSX) that are safe to open in Excel or LibreOffice.
 *
 * Exported data comes from users (names, narratives, tip text), so every string cell is treated as
 * hostile: a cell that a spreadsheet would read as a formula is neutralised (CSV/formula injection,
 * OWASP), and the XLSX writer only ever writes text as inline strings, never formulas.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

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

// ---------------------------------------------------------------------------------------------
// XLSX reading (imports)
// ---------------------------------------------------------------------------------------------

/** A row of a read sheet: its row number in the sheet and its cells as text ('' when empty). */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** Unpacked parts larger than this are refused: a small upload must not inflate into gigabytes. */
const MAX_PART_BYTES = 200 * 1024 * 1024;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of XML content: entities and character references decoded, `_xHHHH_` escapes undone. */
function xmlDecode(value: string): string {
  return value
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
      if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
      return XML_ENTITIES[ref] ?? '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The concatenated `<t>` texts of a string item (rich text has several runs). */
function runsText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += xmlDecode(m[1] ?? '');
  return text;
}

/** Zero-based column index of a cell reference such as `AB12`. */
function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * The first worksheet of an .xlsx workbook as rows of text, or null when the bytes are not a
 * readable workbook. Shared and inline strings are resolved; numbers (also dates, which Excel
 * stores as day numbers) are given as written in the file; formulas give their cached value.
 */
export function readXlsx(content: Uint8Array): SheetRow[] | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(content, {
      filter: (f) =>
        f.originalSize <= MAX_PART_BYTES &&
        (f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          f.name.startsWith('xl/worksheets/')),
    });
  } catch {
    return null;
  }
  const text = (name: string) => {
    const part = files[name];
    return part ? strFromU8(part) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook) return null;
  const firstSheet = /<sheet\s[^>]*>/.exec(workbook)?.[0];
  const relId = firstSheet ? attribute(firstSheet, 'r:id') : undefined;
  let target = 'worksheets/sheet1.xml';
  if (relId && rels) {
    for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
      if (attribute(m[0], 'Id') === relId) target = attribute(m[0], 'Target') ?? target;
    }
  }
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = text(sheetPath);
  if (!sheet) return null;
  const shared: string[] = [];
  const sharedXml = text('xl/sharedStrings.xml');
  if (sharedXml) for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(runsText(m[1] ?? ''));

  const rows: SheetRow[] = [];
  let nextLine = 1;
  for (const rowMatch of sheet.matchAll(/<row(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(attribute(rowMatch[1] ?? '', 'r') ?? nextLine);
    nextLine = line + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = cellMatch[1] ?? '';
      const ref = attribute(tag, 'r');
      const column = ref ? columnIndex(ref) : nextColumn;
      nextColumn = column + 1;
      if (column < 0 || column >= MAX_COLUMNS) continue;
      const body = cellMatch[2] ?? '';
      const type = attribute(tag, 't');
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 'inlineStr') value = runsText(body);
      else if (type === 's') value = raw === undefined ? '' : (shared[Number(raw)] ?? '');
      else if (raw !== undefined) value = xmlDecode(raw);
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    rows.push({ line, cells });
  }
  return rows;
}
