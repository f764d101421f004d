import { describe, expect, it } from 'vitest';
import { decodeCsvText, readCsv } from './csv-reader.ts';

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and cites the starting line', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""",3\n"multi\nline",,\nlast,row,here';
    expect([...readCsv(text)]).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', '3'] },
      { line: 3, fields: ['multi\nline', '', ''] },
      { line: 5, fields: ['last', 'row', 'here'] },
    ]);
  });

  it('a final line break makes no empty record; empty lines are records of one empty field', () => {
    expect([...readCsv('a\n\nb\n')]).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['b'] },
    ]);
    expect([...readCsv('')]).toEqual([]);
  });

  it('an unterminated quote runs to the end instead of failing', () => {
    expect([...readCsv('"open,1\n2')]).toEqual([{ line: 1, fields: ['open,1\n2'] }]);
  });
});

describe('decodeCsvText', () => {
  it('takes UTF-8 text and refuses binary or other encodings', () => {
    expect(decodeCsvText(Buffer.from('Zürich,ü'))).toBe('Zürich,ü');
    expect(decodeCsvText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBeNull();
    expect(decodeCsvText(Buffer.from([0x41, 0xff, 0x42]))).toBeNull();
  });
});
