import {
  DASHBOARD_TABLES,
  GLOTIP_AGES,
  GLOTIP_CITIZENSHIPS,
  GLOTIP_FORMS,
  GLOTIP_SEXES,
  type GlotipCell,
  type GlotipDto,
  type GlotipQuery,
  type StatDashboardDto,
  type StatFilters,
  type StatTable,
} from '@kinga/shared';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Db, Tx } from '../../db/database.ts';
import { countryProfile } from '../../country.ts';
import { toCsv, type Column } from '../../lib/spreadsheet.ts';
import { protectForActor } from '../public-statistics/protection.ts';
import { glotipGroups } from './analytics.repository.ts';
import { countBy } from './stat-query.ts';

/** Id of the table that only carries the number of records (no dimension). */
const TOTAL_TABLE = 'total';

/**
 * Every table of the dashboard plus the total, exact. The queries are independent: on
 * PostgreSQL they run side by side on the pool; SQLite has one connection and runs them in turn.
 */
export async function dashboardTables(
  db: Db | Tx,
  filters: StatFilters,
): Promise<{ total: StatTable; tables: StatTable[] }> {
  const entries = Object.entries(DASHBOARD_TABLES);
  const [total, ...tables] = await Promise.all([
    countBy(db, filters, [], TOTAL_TABLE),
    ...entries.map(([id, dimensions]) => countBy(db, filters, dimensions, id)),
  ]);
  if (!total) throw new Error('The total is missing');
  return { total, tables };
}

/** The dashboard as the caller may see it: exact with case access, else cells below k suppressed. */
export async function readDashboard(
  ctx: AppContext,
  rc: RequestContext,
  filters: StatFilters,
): Promise<StatDashboardDto> {
  const { total, tables } = await dashboardTables(ctx.db, filters);
  const protectedTables = await protectForActor(ctx, rc.actor, [total, ...tables]);
  const [protectedTotal, ...rest] = protectedTables.tables;
  return { protection: protectedTables.protection, total: protectedTotal?.total ?? null, tables: rest };
}

/** The CTDC dimensions the GLOTIP categories are drawn from, in the order of a cell's keys. */
const GLOTIP_DIMENSIONS = ['year', 'gender', 'ageBand', 'citizenship', 'exploitation'] as const;

const FORM_COLUMNS = [
  ['SexualExploitation', 'sexual'],
  ['ForcedLabour', 'labour'],
  ['OtherForms', 'other'],
  ['Unknown', 'none'],
] as const satisfies readonly (readonly [GlotipCell['form'], string])[];

function rank<T extends string>(list: readonly T[], value: T): number {
  return list.indexOf(value);
}

function compareGlotip(a: GlotipCell, b: GlotipCell): number {
  return (
    a.year - b.year ||
    rank(GLOTIP_SEXES, a.sex) - rank(GLOTIP_SEXES, b.sex) ||
    rank(GLOTIP_AGES, a.age) - rank(GLOTIP_AGES, b.age) ||
    rank(GLOTIP_CITIZENSHIPS, a.citizenship) - rank(GLOTIP_CITIZENSHIPS, b.citizenship) ||
    rank(GLOTIP_FORMS, a.form) - rank(GLOTIP_FORMS, b.form)
  );
}

/**
 * Victims detected by year × sex × age group × citizenship × form of exploitation (UNODC
 * GLOTIP's breakdown), protected as the dashboard is. A victim with several forms counts in each.
 */
export async function readGlotip(ctx: AppContext, rc: RequestContext, query: GlotipQuery): Promise<GlotipDto> {
  const country = ctx.config.country;
  const groups = await glotipGroups(ctx.db, query, country);
  const cells: GlotipCell[] = [];
  let total = 0;
  for (const g of groups) {
    total += g.victims;
    for (const [form, column] of FORM_COLUMNS) {
      const count = g[column];
      if (count > 0) {
        cells.push({
          year: g.year,
          sex: g.sex as GlotipCell['sex'],
          age: g.age as GlotipCell['age'],
          citizenship: g.citizenship as GlotipCell['citizenship'],
          form,
          count,
        });
      }
    }
  }
  cells.sort(compareGlotip);
  // The five GLOTIP dimensions travel as one table, on its own, through the same protection. It
  // is linked to nothing: the form is multi-valued, so its cells add up to no published figure.
  const table: StatTable = {
    id: 'glotip',
    dimensions: GLOTIP_DIMENSIONS as unknown as StatTable['dimensions'],
    cells: cells.map((c) => ({ keys: [String(c.year), c.sex, c.age, c.citizenship, c.form], count: c.count })),
    total,
  };
  const result = await protectForActor(ctx, rc.actor, [table]);
  const protectedTable = result.tables[0];
  return {
    protection: result.protection,
    country,
    total: protectedTable ? protectedTable.total : null,
    cells: cells.map((c, i) => ({ ...c, count: protectedTable?.cells[i]?.count ?? null })),
  };
}

const GLOTIP_LABELS = {
  sex: { Female: 'Female', Male: 'Male', Unknown: 'Unknown' },
  age: { Child: '0 to 17 years', Adult: '18 years or over', Unknown: 'Unknown' },
  form: {
    SexualExploitation: 'Sexual exploitation',
    ForcedLabour: 'Forced labour',
    OtherForms: 'Other forms of exploitation',
    Unknown: 'Unknown',
  },
} as const;

/** The GLOTIP table as CSV, in UNODC's wording; a suppressed count reads `<k`. */
export async function glotipCsv(
  ctx: AppContext,
  rc: RequestContext,
  query: GlotipQuery,
): Promise<{ fileName: string; body: string }> {
  const dto = await readGlotip(ctx, rc, query);
  const countryName = countryProfile(dto.country).name;
  const citizenship = { National: countryName, Foreign: 'Foreign', Unknown: 'Unknown' } as const;
  const columns: Column<GlotipCell>[] = [
    { header: 'Year', value: (c) => c.year },
    { header: 'Sex', value: (c) => GLOTIP_LABELS.sex[c.sex] },
    { header: 'Age', value: (c) => GLOTIP_LABELS.age[c.age] },
    { header: 'Citizenship', value: (c) => citizenship[c.citizenship] },
    { header: 'Form of exploitation', value: (c) => GLOTIP_LABELS.form[c.form] },
    { header: 'Detected victims', value: (c) => c.count ?? `<${dto.protection.k}` },
  ];
  const period = [query.from, query.to].filter(Boolean).join('_') || 'all';
  return { fileName: `glotip-${dto.country}-${period}.csv`, body: toCsv(columns, dto.cells) };
}
