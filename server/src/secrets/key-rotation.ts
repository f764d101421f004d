import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle, Tx } from '../db/database.ts';
import { findWrappingKey, MasterKeyMismatchError, rewrapDataKeys, type RewrapCounts } from './data-keys.ts';
import {
  decodeKeyText,
  fsyncDirectory,
  Keyring,
  loadMasterKey,
  masterKeyFiles,
  MasterKeyError,
  readKeyFile,
  writeKeyFile,
} from './master-key.ts';

/**
 * Master-key rotation and its crash recovery.
 *
 * A file-based key (DATA_DIR/master.key) rotates in three steps: the new key is written to
 * `master.key.next` and flushed; ONE transaction rewraps every data key and re-encrypts the
 * two-factor secrets; `master.key.next` is renamed over `master.key` and the directory flushed.
 * A crash between two steps leaves both files: the next start asks the database which key its
 * data keys name (`data_keys.master_key_check`) and finishes the rename or deletes the stale
 * file. Rotation and recovery hold the same database lock, so a start beside a running rotation
 * cannot judge it half-way through.
 */

type KeyDatabase = Pick<DatabaseHandle, 'db' | 'engine'>;

export interface MasterKeySource {
  /** KINGA_MASTER_KEY, when set. */
  fromEnv: string | undefined;
  dataDir: string;
}

/** What opening the key did about an interrupted rotation: nothing to do, rename finished, stale new key deleted. */
export type RecoveryOutcome = 'none' | 'completed' | 'discarded';

/**
 * Opens the master key in place, as the server and every command do: KINGA_MASTER_KEY, else
 * DATA_DIR/master.key after finishing or undoing an interrupted rotation. A missing key file is
 * created only while the database holds nothing a key wraps.
 */
export async function openMasterKey(
  source: MasterKeySource,
  database: KeyDatabase,
): Promise<{ keyring: Keyring; recovery: RecoveryOutcome }> {
  if (source.fromEnv) return { keyring: new Keyring(loadMasterKey(source.fromEnv, source.dataDir)), recovery: 'none' };
  const { current, next } = masterKeyFiles(source.dataDir);
  const recovery = fs.existsSync(next) ? await recoverInterruptedRotation(database, source.dataDir) : 'none';
  if (!fs.existsSync(current) && (await findWrappingKey(database.db, [])) !== 'empty') {
    throw new MasterKeyError(
      `${current} is missing, but this database's data keys are wrapped by a master key: put that key file back (or set KINGA_MASTER_KEY to it). A new key cannot open them, so none was made.`,
    );
  }
  return { keyring: new Keyring(loadMasterKey(undefined, source.dataDir)), recovery };
}

/**
 * Finishes or undoes a file-based rotation that stopped between writing `master.key.next` and
 * renaming it: the key the database's data keys are wrapped by wins. Leaves both files alone and
 * throws MasterKeyMismatchError when neither key opens the database.
 */
export async function recoverInterruptedRotation(database: KeyDatabase, dataDir: string): Promise<RecoveryOutcome> {
  const { current, next } = masterKeyFiles(dataDir);
  return underKeyLock(database, async (trx) => {
    // Another process may have finished it while this one waited for the lock.
    if (!fs.existsSync(next)) return 'none';
    const nextKey = readCandidateKey(next);
    const currentKey = fs.existsSync(current) ? readKeyFile(current) : undefined;
    const candidates = [currentKey, nextKey].filter((k): k is Buffer => k !== undefined);
    const found = await findWrappingKey(
      trx,
      candidates.map((k) => new Keyring(k)),
    );
    const wrapping = typeof found === 'number' ? candidates[found] : undefined;
    // A new database wraps nothing yet: the key in place stays, or the new one becomes it if there is none.
    const useNext = nextKey !== undefined && (wrapping === nextKey || (found === 'empty' && !currentKey));
    const keepCurrent = currentKey !== undefined && (wrapping === currentKey || found === 'empty');
    if (useNext) {
      fs.renameSync(next, current);
      fsyncDirectory(dataDir);
      return 'completed';
    }
    if (keepCurrent) {
      // The transaction never committed: nothing was ever wrapped by this key.
      fs.rmSync(next);
      fsyncDirectory(dataDir);
      return 'discarded';
    }
    throw new MasterKeyMismatchError();
  });
}

export interface FileRotationOptions {
  /** Also write the old key to this new file (0600), for restoring backups made before the rotation. */
  keepOldAt?: string | undefined;
  /** Runs inside the rotation's transaction (its audit row). */
  inTransaction?: (trx: Tx) => Promise<void>;
}

export class RotationError extends Error {}

/**
 * Rotates DATA_DIR/master.key to a new random key: `master.key.next` (0600, flushed), one
 * transaction that rewraps everything, then an atomic rename. See the module comment for what a
 * crash at each step leaves and how the next start resolves it.
 */
export async function rotateFileMasterKey(
  database: KeyDatabase,
  dataDir: string,
  options: FileRotationOptions = {},
): Promise<RewrapCounts> {
  const { current, next } = masterKeyFiles(dataDir);
  const oldKey = readKeyFile(current);
  const newKey = randomBytes(32);
  const keepOldAt = options.keepOldAt === undefined ? undefined : path.resolve(options.keepOldAt);
  if (keepOldAt !== undefined) {
    if (keepOldAt === current || keepOldAt === next) {
      throw new RotationError('--keep-old must name a file other than master.key and master.key.next');
    }
    writeNewFile(keepOldAt, oldKey, `${keepOldAt} exists already; name a new file for the old key`);
  }
  try {
    writeNewFile(
      next,
      newKey,
      `${next} exists: another rotation is running, or one was interrupted. Run \`keys status\` (or start the server) to settle it, then try again.`,
    );
  } catch (error) {
    if (keepOldAt !== undefined) fs.rmSync(keepOldAt, { force: true });
    throw error;
  }
  let counts: RewrapCounts;
  try {
    counts = await underKeyLock(database, async (trx) => {
      // A recovery that ran since the file was written would have removed it: this rotation must not commit then.
      if (!readCandidateKey(next)?.equals(newKey)) throw new RotationError(`${next} changed during the rotation`);
      const result = await rewrapDataKeys(trx, new Keyring(oldKey), new Keyring(newKey));
      await options.inTransaction?.(trx);
      return result;
    });
  } catch (error) {
    // Whether the transaction committed is for the database to say, as at a start after a crash.
    const outcome = await recoverInterruptedRotation(database, dataDir).catch(() => undefined);
    if (outcome === 'discarded' && keepOldAt !== undefined) fs.rmSync(keepOldAt, { force: true });
    const state =
      outcome === 'completed'
        ? 'The database committed the rotation nevertheless: master.key holds the NEW key.'
        : outcome === 'discarded'
          ? 'Nothing was changed: master.key still holds the key in place.'
          : `The outcome is not known yet: ${next} was left in place, and the next start (or \`keys status\`) settles it.`;
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof MasterKeyError) throw new MasterKeyError(`${reason} ${state}`);
    throw new RotationError(`The rotation failed: ${reason}. ${state}`);
  }
  try {
    fs.renameSync(next, current);
  } catch (error) {
    // A start or `keys status` beside this command may have finished the rename already.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !readKeyFile(current).equals(newKey)) throw error;
  }
  fsyncDirectory(dataDir);
  return counts;
}

/**
 * Rewraps everything from the key in KINGA_MASTER_KEY to the one in KINGA_NEW_MASTER_KEY in one
 * transaction; the operator then replaces KINGA_MASTER_KEY. Nothing is written to disk here.
 */
export async function rotateEnvMasterKey(
  database: KeyDatabase,
  from: Keyring,
  to: Keyring,
  inTransaction?: (trx: Tx) => Promise<void>,
): Promise<RewrapCounts> {
  return underKeyLock(database, async (trx) => {
    const result = await rewrapDataKeys(trx, from, to);
    await inTransaction?.(trx);
    return result;
  });
}

/**
 * One transaction that rotations and recoveries serialise on: SQLite's transactions take the
 * write lock up front (BEGIN IMMEDIATE); on PostgreSQL the data keys' table is locked against
 * other writers (readers go on), and the users' table so no second factor is enrolled under
 * the old key while its secrets move.
 */
async function underKeyLock<T>(database: KeyDatabase, work: (trx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    if (database.engine === 'postgres') await sql`lock table data_keys, users in exclusive mode`.execute(trx);
    return work(trx);
  });
}

/** A candidate key file's key; undefined when its content is not a key (a write a crash cut short). */
function readCandidateKey(file: string): Buffer | undefined {
  const mode = fs.statSync(file).mode & 0o077;
  if (mode !== 0) throw new MasterKeyError(`${file} must not be readable by group or others (chmod 600)`);
  return decodeKeyText(fs.readFileSync(file, 'utf8'));
}

function writeNewFile(file: string, key: Buffer, existsMessage: string): void {
  try {
    writeKeyFile(file, key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new RotationError(existsMessage);
    // A write cut short must not leave half a key behind.
    fs.rmSync(file, { force: true });
    throw error;
  }
}
