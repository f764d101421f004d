import { createHmac } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { appendAudit, verifyAuditChain, type AuditVerification } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Db, Tx } from '../db/database.ts';
import { nowIso } from '../db/ids.ts';
import type { Keyring } from '../secrets/master-key.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  encodeFooter,
  encodeHeader,
  encodeRow,
  openBackup,
  writeBackupFile,
  type BackupHeader,
  type BackupRow,
} from './backup-format.ts';
import { BACKUP_TABLES, findUnlistedTables, TABLES, type TableSpec } from './backup-tables.ts';

export type BackupDeps = Pick<AppContext, 'db' | 'engine' | 'keyring' | 'version'>;

export interface BackupSummary {
  file: string;
  bytes: number;
  header: BackupHeader;
  rows: Record<string, number>;
}

export interface RestoreSummary {
  header: BackupHeader;
  rows: Record<string, number>;
  /** Rows deleted from the database before restoring (only with force). */
  replaced: boolean;
  audit: AuditVerification;
}

export interface RestoreOptions {
  /** Replace the rows of a database that is not empty. */
  force?: boolean;
  /** Restore even though the master key in place is not the one the backup was made with. */
  allowKeyMismatch?: boolean;
}

const READ_PAGE_ROWS = 1000;
// Keeps every insert statement well under SQLite's bound-parameter limit.
const INSERT_MAX_PARAMS = 5000;

/**
 * Writes every data table to `file` from one consistent snapshot: one read transaction on
 * SQLite, a read-only REPEATABLE READ transaction on PostgreSQL, so rows committed while the
 * backup runs are either all in it or all out. Sessions and throttling counters are left out.
 */
export async function createBackup(deps: BackupDeps, file: string): Promise<BackupSummary> {
  const unlisted = await findUnlistedTables(deps.db, deps.engine);
  if (unlisted.length > 0) {
    throw new BackupError(
      `The database holds tables the backup does not know (${unlisted.join(', ')}); add them to server/src/backup/backup-tables.ts`,
    );
  }
  const rows: Record<string, number> = {};
  let header: BackupHeader | undefined;
  const bytes = await inReadSnapshot(deps, async (trx) => {
    // The first read fixes the snapshot; the migration list comes from the same one.
    header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: nowIso(),
      engine: deps.engine,
      kingaVersion: deps.version,
      migrations: await readAppliedMigrations(trx),
      tables: BACKUP_TABLES.map((t) => t.name),
      masterKeyCheck: masterKeyCheck(deps.keyring),
    };
    return writeBackupFile(file, backupLines(trx, header, rows));
  });
  if (!header) throw new Error('backup header missing');
  return { file, bytes, header, rows };
}

/**
 * Runs `fn` in one read-only snapshot. On SQLite a DEFERRED transaction, so a backup taken beside a
 * running server holds no write lock (Kinga's own transactions begin IMMEDIATE, decision 002).
 */
async function inReadSnapshot<T>(deps: BackupDeps, fn: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  if (deps.engine === 'postgres') {
    return deps.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
  }
  return deps.db.connection().execute(async (connection) => {
    await sql`begin deferred`.execute(connection);
    try {
      const result = await fn(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

type Snapshot = Tx | Db;

async function* backupLines(
  trx: Snapshot,
  header: BackupHeader,
  counts: Record<string, number>,
): AsyncGenerator<string> {
  yield encodeHeader(header);
  for (const table of BACKUP_TABLES) {
    let count = 0;
    for await (const row of readTable(trx, table)) {
      count += 1;
      yield encodeRow(table.name, row);
    }
    counts[table.name] = count;
  }
  yield encodeFooter(counts);
}

/** Reads a table a page at a time in primary-key order, so memory stays flat on large tables. */
async function* readTable(trx: Snapshot, table: TableSpec): AsyncGenerator<Record<string, unknown>> {
  const keyColumns = sql.join(table.key.map((c) => sql.ref(c)));
  let after: unknown[] | undefined;
  for (;;) {
    const where = after ? sql`where (${keyColumns}) > (${sql.join(after)})` : sql``;
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table.name)} ${where} order by ${keyColumns} limit ${sql.lit(READ_PAGE_ROWS)}`.execute(
      trx,
    );
    for (const row of rows) yield row;
    if (rows.length < READ_PAGE_ROWS) return;
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = table.key.map((c) => last[c]);
  }
}

async function readAppliedMigrations(db: Tx | BackupDeps['db']): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kinga_migrations order by name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * A value derived from the master key that identifies it without revealing it, so a restore
 * can tell the operator that encrypted fields would be unreadable with the key in place.
 */
export function masterKeyCheck(keyring: Keyring): string {
  return createHmac('sha256', keyring.key('backup:key-check')).update('kinga-backup').digest('hex').slice(0, 16);
}

/**
 * Restores a backup in ONE transaction: checks the header, refuses a database that holds
 * rows unless `force` (then deletes them, children first), inserts every row, records
 * `cli.restore` on the restored audit chain, and commits; any failure changes nothing.
 * The chain is verified after the commit.
 */
export async function restoreBackup(
  deps: BackupDeps,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const reader = await openBackup(file);
  const { header } = reader;
  await checkCompatible(deps, header);
  if (header.masterKeyCheck && header.masterKeyCheck !== masterKeyCheck(deps.keyring) && !options.allowKeyMismatch) {
    throw new BackupError(
      "The master key in place is not the one this backup was made with: encrypted fields (victims' identifying details, two-factor secrets) would be unreadable and the server would not start. " +
        'Put the original key in KINGA_MASTER_KEY or DATA_DIR/master.key, or pass --allow-key-mismatch to restore anyway.',
    );
  }
  let replaced = false;
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (deps.engine === 'postgres') {
        // Servers still running against this database wait instead of writing into a half-restored one.
        await sql`lock table ${sql.join(TABLES.map((t) => sql.table(t.name)))} in access exclusive mode`.execute(trx);
      }
      // Opening a database creates its first data keys: they alone do not make it "not empty".
      // The backup brings the data keys its rows were sealed with, so those in place go.
      const occupied = (await findOccupiedTables(trx)).filter((t) => t !== 'data_keys');
      if (occupied.length > 0) {
        if (!options.force) {
          throw new BackupError(
            `The database is not empty (rows in ${occupied.join(', ')}); pass --force to replace everything in it`,
          );
        }
        for (const table of [...TABLES].reverse()) await sql`delete from ${sql.table(table.name)}`.execute(trx);
        replaced = true;
      } else {
        await sql`delete from data_keys`.execute(trx);
      }
      await insertRows(trx, reader.rows());
      await appendAudit(trx, deps.engine, [{ action: 'cli.restore', outcome: 'success', entityType: 'instance' }]);
    });
  } catch (error) {
    if (error instanceof BackupError) throw new BackupError(`${error.message}. Nothing was changed.`);
    throw new BackupError(
      `The restore failed and changed nothing: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const audit = await verifyAuditChain(deps.db);
  return { header, rows: Object.fromEntries(header.tables.map((t) => [t, reader.counts[t] ?? 0])), replaced, audit };
}

async function checkCompatible(deps: BackupDeps, header: BackupHeader): Promise<void> {
  const applied = await readAppliedMigrations(deps.db);
  const unknown = header.migrations.filter((m) => !applied.includes(m));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup was made by a newer Kinga (migrations ${unknown.join(', ')} are unknown here); upgrade Kinga first`,
    );
  }
  const missing = applied.filter((m) => !header.migrations.includes(m));
  if (missing.length > 0) {
    throw new BackupError(
      `The backup was made before migrations ${missing.join(', ')}; restore it with the Kinga version that made it (${header.kingaVersion ?? 'unknown'}), then upgrade`,
    );
  }
  const expected = BACKUP_TABLES.map((t) => t.name);
  if (header.tables.join(',') !== expected.join(',')) {
    throw new BackupError(
      `The backup's tables (${header.tables.join(', ')}) do not match this Kinga's (${expected.join(', ')})`,
    );
  }
  const unlisted = await findUnlistedTables(deps.db, deps.engine);
  if (unlisted.length > 0)
    throw new BackupError(`The database holds tables the backup does not know (${unlisted.join(', ')})`);
}

async function findOccupiedTables(trx: Tx): Promise<string[]> {
  const occupied: string[] = [];
  for (const table of TABLES) {
    const { rows } = await sql`select 1 as one from ${sql.table(table.name)} limit 1`.execute(trx);
    if (rows.length > 0) occupied.push(table.name);
  }
  return occupied;
}

async function insertRows(trx: Tx, records: AsyncIterable<{ table: string; row: BackupRow }>): Promise<void> {
  let table = '';
  let columns: string[] = [];
  let batch: BackupRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await insertBatch(trx, table, columns, batch);
    batch = [];
  };
  for await (const record of records) {
    if (record.table !== table) {
      await flush();
      table = record.table;
      columns = Object.keys(record.row);
    }
    const rowColumns = Object.keys(record.row);
    if (rowColumns.length !== columns.length || rowColumns.some((c) => !columns.includes(c))) {
      throw new BackupError(`A row of ${table} has different columns from the others: the file is corrupt`);
    }
    batch.push(record.row);
    if ((batch.length + 1) * columns.length > INSERT_MAX_PARAMS) await flush();
  }
  await flush();
}

function insertBatch(trx: Tx, table: string, columns: string[], rows: BackupRow[]) {
  const values: RawBuilder<unknown>[] = rows.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`);
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(
    trx,
  );
}
