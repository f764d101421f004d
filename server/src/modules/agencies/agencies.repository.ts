import type { listAgenciesQuerySchema } from '@kinga/shared';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { afterCursor, containsText, decodeCursor, pageFrom } from '../../db/keyset.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { AgencyTable } from '../../db/schema.ts';

export type AgencyRow = AgencyTable;

export interface NewAgencyFields {
  name: string;
  type: string;
  countyCode?: number | null | undefined;
  contactEmail?: string | null | undefined;
  contactPhone?: string | null | undefined;
  address?: string | null | undefined;
  status?: 'active' | 'inactive';
}

/** A new agency row with its key, search column and times; every path that creates agencies uses it. */
export function newAgencyRow(fields: NewAgencyFields, now = nowIso()): AgencyRow {
  return {
    id: newId(),
    name: fields.name,
    name_lower: fields.name.toLowerCase(),
    type: fields.type,
    county_code: fields.countyCode ?? null,
    contact_email: fields.contactEmail ?? null,
    contact_phone: fields.contactPhone ?? null,
    address: fields.address ?? null,
    mandate: null,
    status: fields.status ?? 'active',
    created_at: now,
    updated_at: now,
  };
}

const SORT_COLUMNS = { name: 'name_lower', type: 'type', createdAt: 'created_at' } as const;

type ParsedListQuery = z.output<typeof listAgenciesQuerySchema>;

/** The agency directory is open to every signed-in role, so listing takes no agency scope. */
export async function listAgencies(db: Db, query: ParsedListQuery) {
  const sortColumn = SORT_COLUMNS[query.sort];
  let q = db.selectFrom('agencies').selectAll();
  if (query.q) q = q.where((eb) => containsText(eb.ref('name_lower'), query.q ?? ''));
  if (query.type) q = q.where('type', '=', query.type);
  if (query.countyCode) q = q.where('county_code', '=', query.countyCode);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, eb.ref(sortColumn), eb.ref('id'), cursor, query.order));
  }
  const rows = await q
    .orderBy(sortColumn, query.order)
    .orderBy('id', query.order)
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r[sortColumn]);
}

export function findAgency(db: Db | Tx, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isAgencyNameTaken(db: Db | Tx, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('agencies').select('id').where('name_lower', '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertAgency(trx: Tx | Db, row: AgencyRow): Promise<void> {
  await trx.insertInto('agencies').values(row).execute();
}

export async function updateAgency(trx: Tx, id: string, patch: Partial<AgencyRow>): Promise<void> {
  await trx.updateTable('agencies').set(patch).where('id', '=', id).execute();
}

/** Ends the sessions of an agency's users, when the agency is deactivated. */
export async function deleteAgencySessions(trx: Tx, agencyId: string): Promise<void> {
  await trx
    .deleteFrom('sessions')
    .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('agency_id', '=', agencyId))
    .execute();
}
