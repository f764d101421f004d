import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import type { Engine } from '../../src/db/database.ts';
import { createLogger } from '../../src/logger.ts';
import { createContext } from '../../src/server.ts';
import { databaseUrl, quoteIdent, withAdmin } from '../postgres.ts';

/**
 * An empty, migrated database of either engine with its own data folder, for tests that
 * need more than one database (backup → restore) or a real server process (crash test).
 * PostgreSQL databases are copied from the int-postgres template and carry the run's
 * prefix, so the global teardown drops any a crashed test left behind.
 */
export interface ScratchDatabase {
  engine: Engine;
  dataDir: string;
  /** The environment a server or CLI process needs to use this database. */
  env: Record<string, string>;
  /** Opens the database as the server does. */
  open(): Promise<AppContext>;
  drop(): Promise<void>;
}

/** Whether this run can make databases of the engine: SQLite always; PostgreSQL inside the int-postgres project when it is reachable. */
export function canCreate(engine: Engine): boolean {
  return engine === 'sqlite' || (process.env.KINGA_TEST_ENGINE === 'postgres' && inject('kingaPostgres') !== null);
}

export async function createScratchDatabase(
  engine: Engine,
  masterKey = randomBytes(32).toString('base64'),
): Promise<ScratchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-scratch-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    KINGA_DEMO: 'off',
    KINGA_MASTER_KEY: masterKey,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '4',
  };
  let dropPostgres = async () => {};
  if (engine === 'postgres') {
    const server = process.env.KINGA_TEST_ENGINE === 'postgres' ? inject('kingaPostgres') : null;
    if (!server) throw new Error('PostgreSQL is not available to this run');
    const name = `${server.prefix}scratch_${randomBytes(4).toString('hex')}`;
    await withAdmin(server.adminUrl, (c) =>
      c.query(`create database ${quoteIdent(name)} template ${quoteIdent(server.template)}`),
    );
    env.DATABASE_URL = databaseUrl(server.adminUrl, name);
    dropPostgres = async () => {
      await withAdmin(server.adminUrl, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
    };
  }
  return {
    engine,
    dataDir,
    env,
    open: () => {
      const config = loadConfig(env);
      return createContext(config, createLogger('silent'));
    },
    drop: async () => {
      await dropPostgres();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
