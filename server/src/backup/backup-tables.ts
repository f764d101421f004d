import { sql } from 'kysely';
import type { Db, Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export type TableName = keyof Database;

export interface TableSpec {
  name: TableName;
  /** The primary key: rows are read and written in this order. */
  key: readonly string[];
  /**
   * `data` rows go into a backup; `transient` rows (sessions, throttling counters) do not
   * and are deleted on restore, which signs everyone out.
   */
  kind: 'data' | 'transient';
}

/**
 * Every table, parents before children (foreign-key order): a backup writes rows in this
 * order and a restore deletes in the reverse order. A module that adds a table adds it
 * here; a backup refuses to run while the database holds a table missing from this list.
 */
export const TABLES: readonly TableSpec[] = [
  { name: 'instance_settings', key: ['key'], kind: 'data' },
  { name: 'agencies', key: ['id'], kind: 'data' },
  { name: 'users', key: ['id'], kind: 'data' },
  { name: 'user_roles', key: ['user_id', 'role'], kind: 'data' },
  { name: 'recovery_codes', key: ['id'], kind: 'data' },
  { name: 'password_tokens', key: ['token_hash'], kind: 'data' },
  { name: 'sessions', key: ['id_hash'], kind: 'transient' },
  { name: 'throttles', key: ['key'], kind: 'transient' },
  { name: 'audit_events', key: ['seq'], kind: 'data' },
  { name: 'data_keys', key: ['id'], kind: 'data' },
  { name: 'case_sequences', key: ['year'], kind: 'data' },
  { name: 'cases', key: ['id'], kind: 'data' },
  { name: 'case_exploitation_types', key: ['case_id', 'type'], kind: 'data' },
  { name: 'case_events', key: ['id'], kind: 'data' },
  { name: 'screenings', key: ['id'], kind: 'data' },
  { name: 'consents', key: ['id'], kind: 'data' },
  { name: 'case_services', key: ['id'], kind: 'data' },
  { name: 'case_notes', key: ['id'], kind: 'data' },
  { name: 'case_attachments', key: ['id'], kind: 'data' },
  { name: 'referrals', key: ['id'], kind: 'data' },
  { name: 'agency_focal_persons', key: ['id'], kind: 'data' },
  { name: 'coordination_memberships', key: ['id'], kind: 'data' },
  { name: 'partner_presence', key: ['agency_id', 'area', 'county_code'], kind: 'data' },
  { name: 'plans', key: ['id'], kind: 'data' },
  { name: 'meetings', key: ['id'], kind: 'data' },
  { name: 'meeting_attendees', key: ['id'], kind: 'data' },
  { name: 'meeting_decisions', key: ['id'], kind: 'data' },
  { name: 'action_items', key: ['id'], kind: 'data' },
  { name: 'plan_versions', key: ['id'], kind: 'data' },
  { name: 'plan_version_steps', key: ['id'], kind: 'data' },
  { name: 'plan_elements', key: ['id'], kind: 'data' },
  { name: 'plan_comments', key: ['id'], kind: 'data' },
  { name: 'reporting_periods', key: ['id'], kind: 'data' },
  { name: 'progress_reports', key: ['id'], kind: 'data' },
  { name: 'progress_entries', key: ['report_id', 'activity_key'], kind: 'data' },
  { name: 'progress_evidence', key: ['id'], kind: 'data' },
  { name: 'indicator_actuals', key: ['id'], kind: 'data' },
  { name: 'imports', key: ['id'], kind: 'data' },
  { name: 'stat_records', key: ['id'], kind: 'data' },
  { name: 'releases', key: ['id'], kind: 'data' },
];

/** The tables whose rows a backup holds, in foreign-key order. */
export const BACKUP_TABLES: readonly TableSpec[] = TABLES.filter((t) => t.kind === 'data');

// Kysely's own bookkeeping: the migration list is in the backup header instead.
const MIGRATION_TABLES = new Set(['kinga_migrations', 'kinga_migrations_lock']);

/** Tables in the database that the list above does not know: data a backup would silently lose. */
export async function findUnlistedTables(db: Db, engine: Engine): Promise<string[]> {
  const query =
    engine === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite\_%' escape '\\'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
  const { rows } = await query.execute(db);
  const known = new Set<string>(TABLES.map((t) => t.name));
  return rows
    .map((r) => r.name)
    .filter((name) => !known.has(name) && !MIGRATION_TABLES.has(name))
    .sort();
}
