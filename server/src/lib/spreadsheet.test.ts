import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, toXlsx, type Column } from './spreadsheet.ts';

interface Row {
  name: string | null;
  count?: number;
}

const columns: readonly Column<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Count', value: (r) => r.count },
];

/** Unzips a workbook into its parts as text. */
function parts(xlsx: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(xlsx));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['\t=x', "'\t=x"],
    ['\tplain', "'\tplain"],
    ['\r=x', "'\r=x"],
    ['  =x', "'  =x"],
    [' \u00a0@x', "' \u00a0@x"],
    ['Mwathiriwa alisafirishwa kwenda Mombasa', 'Mwathiriwa alisafirishwa kwenda Mombasa'],
    ['a=b', 'a=b'],
    ['', ''],
    ['   ', '   '],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    const csv = toCsv(columns, [{ name: 'Amani', count: 2 }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFName,Count\r\nAmani,2\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toCsv(columns, [
      { name: 'Nairobi, Kenya' },
      { name: 'She said "leave"' },
      { name: 'line one\nline two' },
      { name: 'carriage\rreturn' },
    ]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      '"Nairobi, Kenya",',
      '"She said ""leave""",',
      '"line one\nline two",',
      '"carriage\rreturn",',
    ]);
  });

  it('keeps non-ASCII text intact', () => {
    expect(toCsv(columns, [{ name: 'Ng’ombe – ñ – 😀' }])).toContain('Ng’ombe – ñ – 😀,');
  });

  it('neutralises formulas in text but leaves numbers, including negative ones, alone', () => {
    const csv = toCsv(columns, [
      { name: '=SUM(A1)', count: -1 },
      { name: '-1', count: 0 },
      { name: '@cmd, "x"', count: 1.5 },
    ]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual(["'=SUM(A1),-1", "'-1,0", `"'@cmd, ""x""",1.5`]);
  });

  it('also neutralises headers', () => {
    expect(toCsv([{ header: '=HYPERLINK("x")', value: () => 1 }], [])).toBe('\uFEFF"\'=HYPERLINK(""x"")"\r\n');
  });

  it('writes null and undefined as empty cells', () => {
    expect(toCsv(columns, [{ name: null }])).toBe('\uFEFFName,Count\r\n,\r\n');
  });

  it('writes non-finite numbers as text', () => {
    expect(
      toCsv(columns, [
        { name: 'a', count: -Infinity },
        { name: 'b', count: NaN },
      ]),
    ).toBe("\uFEFFName,Count\r\na,'-Infinity\r\nb,NaN\r\n");
  });

  it('accepts any iterable of rows', () => {
    function* rows(): Generator<Row> {
      yield { name: 'x', count: 1 };
    }
    expect(toCsv(columns, rows())).toBe('\uFEFFName,Count\r\nx,1\r\n');
  });
});

describe('toXlsx', () => {
  const rows: Row[] = [
    { name: 'Amani', count: 3 },
    { name: '=SUM(A1)', count: -1 },
    { name: 'Tom & "Jerry" <b>\'s', count: 2.5 },
    { name: null },
    { name: 'bell\u0007 and \uFFFE gone, tab\tkept' },
    { name: '_x003D_SUM(A1)' },
  ];
  const files = parts(toXlsx(columns, rows, 'Kesi: 2024/25'));
  const sheet = files['xl/worksheets/sheet1.xml'];

  it('holds the minimal Office Open XML parts', () => {
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files['[Content_Types].xml']).toContain('PartName="/xl/worksheets/sheet1.xml"');
    expect(files['_rels/.rels']).toContain('Target="xl/workbook.xml"');
  });

  it('writes a bold header row of inline strings', () => {
    expect(sheet).toContain(
      '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Name</t></is></c>' +
        '<c r="B1" s="1" t="inlineStr"><is><t xml:space="preserve">Count</t></is></c></row>',
    );
    expect(files['xl/styles.xml']).toMatch(/<font><b\/>/);
  });

  it('writes text as inline strings and numbers as numeric cells', () => {
    expect(sheet).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">Amani</t></is></c><c r="B2"><v>3</v></c></row>',
    );
    expect(sheet).toContain('<c r="B3"><v>-1</v></c>');
    expect(sheet).toContain('<c r="B4"><v>2.5</v></c>');
  });

  it('never writes a formula and neutralises formula-like text', () => {
    expect(sheet).not.toMatch(/<f[\s>/]/);
    expect(sheet).toContain('<t xml:space="preserve">&apos;=SUM(A1)</t>');
  });

  it('escapes markup and strips characters XML 1.0 forbids', () => {
    expect(sheet).toContain('<t xml:space="preserve">Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s</t>');
    expect(sheet).toContain('<t xml:space="preserve">bell and  gone, tab\tkept</t>');
    expect(sheet).not.toMatch(/[\u0000-\u0008\uFFFE]/); // eslint-disable-line no-control-regex
  });

  it('keeps `_xHHHH_` literal so Excel cannot decode it into a formula', () => {
    expect(sheet).toContain('<t xml:space="preserve">_x005F_x003D_SUM(A1)</t>');
  });

  it('leaves null cells out', () => {
    expect(sheet).toContain('<row r="5"></row>');
  });

  it('cleans the sheet name to one Excel accepts', () => {
    expect(files['xl/workbook.xml']).toContain('<sheet name="Kesi_ 2024_25" sheetId="1" r:id="rId1"/>');
    expect(parts(toXlsx(columns, []))['xl/workbook.xml']).toContain('name="Sheet1"');
    expect(parts(toXlsx(columns, [], "''"))['xl/workbook.xml']).toContain('name="Sheet1"');
    expect(parts(toXlsx(columns, [], 'x'.repeat(40)))['xl/workbook.xml']).toContain(`name="${'x'.repeat(31)}"`);
  });

  it('names columns past Z', () => {
    const wide = Array.from({ length: 28 }, (_, i): Column<null> => ({ header: `h${i}`, value: () => i }));
    const wideSheet = parts(toXlsx(wide, [null]))['xl/worksheets/sheet1.xml'];
    expect(wideSheet).toContain('<c r="Z2"><v>25</v></c><c r="AA2"><v>26</v></c><c r="AB2"><v>27</v></c>');
  });

  it('returns a zip Buffer', () => {
    const xlsx = toXlsx(columns, rows);
    expect(Buffer.isBuffer(xlsx)).toBe(true);
    expect(xlsx.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
  });
});
