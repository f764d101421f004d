import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** The SQLite file, when the engine is SQLite. */
  sqliteFile?: string;
  /** The raw better-sqlite3 connection, for integrity checks and backups. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

// PostgreSQL answers bigint and count() as strings; every such value here fits a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens the configured database: PostgreSQL when a URL is given, else SQLite in the data folder. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return openSqlite(path.join(options.dataDir, 'kinga.db'));
}

/** Opens a SQLite file with the durability settings Kinga relies on. */
export function openSqlite(file: string): DatabaseHandle {
  // The file holds personal data: owner-only, whatever the umask. SQLite gives its -wal and -shm files the same mode.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a transaction acknowledged to a client survives power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    engine: 'sqlite',
    sqliteFile: file,
    sqlite,
    close: async () => {
      await db.destroy();
    },
  };
}

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to report per client.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/**
 * Kysely prepares every SQLite statement anew; caching prepared statements by SQL text
 * roughly halves the cost of a key read (docs/decisions/002). Transactions begin IMMEDIATE.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const maxEntries = 500;
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (text: string) => {
          // Kysely opens transactions with a deferred BEGIN. Taking the write lock up front means a
          // transaction waits (busy_timeout) for another process's writer instead of failing with
          // SQLITE_BUSY when it later upgrades a stale read snapshot (a CLI command beside the server).
          const sql = text === 'begin' ? 'begin immediate' : text;
          let statement = cache.get(sql);
          if (!statement) {
            statement = target.prepare(sql);
            if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
            cache.set(sql, statement);
          }
          return statement;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
