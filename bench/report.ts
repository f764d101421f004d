/** One line of the results table. */
export interface Row {
  run: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  /** Errors, timeouts and non-2xx answers together. */
  bad: number;
  ratio: number | null;
  /** Server CPU time per answered request. */
  cpuUs: number | null;
  verdict: string;
}

const HEADERS = [
  'run',
  'req/s (mean)',
  'p50 ms',
  'p99 ms',
  '2xx',
  'err/non-2xx',
  'ratio',
  'CPU µs/req',
  'target',
] as const;

/** A plain-text table with aligned columns: text left, numbers right. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.run,
    Math.round(r.requestsPerSecond).toLocaleString('en-US'),
    String(r.p50),
    String(r.p99),
    r.ok.toLocaleString('en-US'),
    r.bad === 0 ? '0' : `${r.bad} FAIL`,
    r.ratio === null ? '1 (base)' : r.ratio.toFixed(3),
    r.cpuUs === null ? '–' : String(r.cpuUs),
    r.verdict,
  ]);
  return formatGrid(HEADERS, cells);
}

/** Aligns cells under their headers: the first and last columns left, the others right. */
export function formatGrid(headers: readonly string[], cells: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === 0 || i === values.length - 1 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...cells.map(line)].join('\n');
}
