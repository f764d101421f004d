import type { ActivityArea, listPartnersQuerySchema } from '@kinga/shared';
import { NATIONAL_COUNTY_CODE } from '@kinga/shared';
import type { Expression, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { afterCursor, containsText, decodeCursor, pageFrom } from '../../db/keyset.ts';
import type {
  AgencyFocalPersonTable,
  AgencyTable,
  CoordinationMembershipTable,
  PartnerPresenceTable,
} from '../../db/schema.ts';

export type AgencyRow = AgencyTable;
export type FocalPersonRow = AgencyFocalPersonTable;
export type MembershipRow = CoordinationMembershipTable;
export type PresenceRow = PartnerPresenceTable;

/** What a partner profile holds besides the agency row. */
export interface ProfileParts {
  focalPersons: FocalPersonRow[];
  memberships: MembershipRow[];
  presence: PresenceRow[];
}

type ListPartnersQuery = z.output<typeof listPartnersQuerySchema>;

/** One page of agencies by name, filtered by membership and by where they work. */
export async function listPartnerAgencies(db: Db, query: ListPartnersQuery) {
  let q = db
    .selectFrom('agencies')
    .selectAll('agencies')
    .where((eb) => {
      const and: Expression<SqlBool>[] = [];
      if (query.q) and.push(containsText(eb.ref('agencies.name_lower'), query.q));
      if (query.body) {
        and.push(
          eb.exists(
            eb
              .selectFrom('coordination_memberships')
              .select('coordination_memberships.id')
              .whereRef('coordination_memberships.agency_id', '=', 'agencies.id')
              .where('coordination_memberships.body', '=', query.body),
          ),
        );
      }
      if (query.area !== undefined || query.countyCode !== undefined) {
        let presence = eb
          .selectFrom('partner_presence')
          .select('partner_presence.agency_id')
          .whereRef('partner_presence.agency_id', '=', 'agencies.id');
        if (query.area !== undefined) presence = presence.where('partner_presence.area', '=', query.area);
        if (query.countyCode !== undefined) {
          // Work declared as national covers every county.
          presence = presence.where('partner_presence.county_code', 'in', [query.countyCode, NATIONAL_COUNTY_CODE]);
        }
        and.push(eb.exists(presence));
      }
      return eb.and(and);
    });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    q = q.where((eb) => afterCursor(eb, eb.ref('agencies.name_lower'), eb.ref('agencies.id'), cursor, 'asc'));
  }
  const rows = await q
    .orderBy('agencies.name_lower', 'asc')
    .orderBy('agencies.id', 'asc')
    .limit(query.limit + 1)
    .execute();
  return pageFrom(rows, query.limit, (r) => r.name_lower);
}

/** Focal persons, memberships and presence of the agencies, by agency id. */
export async function loadProfileParts(db: Db | Tx, agencyIds: readonly string[]): Promise<Map<string, ProfileParts>> {
  const parts = new Map<string, ProfileParts>(
    agencyIds.map((id) => [id, { focalPersons: [], memberships: [], presence: [] }]),
  );
  if (agencyIds.length === 0) return parts;
  const ids = [...agencyIds];
  const [focalPersons, memberships, presence] = await Promise.all([
    db
      .selectFrom('agency_focal_persons')
      .selectAll()
      .where('agency_id', 'in', ids)
      .orderBy('agency_id')
      .orderBy('position')
      .execute(),
    db.selectFrom('coordination_memberships').selectAll().where('agency_id', 'in', ids).orderBy('body').execute(),
    db
      .selectFrom('partner_presence')
      .selectAll()
      .where('agency_id', 'in', ids)
      .orderBy('area')
      .orderBy('county_code')
      .execute(),
  ]);
  for (const row of focalPersons) parts.get(row.agency_id)?.focalPersons.push(row);
  for (const row of memberships) parts.get(row.agency_id)?.memberships.push(row);
  for (const row of presence) parts.get(row.agency_id)?.presence.push(row);
  return parts;
}

export async function setMandate(trx: Tx, agencyId: string, mandate: string | null, now: string): Promise<void> {
  await trx.updateTable('agencies').set({ mandate, updated_at: now }).where('id', '=', agencyId).execute();
}

export async function replaceFocalPersons(trx: Tx, agencyId: string, rows: FocalPersonRow[]): Promise<void> {
  await trx.deleteFrom('agency_focal_persons').where('agency_id', '=', agencyId).execute();
  if (rows.length > 0) await trx.insertInto('agency_focal_persons').values(rows).execute();
}

export async function replaceMemberships(trx: Tx, agencyId: string, rows: MembershipRow[]): Promise<void> {
  await trx.deleteFrom('coordination_memberships').where('agency_id', '=', agencyId).execute();
  if (rows.length > 0) await trx.insertInto('coordination_memberships').values(rows).execute();
}

export async function replacePresence(trx: Tx, agencyId: string, rows: PresenceRow[]): Promise<void> {
  await trx.deleteFrom('partner_presence').where('agency_id', '=', agencyId).execute();
  // At most 15 areas × 47 counties × 3 values: chunked under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('partner_presence')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

// ---- the matrix ---------------------------------------------------------------------------

export interface PresenceCellRow {
  agency_id: string;
  agency_name: string;
  area: string;
  county_code: number;
}

/** Declared presence of active agencies, one row per agency, area and county (0 = national). */
export function listActivePresence(db: Db, area: ActivityArea | undefined): Promise<PresenceCellRow[]> {
  let q = db
    .selectFrom('partner_presence')
    .innerJoin('agencies', 'agencies.id', 'partner_presence.agency_id')
    .select([
      'partner_presence.agency_id',
      'agencies.name as agency_name',
      'partner_presence.area',
      'partner_presence.county_code',
    ])
    .where('agencies.status', '=', 'active');
  if (area !== undefined) q = q.where('partner_presence.area', '=', area);
  return q.orderBy('partner_presence.agency_id').orderBy('partner_presence.county_code').execute();
}

/** Activities of every plan's adopted version (the versions in force), as stored. */
export function listAdoptedActivities(db: Db): Promise<{ kind: string; data_json: string }[]> {
  return db
    .selectFrom('plan_elements')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_elements.version_id')
    .select(['plan_elements.kind', 'plan_elements.data_json'])
    .where('plan_versions.status', '=', 'adopted')
    .where('plan_elements.kind', '=', 'activity')
    .execute();
}

/** Names of those of the agencies that are active. */
export async function activeAgencyNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .where('status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
