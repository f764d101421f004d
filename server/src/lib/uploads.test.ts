import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, detectAttachmentType, fileNameLength } from './uploads.ts';
import { SAMPLE_FILES } from '../modules/case-records/case-records.fixtures.ts';

describe('cleanFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    [encodeURIComponent('Taarifa ya Achieng – 2026.pdf'), 'Taarifa ya Achieng – 2026.pdf'],
    [encodeURIComponent('../../etc/passwd'), 'passwd'],
    [encodeURIComponent('C:\\fakepath\\scan.png'), 'scan.png'],
    [encodeURIComponent('a\u0000b\u001fc\u007f.png'), 'abc.png'],
    [encodeURIComponent('photo\u202Egnp.exe'), 'photognp.exe'],
    [encodeURIComponent('line\u2028break.pdf'), 'linebreak.pdf'],
    [encodeURIComponent('  spaced.pdf  '), 'spaced.pdf'],
    // NFC: "é" written as e + combining accent is stored composed.
    [encodeURIComponent('re\u0301sume\u0301.pdf'), 'résumé.pdf'],
  ])('%s → %s', (header, expected) => {
    expect(cleanFileName(header)).toBe(expected);
  });

  it.each(['%E0%A4%A', '', encodeURIComponent('dir/'), encodeURIComponent('..'), encodeURIComponent('\u0000\u0001')])(
    'gives nothing usable for %j',
    (header) => {
      expect(cleanFileName(header)).toBeNull();
    },
  );

  it('counts characters, not UTF-16 units', () => {
    expect(fileNameLength('😀.png')).toBe(5);
  });
});

describe('contentDisposition', () => {
  it('names the file in RFC 5987 form with an ASCII fallback', () => {
    expect(contentDisposition("Ripoti (ya) 'Nyeri' – 5*.pdf")).toBe(
      `attachment; filename="Ripoti (ya) 'Nyeri' _ 5*.pdf"; filename*=UTF-8''Ripoti%20%28ya%29%20%27Nyeri%27%20%E2%80%93%205%2A.pdf`,
    );
  });

  it('keeps quotes, backslashes and header breaks out of the quoted fallback', () => {
    const value = contentDisposition('a"b\\c\r\nd.pdf');
    expect(value).toMatch(/^attachment; filename="a_b_c__d\.pdf"; filename\*=UTF-8''a%22b%5Cc%0D%0Ad\.pdf$/);
  });
});

describe('detectAttachmentType', () => {
  it('recognises accepted files by their content', async () => {
    expect(await detectAttachmentType(SAMPLE_FILES.png)).toBe('image/png');
    expect(await detectAttachmentType(SAMPLE_FILES.pdf)).toBe('application/pdf');
    expect(await detectAttachmentType(SAMPLE_FILES.jpeg)).toBe('image/jpeg');
  });

  it('refuses executables, text and empty files', async () => {
    expect(await detectAttachmentType(SAMPLE_FILES.exe)).toBeNull();
    expect(await detectAttachmentType(SAMPLE_FILES.text)).toBeNull();
    expect(await detectAttachmentType(Buffer.alloc(0))).toBeNull();
  });
});
