import type { ListCasesQuery } from '@kinga/shared';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { CaseEventTable, CaseTable, Database } from '../../db/schema.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';

export type CaseRow = CaseTable;

/** Which cases a list may return: one agency's (optionally only one worker's), or every registered one. */
export type CaseListScope =
  { kind: 'agency'; agencyId: string; onlyUserId?: string } | { kind: 'all-registered' } | { kind: 'none' };

export interface CaseListRow extends CaseRow {
  agency_name: string;
  owner_name: string | null;
}

/** What a list row shows (cases.presenter.ts): picklist columns only, never the sealed ones. */
export const CASE_LIST_COLUMNS = [
  'id',
  'code',
  'agency_id',
  'owner_id',
  'draft',
  'status',
  'trafficking_status',
  'gender',
  'age_band',
  'county_code',
  'exploitation_types',
  'follow_up_at',
  'closure_requested_at',
  'closure_approved_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof CaseRow)[];
export type CaseListItemRow = Pick<CaseRow, (typeof CASE_LIST_COLUMNS)[number]> & {
  agency_name: string;
  owner_name: string | null;
};

/** Issues the next case number of a year; the row lock of the upsert serialises concurrent intakes. */
export async function nextCaseNumber(trx: Tx, year: number): Promise<number> {
  const row = await trx
    .insertInto('case_sequences')
    .values({ year, last_value: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({ last_value: eb(eb.ref('case_sequences.last_value'), '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export function formatCaseCode(country: string, year: number, n: number): string {
  return `${country}-${year}-${String(n).padStart(6, '0')}`;
}

export function findCaseByCode(db: Db | Tx, code: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCase(trx: Tx, row: CaseRow, exploitationTypes: readonly string[]): Promise<void> {
  await trx.insertInto('cases').values(row).execute();
  await replaceExploitationTypes(trx, row.id, exploitationTypes);
}

export async function updateCase(trx: Tx, id: string, patch: Partial<CaseRow>): Promise<void> {
  await trx.updateTable('cases').set(patch).where('id', '=', id).execute();
}

/** The exploitation types of a case, also kept as rows so a list can filter on one with an index. */
export async function replaceExploitationTypes(trx: Tx, caseId: string, types: readonly string[]): Promise<void> {
  await trx.deleteFrom('case_exploitation_types').where('case_id', '=', caseId).execute();
  if (types.length) {
    await trx
      .insertInto('case_exploitation_types')
      .values(types.map((type) => ({ case_id: caseId, type })))
      .execute();
  }
}

/** The determination state of the case's latest screening, or null before any screening. */
export async function latestDetermination(db: Db | Tx, caseId: string): Promise<string | null> {
  const latest = await db
    .selectFrom('screenings')
    .select('determination_state')
    .where('case_id', '=', caseId)
    .orderBy('screened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest?.determination_state ?? null;
}

export function listEvents(db: Db | Tx, caseId: string): Promise<CaseEventTable[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
}

export async function replaceEvents(trx: Tx, caseId: string, events: readonly CaseEventTable[]): Promise<void> {
  await trx.deleteFrom('case_events').where('case_id', '=', caseId).execute();
  if (events.length)
    await trx
      .insertInto('case_events')
      .values([...events])
      .execute();
}

/** Agency and owner names for presenting one case. */
export async function caseNames(
  db: Db | Tx,
  row: CaseRow,
): Promise<{ agency_name: string; owner_name: string | null }> {
  const agency = await db.selectFrom('agencies').select('name').where('id', '=', row.agency_id).executeTakeFirst();
  const owner = row.owner_id
    ? await db.selectFrom('users').select('name').where('id', '=', row.owner_id).executeTakeFirst()
    : undefined;
  return { agency_name: agency?.name ?? '', owner_name: owner?.name ?? null };
}

export function userName(db: Db | Tx, id: string | null): Promise<string | null> {
  if (!id) return Promise.resolve(null);
  return db
    .selectFrom('users')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst()
    .then((u) => u?.name ?? null);
}

// Sort keys: nullable follow-up dates sort last in either direction through a sentinel.
const SORT_EXPRESSIONS = {
  createdAt: sql<string>`cases.created_at`,
  code: sql<string>`cases.code`,
  followUpAt: sql<string>`coalesce(cases.follow_up_at, '9999-12-31')`,
  status: sql<string>`cases.status`,
} as const;

type CaseFilters = Omit<ListCasesQuery, 'limit' | 'cursor' | 'sort' | 'order'> & {
  /** Blind-index match on one identifier (search). */
  blind?: { column: 'bi_name' | 'bi_birth_date' | 'bi_identity_number' | 'bi_phone' | 'bi_email'; index: string };
};

/** Open statuses: closed cases have no follow-up to miss. */
const OPEN_STATUSES = ['Active', 'FollowUp'];

function applyFilters(
  eb: ExpressionBuilder<Database & { cases: CaseTable }, 'cases'>,
  scope: CaseListScope,
  f: CaseFilters,
  actorId: string,
  today: string,
): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [];
  switch (scope.kind) {
    case 'agency':
      and.push(eb('cases.agency_id', '=', scope.agencyId));
      if (scope.onlyUserId) {
        and.push(eb.or([eb('cases.owner_id', '=', scope.onlyUserId), eb('cases.created_by', '=', scope.onlyUserId)]));
      }
      break;
    case 'all-registered':
      and.push(eb('cases.draft', '=', 0));
      break;
    case 'none':
      and.push(sql<SqlBool>`1 = 0`);
  }
  if (f.q) and.push(eb('cases.code', 'like', `${f.q.toUpperCase()}%`));
  if (f.status) and.push(eb('cases.status', '=', f.status));
  if (f.draft !== undefined) and.push(eb('cases.draft', '=', f.draft ? 1 : 0));
  if (f.ownerId) and.push(eb('cases.owner_id', '=', f.ownerId));
  if (f.mine) and.push(eb('cases.owner_id', '=', actorId));
  if (f.countyCode) and.push(eb('cases.county_code', '=', f.countyCode));
  if (f.traffickingStatus) and.push(eb('cases.trafficking_status', '=', f.traffickingStatus));
  if (f.createdFrom) and.push(eb('cases.created_at', '>=', f.createdFrom));
  // The end date is inclusive: everything before the next day.
  if (f.createdTo) and.push(eb('cases.created_at', '<', `${f.createdTo}T24`));
  if (f.exploitationType) {
    const type = f.exploitationType;
    and.push(
      eb.exists(
        eb
          .selectFrom('case_exploitation_types as cet')
          .select('cet.case_id')
          .whereRef('cet.case_id', '=', 'cases.id')
          .where('cet.type', '=', type),
      ),
    );
  }
  if (f.followUpOverdue !== undefined) {
    // On the sort expression: the follow-up index serves the range, and a case without a date
    // is plainly not overdue (NOT over a NULL comparison would leave it out of both lists).
    const overdue = eb.and([eb(SORT_EXPRESSIONS.followUpAt, '<', today), eb('cases.status', 'in', OPEN_STATUSES)]);
    and.push(f.followUpOverdue ? overdue : eb.not(overdue));
  }
  if (f.closureRequested !== undefined) {
    const requested = eb.and([
      eb('cases.closure_requested_at', 'is not', null),
      eb('cases.closure_approved_at', 'is', null),
    ]);
    and.push(f.closureRequested ? requested : eb.not(requested));
  }
  if (f.blind) and.push(eb(`cases.${f.blind.column}`, '=', f.blind.index));
  return eb.and(and);
}

/** One page of cases in scope, filtered and in keyset order, with agency and owner names. */
export async function listCases(
  db: Db,
  scope: CaseListScope,
  query: ListCasesQuery & CaseFilters,
  actorId: string,
  today: string,
) {
  const sortExpr = SORT_EXPRESSIONS[query.sort];
  let q = db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agency_id')
    .leftJoin('users as owner', 'owner.id', 'cases.owner_id')
    .select(CASE_LIST_COLUMNS.map((c) => `cases.${c}` as const))
    .select(['agencies.name as agency_name', 'owner.name as owner_name', sortExpr.as('sort_value')])
    .where((eb) => applyFilters(eb, scope, query, actorId, today));
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, sortExpr, eb.ref('cases.id'), cursor, query.order));
  }
  const rows = await q
    .orderBy(sortExpr, query.order)
    .orderBy('cases.id', query.order)
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.sort_value);
}

/** Possible duplicates: same normalised name, and the same birth date or age band, sex and citizenship when known. */
export function findPossibleDuplicates(
  db: Db,
  match: {
    biName: string;
    biBirthDate: string | null;
    ageBand: string | null;
    gender: string | null;
    citizenship: string | null;
    exceptCode?: string | undefined;
  },
) {
  return db
    .selectFrom('cases')
    .select(['id', 'code', 'status', 'agency_id', 'owner_id', 'created_by', 'draft', 'created_at'])
    .where('bi_name', '=', match.biName)
    .where((eb) => {
      const and: Expression<SqlBool>[] = [];
      if (match.gender) and.push(eb.or([eb('gender', '=', match.gender), eb('gender', 'is', null)]));
      if (match.citizenship) {
        and.push(eb.or([eb('citizenship', '=', match.citizenship), eb('citizenship', 'is', null)]));
      }
      const age: Expression<SqlBool>[] = [];
      if (match.biBirthDate) age.push(eb('bi_birth_date', '=', match.biBirthDate));
      if (match.ageBand) age.push(eb('age_band', '=', match.ageBand));
      if (age.length) and.push(eb.or([...age, eb.and([eb('bi_birth_date', 'is', null), eb('age_band', 'is', null)])]));
      if (match.exceptCode) and.push(eb('code', '!=', match.exceptCode));
      return eb.and(and);
    })
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}
