import { compareMarginals, totalOf, type Histogram, type HistogramRow } from './histogram.ts';
import { COUNTRY_UN_REGION } from './country-regions.ts';

/**
 * k-anonymity by full-domain generalisation and suppression (pure, no I/O).
 *
 * Each quasi-identifier has a small hierarchy of levels (value → coarser category → withheld);
 * one level is chosen per quasi-identifier for the whole release (full-domain), the least
 * generalisation (lowest total level) whose suppression stays within `maxSuppression`, and
 * then every record whose class — its combination of quasi-identifier values — holds fewer
 * than k records is dropped. Every published class therefore holds at least k records.
 * Missing values stay missing at every level; "withheld" is published empty, like missing.
 */

export interface KAnonymityParams {
  k: number;
  quasiIdentifiers: readonly string[];
  /** Largest share of records that may be dropped (0..1). */
  maxSuppression: number;
}

interface Level {
  label: string;
  map: (value: string) => string | null;
}

const WITHHELD: Level = { label: 'withheld', map: () => null };
const KEEP: Level = { label: 'value', map: (value) => value };

const MINOR_BANDS = new Set(['0--8', '9--17']);

/** The hierarchy of each attribute, most detailed first; attributes not listed have value → withheld. */
export function hierarchyOf(attribute: string): readonly Level[] {
  switch (attribute) {
    case 'ageBroad':
      return [KEEP, { label: 'minor/adult', map: (v) => (MINOR_BANDS.has(v) ? 'Minor' : 'Adult') }, WITHHELD];
    case 'yearOfRegistration':
      return [
        KEEP,
        {
          label: '5-year span',
          map: (v) => {
            const year = Number(v);
            if (!Number.isInteger(year)) return null;
            const start = year - (((year % 5) + 5) % 5);
            return `${start}-${start + 4}`;
          },
        },
        WITHHELD,
      ];
    case 'citizenship':
    case 'CountryOfExploitation':
      return [KEEP, { label: 'UN region', map: (v) => COUNTRY_UN_REGION[v] ?? 'Other' }, WITHHELD];
    default:
      return [KEEP, WITHHELD];
  }
}

export interface KAnonymityResult {
  histogram: Histogram;
  /** The level chosen for each quasi-identifier (its label). */
  generalisation: Record<string, string>;
  realRecords: number;
  releasedRecords: number;
  recordsSuppressed: number;
  valuesGeneralised: number;
  valuesSuppressed: number;
  marginalError: [number | null, number | null, number | null];
}

/** Lattices larger than this are searched greedily instead of exhaustively. */
const EXHAUSTIVE_LIMIT = 4096;

export function kAnonymise(input: Histogram, params: KAnonymityParams): KAnonymityResult {
  const { k, maxSuppression } = params;
  const qiIndexes = params.quasiIdentifiers.map((qi) => {
    const index = input.attributes.indexOf(qi);
    if (index < 0) throw new Error(`Quasi-identifier ${qi} is not an attribute`);
    return index;
  });
  const hierarchies = qiIndexes.map((index) => hierarchyOf(input.attributes[index]!));
  const total = totalOf(input);

  // Generalised QI tuples are cached per level vector.
  const generaliseValue = (q: number, level: number, value: string | null) =>
    value === null ? null : hierarchies[q]![level]!.map(value);
  // Each row's generalised quasi-identifier values, as small integer codes per (QI, level), computed once.
  const codeTables = hierarchies.map((h) => h.map(() => new Map<string | null, number>()));
  const rowCodes = input.rows.map((row) =>
    qiIndexes.map((index, q) =>
      hierarchies[q]!.map((_, level) => {
        const value = generaliseValue(q, level, row.values[index] ?? null);
        const table = codeTables[q]![level]!;
        let code = table.get(value);
        if (code === undefined) {
          code = table.size;
          table.set(value, code);
        }
        return code;
      }),
    ),
  );
  const rowIndex = new Map(input.rows.map((row, i) => [row, i]));
  const classKey = (row: HistogramRow, levels: readonly number[]) => {
    const codes = rowCodes[rowIndex.get(row)!]!;
    let key = '';
    for (let q = 0; q < codes.length; q++) key += `${codes[q]![levels[q]!]},`;
    return key;
  };
  const suppressedAt = (levels: readonly number[]): number => {
    const classes = new Map<string, number>();
    for (const row of input.rows) {
      const key = classKey(row, levels);
      classes.set(key, (classes.get(key) ?? 0) + row.count);
    }
    let suppressed = 0;
    for (const count of classes.values()) if (count < k) suppressed += count;
    return suppressed;
  };
  const allowed = Math.floor(maxSuppression * total + 1e-9);
  const tops = hierarchies.map((h) => h.length - 1);
  const latticeSize = tops.reduce((size, top) => size * (top + 1), 1);

  let best: { levels: number[]; suppressed: number } | null = null;
  if (latticeSize <= EXHAUSTIVE_LIMIT) {
    const nodes: number[][] = [];
    const build = (prefix: number[]) => {
      if (prefix.length === tops.length) {
        nodes.push(prefix);
        return;
      }
      for (let level = 0; level <= tops[prefix.length]!; level++) build([...prefix, level]);
    };
    build([]);
    const height = (levels: number[]) => levels.reduce((sum, level) => sum + level, 0);
    nodes.sort((a, b) => height(a) - height(b));
    let bestHeight = Infinity;
    for (const levels of nodes) {
      if (height(levels) > bestHeight) break;
      const suppressed = suppressedAt(levels);
      if (suppressed > allowed) continue;
      if (!best || suppressed < best.suppressed) best = { levels, suppressed };
      bestHeight = height(levels);
    }
  } else {
    // Greedy (Datafly-like): raise the quasi-identifier whose generalisation suppresses least.
    const levels = tops.map(() => 0);
    let suppressed = suppressedAt(levels);
    while (suppressed > allowed && levels.some((level, q) => level < tops[q]!)) {
      let choice = -1;
      let choiceSuppressed = Infinity;
      levels.forEach((level, q) => {
        if (level >= tops[q]!) return;
        const trial = [...levels];
        trial[q] = level + 1;
        const s = suppressedAt(trial);
        if (s < choiceSuppressed) {
          choice = q;
          choiceSuppressed = s;
        }
      });
      levels[choice] = levels[choice]! + 1;
      suppressed = choiceSuppressed;
    }
    if (suppressed <= allowed) best = { levels, suppressed };
  }
  // Nothing within the allowance (fewer than k records in all): withhold everything.
  const levels = best?.levels ?? tops;

  const classes = new Map<string, number>();
  for (const row of input.rows) {
    const key = classKey(row, levels);
    classes.set(key, (classes.get(key) ?? 0) + row.count);
  }
  const merged = new Map<string, HistogramRow>();
  let valuesGeneralised = 0;
  let valuesSuppressed = 0;
  let released = 0;
  for (const row of input.rows) {
    if ((classes.get(classKey(row, levels)) ?? 0) < k) continue;
    const values = [...row.values];
    qiIndexes.forEach((index, q) => {
      const value = row.values[index] ?? null;
      if (value === null || levels[q] === 0) return;
      const generalised = generaliseValue(q, levels[q]!, value);
      values[index] = generalised;
      if (generalised === null) valuesSuppressed += row.count;
      else valuesGeneralised += row.count;
    });
    released += row.count;
    const key = JSON.stringify(values);
    const existing = merged.get(key);
    if (existing) existing.count += row.count;
    else merged.set(key, { values, count: row.count });
  }
  const histogram: Histogram = { attributes: input.attributes, rows: [...merged.values()] };
  const generalisation: Record<string, string> = {};
  params.quasiIdentifiers.forEach((qi, q) => {
    generalisation[qi] = hierarchies[q]![levels[q]!]!.label;
  });
  return {
    histogram,
    generalisation,
    realRecords: total,
    releasedRecords: released,
    recordsSuppressed: total - released,
    valuesGeneralised,
    valuesSuppressed,
    marginalError: compareMarginals(input, histogram, 3).meanAbsoluteError,
  };
}
