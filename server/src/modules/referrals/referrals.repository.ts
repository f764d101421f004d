import type { listReferralsQuerySchema, ReferralKind, ReferralStatus } from '@kinga/shared';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import type { Database, ReferralTable } from '../../db/schema.ts';
import { afterCursor, decodeCursor, pageFrom } from '../../db/keyset.ts';

export type ReferralRow = ReferralTable;

/** A referral with its case code, the parties' names and what the access check needs of the case. */
export interface ReferralListRow extends ReferralRow {
  case_code: string;
  case_owner_id: string | null;
  case_created_by: string;
  from_agency_name: string;
  to_agency_name: string;
  created_by_name: string;
  responded_by_name: string | null;
}

/**
 * Which referrals a list may return. A party sees what its agency sent (with the assigned case
 * scope, a worker only those of their own cases) and what was sent to it once the sender may
 * no longer hold it back (a transfer waiting for the sender's supervisor is not yet sent).
 */
export type ReferralScope =
  | { kind: 'party'; agencyId: string; direction?: 'incoming' | 'outgoing' | undefined; onlyUserId?: string }
  | { kind: 'all' }
  | { kind: 'none' };

export type ListReferralsQuery = z.output<typeof listReferralsQuerySchema> & { kind?: ReferralKind };

/** Statuses in which a referral still binds its parties. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['awaiting_approval', 'pending', 'accepted'];

function selectReferrals(db: Db | Tx) {
  return db
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .innerJoin('agencies as from_agency', 'from_agency.id', 'referrals.from_agency_id')
    .innerJoin('agencies as to_agency', 'to_agency.id', 'referrals.to_agency_id')
    .innerJoin('users as creator', 'creator.id', 'referrals.created_by')
    .leftJoin('users as responder', 'responder.id', 'referrals.responded_by')
    .selectAll('referrals')
    .select([
      'cases.code as case_code',
      'cases.owner_id as case_owner_id',
      'cases.created_by as case_created_by',
      'from_agency.name as from_agency_name',
      'to_agency.name as to_agency_name',
      'creator.name as created_by_name',
      'responder.name as responded_by_name',
    ]);
}

type ReferralExpressionBuilder = ExpressionBuilder<Database, 'referrals' | 'cases'>;

function scopeFilter(eb: ReferralExpressionBuilder, scope: ReferralScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'none':
      return sql<SqlBool>`1 = 0`;
    case 'party': {
      const outgoingAnd: Expression<SqlBool>[] = [eb('referrals.from_agency_id', '=', scope.agencyId)];
      if (scope.onlyUserId) {
        outgoingAnd.push(
          eb.or([eb('cases.owner_id', '=', scope.onlyUserId), eb('cases.created_by', '=', scope.onlyUserId)]),
        );
      }
      const outgoing = eb.and(outgoingAnd);
      const incoming = eb.and([
        eb('referrals.to_agency_id', '=', scope.agencyId),
        eb('referrals.status', '!=', 'awaiting_approval'),
      ]);
      if (scope.direction === 'incoming') return incoming;
      if (scope.direction === 'outgoing') return outgoing;
      return eb.or([outgoing, incoming]);
    }
  }
}

// Sort keys: a referral without an answer deadline (a transfer not yet approved) sorts last.
const SORT_EXPRESSIONS = {
  createdAt: sql<string>`referrals.created_at`,
  respondBy: sql<string>`coalesce(referrals.respond_by, '9999-12-31')`,
} as const;

/** One page of referrals in scope, filtered and in keyset order. */
export async function listReferrals(db: Db, scope: ReferralScope, query: ListReferralsQuery, now: string) {
  const sortExpr = SORT_EXPRESSIONS[query.sort];
  let q = selectReferrals(db)
    .select(sortExpr.as('sort_value'))
    .where((eb) => {
      const and: Expression<SqlBool>[] = [scopeFilter(eb, scope)];
      if (query.status) and.push(eb('referrals.status', '=', query.status));
      if (query.kind) and.push(eb('referrals.kind', '=', query.kind));
      if (query.caseCode) and.push(eb('cases.code', '=', query.caseCode));
      if (query.overdue !== undefined) {
        const overdue = eb.and([eb('referrals.status', '=', 'pending'), eb('referrals.respond_by', '<', now)]);
        and.push(query.overdue ? overdue : eb.not(overdue));
      }
      return eb.and(and);
    });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, sortExpr, eb.ref('referrals.id'), cursor, query.order));
  }
  const rows = await q
    .orderBy(sortExpr, query.order)
    .orderBy('referrals.id', query.order)
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.sort_value);
}

/** Every referral of one case, newest first. */
export function listCaseReferrals(db: Db | Tx, caseId: string): Promise<ReferralListRow[]> {
  return selectReferrals(db)
    .where('referrals.case_id', '=', caseId)
    .orderBy('referrals.created_at', 'desc')
    .orderBy('referrals.id', 'desc')
    .execute();
}

export function findReferral(db: Db | Tx, id: string): Promise<ReferralListRow | undefined> {
  return selectReferrals(db).where('referrals.id', '=', id).executeTakeFirst();
}

export async function insertReferral(trx: Tx, row: ReferralRow): Promise<void> {
  await trx.insertInto('referrals').values(row).execute();
}

/**
 * An open referral of the kind to the agency, or for a transfer to any agency: a case is
 * referred once per agency at a time, and transferred to one agency at a time.
 */
export async function hasOpenReferral(
  db: Db | Tx,
  caseId: string,
  kind: ReferralKind,
  toAgencyId: string,
): Promise<boolean> {
  let q = db
    .selectFrom('referrals')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('status', 'in', [...OPEN_STATUSES]);
  if (kind === 'referral') q = q.where('to_agency_id', '=', toAgencyId);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Moves a referral on from one of the expected statuses; false when it is no longer in one
 * (a concurrent answer got there first). The status condition makes the change race-free on
 * both engines without row locks.
 */
export async function transition(
  trx: Tx,
  id: string,
  from: readonly ReferralStatus[],
  patch: Partial<ReferralRow>,
): Promise<boolean> {
  const result = await trx
    .updateTable('referrals')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Hands a case to another agency, if it is still held by the sending one; false otherwise. */
export async function moveCase(
  trx: Tx,
  caseId: string,
  move: { fromAgencyId: string; toAgencyId: string; ownerId: string; now: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set({ agency_id: move.toAgencyId, owner_id: move.ownerId, updated_at: move.now })
    .where('id', '=', caseId)
    .where('agency_id', '=', move.fromAgencyId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
