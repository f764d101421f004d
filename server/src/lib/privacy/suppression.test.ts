import { STAT_EXPLOITATION, flagValues, type StatDimension, type StatTable } from '@kinga/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedUnknowns, protectTables } from './suppression.ts';

/** A synthetic de-identified record: two single-valued attributes, one multi-valued. */
interface TestRecord {
  gender: string | null;
  ageBand: string | null;
  citizenship: string | null;
  exploitation: number;
}

const recordArb: fc.Arbitrary<TestRecord> = fc.record({
  gender: fc.constantFrom('Female', 'Male', null),
  ageBand: fc.constantFrom('0-8', '9-17', '18-20', '21-23', null),
  citizenship: fc.constantFrom('KE', 'UG', 'TZ', 'ET', 'SO', null),
  exploitation: fc.integer({ min: 0, max: 2 ** STAT_EXPLOITATION.length - 1 }),
});

/** Keys of a record under a dimension: one for single-valued ones, each flag for exploitation. */
function keysOf(record: TestRecord, dimension: StatDimension): (string | null)[] {
  if (dimension === 'exploitation') {
    const values = flagValues(STAT_EXPLOITATION, record.exploitation);
    return values.length > 0 ? values : [null];
  }
  return [record[dimension as 'gender' | 'ageBand' | 'citizenship']];
}

/** What countBy answers, computed in memory: cells that occur, total = records. */
function tableOf(records: readonly TestRecord[], dimensions: StatDimension[]): StatTable {
  const counts = new Map<string, { keys: (string | null)[]; count: number }>();
  for (const record of records) {
    let combos: (string | null)[][] = [[]];
    for (const dimension of dimensions) {
      combos = combos.flatMap((prefix) => keysOf(record, dimension).map((key) => [...prefix, key]));
    }
    for (const keys of combos) {
      const id = JSON.stringify(keys);
      const cell = counts.get(id) ?? { keys, count: 0 };
      cell.count++;
      counts.set(id, cell);
    }
  }
  return { id: dimensions.join('_') || 'total', dimensions, cells: [...counts.values()], total: records.length };
}

const SINGLE: StatDimension[] = ['gender', 'ageBand', 'citizenship'];

/** Every published number: cells and totals. */
function publishedNumbers(tables: readonly StatTable[]): number[] {
  return tables.flatMap((t) => [...t.cells.map((c) => c.count), t.total]).filter((n): n is number => n !== null);
}

// --- An independent checker: exact rational rank, unrelated to the library's elimination. ---

class Fraction {
  constructor(
    readonly n: bigint,
    readonly d: bigint = 1n,
  ) {}
  static of(n: bigint, d: bigint): Fraction {
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n < 0n ? -n : n, d);
    return g > 1n ? new Fraction(n / g, d / g) : new Fraction(n, d);
  }
  sub(o: Fraction): Fraction {
    return Fraction.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Fraction): Fraction {
    return Fraction.of(this.n * o.n, this.d * o.d);
  }
  div(o: Fraction): Fraction {
    return Fraction.of(this.n * o.d, this.d * o.n);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
}
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function rank(rows: readonly (readonly number[])[]): number {
  const m = rows.map((r) => r.map((v) => new Fraction(BigInt(v))));
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && !row[c]!.isZero());
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![c]!.div(m[r]![c]!);
      m[i] = m[i]!.map((v, j) => v.sub(f.mul(m[r]![j]!)));
    }
    r++;
  }
  return r;
}

/**
 * For a two-way table a × b published with both margins and the total: the hidden figures
 * that the published ones determine. A hidden figure x is determined iff appending its unit
 * vector to the equations over hidden figures does not raise the rank.
 */
function determinedHidden(original: StatTable[], published: StatTable[]): string[] {
  const [two, rowsT, colsT] = original as [StatTable, StatTable, StatTable];
  const [pTwo, pRows, pCols] = published as [StatTable, StatTable, StatTable];
  const names: string[] = [];
  const hidden = new Map<string, number>();
  const note = (name: string, isHidden: boolean) => {
    if (isHidden && !hidden.has(name)) {
      hidden.set(name, names.length);
      names.push(name);
    }
  };
  two.cells.forEach((c, i) => note(`cell:${JSON.stringify(c.keys)}`, pTwo.cells[i]!.count === null));
  rowsT.cells.forEach((c, i) => note(`a:${JSON.stringify(c.keys[0])}`, pRows.cells[i]!.count === null));
  colsT.cells.forEach((c, i) => note(`b:${JSON.stringify(c.keys[0])}`, pCols.cells[i]!.count === null));
  note('total', pTwo.total === null);
  const equations: Map<string, number>[] = [];
  const rowKeys = new Set(two.cells.map((c) => JSON.stringify(c.keys[0])));
  const colKeys = new Set(two.cells.map((c) => JSON.stringify(c.keys[1])));
  for (const rk of rowKeys) {
    const e = new Map<string, number>([[`a:${rk}`, 1]]);
    for (const c of two.cells) if (JSON.stringify(c.keys[0]) === rk) e.set(`cell:${JSON.stringify(c.keys)}`, -1);
    equations.push(e);
  }
  for (const ck of colKeys) {
    const e = new Map<string, number>([[`b:${ck}`, 1]]);
    for (const c of two.cells) if (JSON.stringify(c.keys[1]) === ck) e.set(`cell:${JSON.stringify(c.keys)}`, -1);
    equations.push(e);
  }
  equations.push(
    new Map([['total', 1], ...two.cells.map((c) => [`cell:${JSON.stringify(c.keys)}`, -1] as [string, number])]),
  );
  equations.push(new Map([['total', 1], ...[...rowKeys].map((k) => [`a:${k}`, -1] as [string, number])]));
  equations.push(new Map([['total', 1], ...[...colKeys].map((k) => [`b:${k}`, -1] as [string, number])]));
  const matrix = equations.map((e) => names.map((name) => e.get(name) ?? 0)).filter((row) => row.some((v) => v !== 0));
  if (names.length === 0) return [];
  const base = rank(matrix);
  return names.filter((_, j) => rank([...matrix, names.map((__, i) => (i === j ? 1 : 0))]) === base);
}

/**
 * A second, independent checker for any set of linked tables: every figure is a sum over the
 * records' finest partition (atoms: one combination of every attribute), so a hidden figure
 * can be worked out iff its atom vector lies in the span of the published figures' vectors
 * (zeros and the cells a table leaves out included). Arithmetic modulo a prime keeps it fast.
 */
const PRIME = 1_000_003;
const DOMAINS = {
  gender: ['Female', 'Male', null],
  ageBand: ['0-8', '9-17', '18-20', '21-23', null],
  citizenship: ['KE', 'UG', 'TZ', 'ET', 'SO', null],
} as const;
const SMALL_MASKS = 8; // records of this checker use the first three forms of exploitation only

interface Atom {
  gender: string | null;
  ageBand: string | null;
  citizenship: string | null;
  exploitation: number;
}

const ATOMS: Atom[] = DOMAINS.gender.flatMap((gender) =>
  DOMAINS.ageBand.flatMap((ageBand) =>
    DOMAINS.citizenship.flatMap((citizenship) =>
      Array.from({ length: SMALL_MASKS }, (_, exploitation) => ({ gender, ageBand, citizenship, exploitation })),
    ),
  ),
);

function domainOf(dimension: StatDimension): readonly (string | null)[] {
  if (dimension === 'exploitation') return [...STAT_EXPLOITATION.slice(0, 3), null];
  return DOMAINS[dimension as keyof typeof DOMAINS];
}

function atomVector(dimensions: readonly StatDimension[], keys: readonly (string | null)[]): number[] {
  return ATOMS.map((atom) =>
    dimensions.every((dimension, i) => {
      const key = keys[i] ?? null;
      if (dimension !== 'exploitation') return atom[dimension as keyof typeof DOMAINS] === key;
      return key === null
        ? atom.exploitation === 0
        : (atom.exploitation & (2 ** STAT_EXPLOITATION.indexOf(key as never))) !== 0;
    })
      ? 1
      : 0,
  );
}

function modInverse(a: number): number {
  let [r0, r1, t0, t1] = [PRIME, ((a % PRIME) + PRIME) % PRIME, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return ((t0 % PRIME) + PRIME) % PRIME;
}

/** Reduced echelon basis (mod p) of the vectors, as rows with their pivot columns. */
function echelon(vectors: number[][]): { rows: number[][]; pivots: number[] } {
  const rows: number[][] = [];
  const pivots: number[] = [];
  for (const vector of vectors) {
    const v = reduce(vector, rows, pivots);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) continue;
    const inv = modInverse(v[pivot]!);
    rows.push(v.map((x) => (x * inv) % PRIME));
    pivots.push(pivot);
  }
  return { rows, pivots };
}

function reduce(vector: readonly number[], rows: number[][], pivots: number[]): number[] {
  const v = vector.map((x) => ((x % PRIME) + PRIME) % PRIME);
  rows.forEach((row, r) => {
    const factor = v[pivots[r]!]!;
    if (factor === 0) return;
    for (let c = 0; c < v.length; c++) v[c] = (v[c]! - ((factor * row[c]!) % PRIME) + PRIME) % PRIME;
  });
  return v;
}

/** Hidden figures (as "table:keys") whose atom vector the published figures span. */
function workedOut(published: readonly StatTable[]): string[] {
  const known: number[][] = [];
  const hidden: { name: string; vector: number[] }[] = [];
  for (const table of published) {
    const total = atomVector([], []);
    if (table.total === null) hidden.push({ name: `${table.id}:total`, vector: total });
    else known.push(total);
    const listed = new Set(table.cells.map((c) => JSON.stringify(c.keys)));
    for (const cell of table.cells) {
      const vector = atomVector(table.dimensions, cell.keys);
      if (cell.count === null) hidden.push({ name: `${table.id}:${JSON.stringify(cell.keys)}`, vector });
      else known.push(vector);
    }
    // A category a table leaves out is a published zero.
    let combos: (string | null)[][] = [[]];
    for (const dimension of table.dimensions) {
      combos = combos.flatMap((prefix) => domainOf(dimension).map((key) => [...prefix, key]));
    }
    for (const keys of combos) if (!listed.has(JSON.stringify(keys))) known.push(atomVector(table.dimensions, keys));
  }
  const { rows, pivots } = echelon(known);
  if (hidden.some((h) => h.vector.every((x) => x === 0))) throw new Error("A key outside the checker's domains");
  return hidden.filter((h) => reduce(h.vector, rows, pivots).every((x) => x === 0)).map((h) => h.name);
}

describe('protectTables', () => {
  it('hides small cells and small totals, publishes zeros, keeps large cells', () => {
    const table: StatTable = {
      id: 'gender',
      dimensions: ['gender'],
      total: 60,
      cells: [
        { keys: ['Female'], count: 40 },
        { keys: ['Male'], count: 17 },
        { keys: [null], count: 3 },
        { keys: ['TransgenderOrNonConforming'], count: 0 },
      ],
    };
    const { tables, suppressedCells } = protectTables([table], 11);
    // 3 is hidden; the next smallest part (17) is hidden too, or 3 = 60 - 40 - 17.
    expect(tables[0]!.cells.map((c) => c.count)).toEqual([40, null, null, 0]);
    expect(tables[0]!.total).toBe(60);
    expect(suppressedCells).toBe(2);
  });

  it('hides a total below k and every non-zero cell under it', () => {
    const table: StatTable = { id: 'total', dimensions: [], total: 4, cells: [{ keys: [], count: 4 }] };
    expect(protectTables([table], 11).tables[0]).toMatchObject({ total: null, cells: [{ count: null }] });
  });

  it('hides a figure everywhere it appears: a one-way cell is the margin of a two-way table', () => {
    const records: TestRecord[] = [
      ...Array.from({ length: 30 }, () => ({ gender: 'Female', ageBand: '18-20', citizenship: 'KE', exploitation: 1 })),
      ...Array.from({ length: 5 }, () => ({ gender: 'Male', ageBand: '18-20', citizenship: 'KE', exploitation: 1 })),
      ...Array.from({ length: 20 }, () => ({ gender: 'Female', ageBand: '0-8', citizenship: 'KE', exploitation: 2 })),
    ];
    const tables = [
      tableOf(records, ['gender', 'ageBand']),
      tableOf(records, ['gender']),
      tableOf(records, ['ageBand']),
    ];
    const out = protectTables(tables, 11).tables;
    // Male (5) is below k in the gender table and as the Male row of gender × ageBand.
    expect(out[1]!.cells.find((c) => c.keys[0] === 'Male')!.count).toBeNull();
    expect(out[0]!.cells.find((c) => c.keys[0] === 'Male')!.count).toBeNull();
    expect(determinedHidden(tables, out)).toEqual([]);
  });

  it('does not let hidden cells that must each be 1 through: zeros are published', () => {
    const cells = ['KE', 'UG', 'TZ', 'ET', 'SO', 'SD', 'ER', 'CD', 'BI', 'RW', 'SS'].map((c) => ({
      keys: [c],
      count: 1,
    }));
    const table: StatTable = { id: 'citizenship', dimensions: ['citizenship'], total: 11, cells };
    const out = protectTables([table], 11).tables[0]!;
    expect(out.cells.every((c) => c.count === null)).toBe(true);
    expect(out.total).toBeNull();
  });

  it('finds a hidden cell that only elimination shows: a bridge between two hidden rectangles', () => {
    // Small cells at rows 1-2 × columns 1-2, rows 3-4 × columns 3-4, and (2, 3): every row
    // and column has at least two hidden cells, yet (2, 3) = rows 1-2 hidden − columns 1-2 hidden.
    const rows = ['KE', 'UG', 'TZ', 'ET'];
    const cols = ['0-8', '9-17', '18-20', '21-23'];
    const small = new Set(['0,0', '0,1', '1,0', '1,1', '2,2', '2,3', '3,2', '3,3', '1,2']);
    const records: TestRecord[] = [];
    rows.forEach((citizenship, r) =>
      cols.forEach((ageBand, c) => {
        const n = small.has(`${r},${c}`) ? 3 : 50;
        for (let i = 0; i < n; i++) records.push({ gender: null, ageBand, citizenship, exploitation: 0 });
      }),
    );
    const original = [
      tableOf(records, ['citizenship', 'ageBand']),
      tableOf(records, ['citizenship']),
      tableOf(records, ['ageBand']),
    ];
    const { tables, suppressedCells } = protectTables(original, 11);
    expect(suppressedCells).toBeGreaterThan(small.size);
    expect(determinedHidden(original, tables)).toEqual([]);
    expect(workedOut(tables)).toEqual([]);
  });

  it('treats multi-valued dimensions as giving no equation of their own', () => {
    const table: StatTable = {
      id: 'exploitation',
      dimensions: ['exploitation'],
      total: 50,
      cells: [
        { keys: ['ForcedLabour'], count: 45 },
        { keys: ['SexualExploitation'], count: 4 },
        { keys: [null], count: 3 },
      ],
    };
    // 45 + 4 + 3 is not 50: records can have several forms, so only the small ones go.
    expect(protectTables([table], 11).tables[0]!.cells.map((c) => c.count)).toEqual([45, null, null]);
  });

  it('finds determined unknowns by elimination', () => {
    // x0 + x1 = c, x1 = d → both determined; x2 + x3 = e → neither.
    const rows = [
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 1],
    ];
    expect([...determinedUnknowns(rows, 4)].sort()).toEqual([0, 1]);
  });

  const kArb = fc.integer({ min: 2, max: 15 });
  const dimsArb = fc.constantFrom<StatDimension[]>(
    ['gender'],
    ['ageBand'],
    ['citizenship'],
    ['exploitation'],
    [],
    ['gender', 'ageBand'],
    ['citizenship', 'gender'],
    ['gender', 'exploitation'],
    ['exploitation', 'ageBand'],
  );

  it('property: no published cell or total is between 1 and k - 1', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 120 }),
        fc.uniqueArray(dimsArb, { minLength: 1, maxLength: 6, selector: (d) => d.join() }),
        kArb,
        (records, dimsList, k) => {
          const { tables } = protectTables(
            dimsList.map((dims) => tableOf(records, dims)),
            k,
          );
          for (const n of publishedNumbers(tables)) expect(n === 0 || n >= k).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: unsuppressed figures are published unchanged, and the shape is kept', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 120 }),
        fc.uniqueArray(dimsArb, { minLength: 1, maxLength: 6, selector: (d) => d.join() }),
        kArb,
        (records, dimsList, k) => {
          const input = dimsList.map((dims) => tableOf(records, dims));
          const { tables, suppressedCells } = protectTables(input, k);
          let nulls = 0;
          tables.forEach((table, t) => {
            expect(table.id).toBe(input[t]!.id);
            expect(table.dimensions).toEqual(input[t]!.dimensions);
            expect(table.cells.map((c) => c.keys)).toEqual(input[t]!.cells.map((c) => c.keys));
            if (table.total !== null) expect(table.total).toBe(input[t]!.total);
            table.cells.forEach((cell, c) => {
              if (cell.count === null) nulls++;
              else expect(cell.count).toBe(input[t]!.cells[c]!.count);
            });
          });
          expect(suppressedCells).toBe(nulls);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: no hidden figure of a two-way table with margins can be worked out', () => {
    const pairArb = fc
      .uniqueArray(fc.constantFrom(...SINGLE), { minLength: 2, maxLength: 2 })
      .map((d) => d as [StatDimension, StatDimension]);
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 150 }), pairArb, kArb, (records, [a, b], k) => {
        const original = [tableOf(records, [a, b]), tableOf(records, [a]), tableOf(records, [b])];
        const { tables } = protectTables(original, k);
        expect(determinedHidden(original, tables)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("property: no hidden figure of any set of linked tables can be worked out (checked on the records' atoms)", () => {
    const smallRecordArb = recordArb.map((r) => ({ ...r, exploitation: r.exploitation % SMALL_MASKS }));
    fc.assert(
      fc.property(
        fc.array(smallRecordArb, { maxLength: 150 }),
        fc.uniqueArray(dimsArb, { minLength: 1, maxLength: 6, selector: (d) => d.join() }),
        kArb,
        (records, dimsList, k) => {
          const { tables } = protectTables(
            dimsList.map((dims) => tableOf(records, dims)),
            k,
          );
          expect(workedOut(tables)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is fast enough to run per request on a dashboard-sized set of tables', () => {
    const records = fc.sample(recordArb, { numRuns: 3000, seed: 7 });
    const input = (
      [
        ['gender'],
        ['ageBand'],
        ['citizenship'],
        ['exploitation'],
        ['gender', 'ageBand'],
        ['citizenship', 'gender'],
        ['ageBand', 'citizenship'],
        ['gender', 'exploitation'],
      ] as StatDimension[][]
    ).map((dims) => tableOf(records.slice(0, 200), dims));
    const started = performance.now();
    protectTables(input, 11);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
