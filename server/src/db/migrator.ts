import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001-platform.ts';
import * as m0002 from './migrations/0002-cases.ts';
import * as m0003 from './migrations/0003-case-list-indexes.ts';
import * as m0004 from './migrations/0004-plans.ts';
import * as m0005 from './migrations/0005-analytics.ts';

/** Every migration, in order. Never edit one that has landed; add the next. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-platform': m0001,
  '0002-cases': m0002,
  '0003-case-list-indexes': m0003,
  '0004-plans': m0004,
  '0005-analytics': m0005,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

export interface MigrationReport {
  applied: string[];
}

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'kinga_migrations',
    migrationLockTableName: 'kinga_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
