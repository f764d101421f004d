import { sql } from 'kysely';
import type { listUsersQuerySchema, Role } from '@kinga/shared';
import type { z } from 'zod';
import type { AgencyScope } from '../../access/access.ts';
import type { Db, Tx } from '../../db/database.ts';
import { hotQuery } from '../../db/hot-query.ts';
import { afterCursor, containsText, decodeCursor, pageFrom } from '../../db/keyset.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { UserTable } from '../../db/schema.ts';

export type UserRow = UserTable;
export type UserWithAgency = UserRow & { agency_name: string; roles: Role[] };

export interface NewUserFields {
  name: string;
  email: string;
  agencyId: string;
  language?: 'en' | 'sw';
  status?: 'active' | 'inactive';
  passwordHash?: string | null;
  mfaRequired?: boolean;
  isDemo?: boolean;
}

/** A new account row (no second factor yet); every path that creates accounts uses it. */
export function newUserRow(fields: NewUserFields, now = nowIso()): UserRow {
  return {
    id: newId(),
    name: fields.name,
    name_lower: fields.name.toLowerCase(),
    email: fields.email,
    agency_id: fields.agencyId,
    language: fields.language ?? 'en',
    status: fields.status ?? 'active',
    password_hash: fields.passwordHash ?? null,
    mfa_required: fields.mfaRequired ? 1 : 0,
    totp_secret_enc: null,
    totp_enabled: 0,
    totp_last_step: null,
    is_demo: fields.isDemo ? 1 : 0,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
  };
}

const SORT_EXPRESSIONS = {
  name: sql<string>`u.name_lower`,
  email: sql<string>`u.email`,
  createdAt: sql<string>`u.created_at`,
  lastSignInAt: sql<string>`coalesce(u.last_sign_in_at, '')`,
} as const;

/** Users the scope allows, filtered, sorted and paged by keyset. */
export async function listUsers(db: Db, scope: AgencyScope, query: z.output<typeof listUsersQuerySchema>) {
  if (scope.kind === 'none') return { rows: [], nextCursor: null };
  const sortExpr = SORT_EXPRESSIONS[query.sort];
  let q = db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .selectAll('u')
    .select(['a.name as agency_name', sortExpr.as('sort_value')]);
  if (scope.kind === 'agency') q = q.where('u.agency_id', '=', scope.agencyId);
  if (query.q) {
    const term = query.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('u.name_lower'), term), containsText(eb.ref('u.email'), term)]));
  }
  if (query.agencyId) q = q.where('u.agency_id', '=', query.agencyId);
  if (query.status) q = q.where('u.status', '=', query.status);
  if (query.role) {
    const role = query.role;
    q = q.where('u.id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role));
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, sortExpr, eb.ref('u.id'), cursor, query.order));
  }
  const rows = await q
    .orderBy(sortExpr, query.order)
    .orderBy('u.id', query.order)
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, (r) => r.sort_value);
  const roles = await findRoles(
    db,
    page.rows.map((r) => r.id),
  );
  return {
    rows: page.rows.map(({ sort_value: _sortValue, ...r }) => ({ ...r, roles: roles.get(r.id) ?? [] })),
    nextCursor: page.nextCursor,
  };
}

async function findRoles(db: Db | Tx, userIds: string[]): Promise<Map<string, Role[]>> {
  const byUser = new Map<string, Role[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push(r.role as Role);
    byUser.set(r.user_id, list);
  }
  return byUser;
}

const selectUserWithRoles = hotQuery('user.findWithRoles', (db, id: string) =>
  db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .leftJoin('user_roles as r', 'r.user_id', 'u.id')
    .selectAll('u')
    .select(['a.name as agency_name', 'r.role'])
    .where('u.id', '=', id)
    .orderBy('r.role'),
);

/** One account with its agency's name and its roles, in one query. */
export async function findUser(db: Db | Tx, id: string): Promise<UserWithAgency | undefined> {
  const rows = await selectUserWithRoles(db, id);
  const first = rows[0];
  if (!first) return undefined;
  const { role: _role, ...user } = first;
  return { ...user, roles: rows.flatMap((r) => (r.role ? [r.role as Role] : [])) };
}

export function findUserByEmail(db: Db | Tx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function isEmailTaken(db: Db | Tx, email: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('users').select('id').where('email', '=', email);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertUser(trx: Tx, row: UserRow, roles: readonly Role[]): Promise<void> {
  await trx.insertInto('users').values(row).execute();
  await replaceRoles(trx, row.id, roles);
}

export async function updateUser(trx: Tx | Db, id: string, patch: Partial<UserRow>): Promise<void> {
  await trx.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function replaceRoles(trx: Tx, userId: string, roles: readonly Role[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await trx
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function deleteRecoveryCodes(trx: Tx, userId: string): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function findAgencyName(
  db: Db | Tx,
  agencyId: string,
): Promise<{ name: string; status: string } | undefined> {
  return db.selectFrom('agencies').select(['name', 'status']).where('id', '=', agencyId).executeTakeFirst();
}
