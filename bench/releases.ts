import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_QUASI_IDENTIFIERS, DEFAULT_RELEASE_ATTRIBUTES, isFlagAttribute } from '@kinga/shared';
import { dpSynthesis } from '../server/src/lib/privacy/dp-marginals.ts';
import {
  PairCodec,
  countMarginals,
  encodeRows,
  histogramOf,
  type Histogram,
} from '../server/src/lib/privacy/histogram.ts';
import { kAnonymise } from '../server/src/lib/privacy/k-anonymity.ts';
import { formatGrid } from './report.ts';
import { sharedData } from '../server/test/shared-data.ts';

/**
 * Data releases on the shared CTDC global file (47,102 records): DP-marginals synthesis with
 * the default attributes and reporting length 3, against a baseline measured in the same run —
 * counting the real 1-, 2- and 3-way marginals of the same histogram, which the synthesis must
 * do once and then far more work on top (noise, consistency, synthesis, utility). k-anonymity
 * is timed too. Pure engine work: the histogram is built from the CSV here as the server builds
 * it with one GROUP BY.
 */

export const RELEASE_TARGETS = { maxDpMs: 20_000 } as const;

/** The shared CTDC file (server/test/shared-data.ts finds it); BENCH_CTDC_FILE overrides. */
const CTDC_FILE = process.env.BENCH_CTDC_FILE ?? sharedData('ctdc', 'ctdc_global_k_anonymized_2018.csv');
const MISSING = new Set(['', 'Unknown', 'Missing', 'NA', 'NULL']);

export interface ReleasesRun {
  file: string;
  records: number;
  distinctRows: number;
  attributes: number;
  baselineMs: number;
  kAnonymityMs: number;
  dpRunsMs: number[];
  dpMedianMs: number;
  dpMetrics: {
    sigmas: number[];
    releasedRecords: number;
    meanAbsoluteError: (number | null)[];
    combinationsFabricated: number;
    valuesSuppressed: number;
  };
  verdict: 'met' | 'MISSED';
}

/** A CSV line with double-quoted fields (no embedded line breaks in the CTDC file). */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The histogram of the default release attributes, in the spellings releases use (missing → null, flags 1 → '1'). */
export function ctdcHistogram(repoRoot: string): { histogram: Histogram; records: number } {
  const lines = fs.readFileSync(path.resolve(repoRoot, CTDC_FILE), 'utf8').split(/\r?\n/);
  const header = parseLine(lines[0]!);
  const attributes = [...DEFAULT_RELEASE_ATTRIBUTES];
  const columns = attributes.map((a) => header.indexOf(a));
  if (columns.some((c) => c < 0)) throw new Error('The CTDC file lacks a default release attribute');
  const records: (string | null)[][] = [];
  for (const line of lines.slice(1)) {
    const cells = parseLine(line);
    if (cells.length !== header.length) continue; // the file's trailing invalid lines
    const yearCell = cells[header.indexOf('yearOfRegistration')] ?? '';
    const year = Number(yearCell);
    if (yearCell === '' || !Number.isInteger(year) || year < 1990 || year > 2100) continue;
    records.push(
      columns.map((column, i) => {
        const value = cells[column] ?? '';
        if (isFlagAttribute(attributes[i]!)) return value === '1' ? '1' : null;
        return MISSING.has(value) ? null : value;
      }),
    );
  }
  return { histogram: histogramOf(attributes, records), records: records.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function runReleases(repoRoot: string, runs = 3): ReleasesRun {
  const { histogram, records } = ctdcHistogram(repoRoot);

  let start = performance.now();
  countMarginals(encodeRows(histogram, new PairCodec()), 3);
  const baselineMs = performance.now() - start;

  start = performance.now();
  kAnonymise(histogram, { k: 11, quasiIdentifiers: [...DEFAULT_QUASI_IDENTIFIERS], maxSuppression: 0.05 });
  const kAnonymityMs = performance.now() - start;

  const dpRunsMs: number[] = [];
  let last: ReturnType<typeof dpSynthesis> | null = null;
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    last = dpSynthesis(histogram, { epsilon: 4, delta: 1e-6, reportingLength: 3, fabricationThreshold: 0 });
    dpRunsMs.push(performance.now() - start);
  }
  const dpMedianMs = median(dpRunsMs);
  return {
    file: CTDC_FILE,
    records,
    distinctRows: histogram.rows.length,
    attributes: histogram.attributes.length,
    baselineMs,
    kAnonymityMs,
    dpRunsMs,
    dpMedianMs,
    dpMetrics: {
      sigmas: last!.aggregates.sigmas,
      releasedRecords: last!.releasedRecords,
      meanAbsoluteError: last!.marginalError,
      combinationsFabricated: last!.combinationsFabricated,
      valuesSuppressed: last!.valuesSuppressed,
    },
    verdict: Math.max(...dpRunsMs) <= RELEASE_TARGETS.maxDpMs ? 'met' : 'MISSED',
  };
}

export function formatReleasesReport(run: ReleasesRun): string {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const grid = formatGrid(
    ['step', 'time', 'vs baseline', 'note'],
    [
      ['baseline: real 1/2/3-way marginals', ms(run.baselineMs), '1.0×', ''],
      ['k-anonymity (k = 11, 5 QIs)', ms(run.kAnonymityMs), `${(run.kAnonymityMs / run.baselineMs).toFixed(1)}×`, ''],
      [
        `DP synthesis (ε = 4, L = 3), median of ${run.dpRunsMs.length}`,
        ms(run.dpMedianMs),
        `${(run.dpMedianMs / run.baselineMs).toFixed(1)}×`,
        `${run.verdict} (≤ ${RELEASE_TARGETS.maxDpMs / 1000} s; runs ${run.dpRunsMs.map((v) => v.toFixed(0)).join(', ')} ms)`,
      ],
    ],
  );
  const m = run.dpMetrics;
  const mae = m.meanAbsoluteError.map((v) => (v === null ? 'n/a' : v.toFixed(1))).join(' / ');
  return [
    `${run.file}: ${run.records.toLocaleString('en-US')} records, ${run.distinctRows} distinct rows over ${run.attributes} attributes`,
    grid,
    `DP release: ${m.releasedRecords} records; σ per length ${m.sigmas.map((s) => s.toFixed(1)).join(', ')}; ` +
      `MAE 1/2/3-way ${mae}; fabricated combinations ${m.combinationsFabricated}; values withheld ${m.valuesSuppressed}`,
  ].join('\n');
}
