/**
 * A small RFC 4180 reader for imported CSV files: quoted fields may hold commas, doubled
 * quotes and line breaks; CRLF or LF line ends; a leading byte order mark is skipped. Each
 * record keeps the line of the file it starts on, which is what import errors cite.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

/** The text of an upload that is CSV: UTF-8 without NUL bytes; null for anything else (binary, other encodings). */
export function decodeCsvText(content: Uint8Array): string | null {
  if (content.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
}

/** Reads every record of a CSV text; a final line break does not make an empty record. */
export function* readCsv(text: string): Generator<CsvRecord> {
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Position of the next LF at or after the reading position (searched again once passed).
  let lineEnd = -1;
  let crAt = -1;
  while (i < length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        i += 1;
        let parts = '';
        let from = i;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            // An unterminated quote runs to the end of the file.
            parts += text.slice(from);
            i = length;
            break;
          }
          if (text.charCodeAt(quote + 1) === 34) {
            parts += text.slice(from, quote + 1);
            i = quote + 2;
            from = i;
            continue;
          }
          parts += text.slice(from, quote);
          i = quote + 1;
          break;
        }
        for (let n = parts.indexOf('\n'); n >= 0; n = parts.indexOf('\n', n + 1)) line += 1;
        // Anything between the closing quote and the next separator is kept, as spreadsheets do.
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10 || c === 13) break;
          end += 1;
        }
        value = parts + text.slice(i, end);
        i = end;
      } else {
        // Native searches for the next separator: far faster than a loop over characters.
        if (lineEnd < i) {
          lineEnd = text.indexOf('\n', i);
          if (lineEnd < 0) lineEnd = length;
        }
        const comma = text.indexOf(',', i);
        let end = comma >= 0 && comma < lineEnd ? comma : lineEnd;
        if (crAt < i) {
          crAt = text.indexOf('\r', i);
          if (crAt < 0) crAt = length;
        }
        if (crAt < end) end = crAt;
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i += 1;
        continue;
      }
      if (c === 13) i += 1;
      if (text.charCodeAt(i) === 10) i += 1;
      line += 1;
      break;
    }
    yield { line: start, fields };
  }
}
