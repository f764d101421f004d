/**
 * Text hygiene for the renderers. Documents carry what users typed (narratives, minutes),
 * so text may hold control characters that make an XML part invalid, and characters that
 * the PDF standard fonts cannot show.
 */

// C0 controls other than tab and line feed, DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF:
// none is allowed in XML 1.0 or meaningful in a document.
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Invisible characters that would only print as boxes or question marks.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Text safe for any renderer: NFC, carriage returns folded into line feeds, tabs as spaces, unprintable characters dropped. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(UNPRINTABLE, '')
    .replace(INVISIBLE, '');
}

/** The characters above U+00FF that Windows-1252 (WinAnsiEncoding) has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Characters outside WinAnsi that have a close written equivalent in it. */
const SUBSTITUTES: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '–', // figure dash
  '\u2015': '—', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u201B': '‘',
  '\u201F': '“',
  '\u2023': '•',
  '\u2043': '-',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2248': '~',
  '\u02BC': '’', // modifier letter apostrophe, used in some Swahili spellings (ng’ombe)
  '\u02BB': '‘',
  '\u02C8': "'",
  '\u0131': 'i',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0126': 'H',
  '\u0127': 'h',
  '\u014A': 'NG',
  '\u014B': 'ng',
  '\u0189': 'D',
  '\u0256': 'd',
  '\u0190': 'E',
  '\u025B': 'e',
  '\u0186': 'O',
  '\u0254': 'o',
  '\u01DD': 'e',
  '\u0259': 'e',
  '\u018F': 'E',
  '\u2116': 'No.',
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n';
}

/**
 * Text the PDF standard fonts (WinAnsiEncoding) can show. Characters outside it become a
 * close equivalent: a written substitute (≤ → <=, ŋ → ng), else the letter without its
 * accent (ā → a, ř → r), else `?`. Line feeds are kept.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of cleanText(text)) {
    if (isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    const substitute = SUBSTITUTES[ch];
    if (substitute !== undefined) {
      out += substitute;
      continue;
    }
    // Decompose, then keep what WinAnsi has (a base letter, or a precomposed form such as é) and drop the marks.
    const decomposed = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const kept = [...decomposed].filter(isWinAnsi).join('');
    if (kept !== '') {
      out += kept;
      continue;
    }
    // Combining marks left over after NFC belong to the previous letter: drop them.
    if (/\p{M}/u.test(ch)) continue;
    out += '?';
  }
  return out;
}

/** A name for a file: ASCII letters, digits and dashes only. */
export function asciiSlug(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug === '' ? 'document' : slug;
}
