import { describe, expect, it } from 'vitest';
import { asciiSlug, cleanText, toWinAnsi } from './text.ts';

describe('toWinAnsi', () => {
  it('keeps what WinAnsi has: Latin-1 letters, typographic quotes, dashes and the ellipsis', () => {
    const text = 'Ng’ombe – “mafunzo”… café, Zoë, Œuvre, 5 €';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('substitutes or strips accents from what it lacks, and never leaves a character it cannot show', () => {
    expect(toWinAnsi('ā ŋ ř ≤ → ʼ')).toBe('a ng r <= -> ’');
    expect(toWinAnsi('emoji 🎉 and 漢字')).toBe('emoji ? and ??');
    expect(toWinAnsi('e\u0301')).toBe('é');
  });
});

describe('cleanText', () => {
  it('drops control and invisible characters and folds line ends', () => {
    expect(cleanText('a\u0000b\u0007c\r\nd\re\u00ADf\u200Bg\tend')).toBe('abc\nd\nefg    end');
  });
});

describe('asciiSlug', () => {
  it('makes an ASCII file name part', () => {
    expect(asciiSlug('2026-Q1')).toBe('2026-Q1');
    expect(asciiSlug('Mkutano wa Kamati — Kisumu, 2026/03')).toBe('Mkutano-wa-Kamati-Kisumu-2026-03');
    expect(asciiSlug('漢字')).toBe('document');
  });
});
