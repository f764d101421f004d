import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { MasterKeyError, type Keyring } from './master-key.ts';

/**
 * Envelope encryption of victims' identifying data.
 *
 * Values are sealed with AES-256-GCM under random 256-bit data keys kept in `data_keys`,
 * each wrapped (AES-256-GCM) by the master key. The value's place — table, row, column —
 * is bound as authenticated data, so a ciphertext copied to another row or column fails
 * to open. Rotating the master key rewraps the data keys only; no value is re-encrypted.
 */
export type DataKeyPurpose = 'field' | 'blind';
const PURPOSES: readonly DataKeyPurpose[] = ['field', 'blind'];

const SEALED_PREFIX = 'k1.';

export class MasterKeyMismatchError extends MasterKeyError {
  constructor() {
    super(
      "The master key does not unlock this database's data keys. Use the key this database was created or last rotated with (KINGA_MASTER_KEY or DATA_DIR/master.key).",
    );
  }
}

interface LoadedKey {
  id: string;
  key: Buffer;
}

export class DataKeys {
  private readonly byId = new Map<string, Buffer>();

  private constructor(
    private readonly current: Record<DataKeyPurpose, LoadedKey>,
    all: readonly LoadedKey[],
  ) {
    for (const k of all) this.byId.set(k.id, k.key);
  }

  /** Unwraps every data key, creating the first ones on a new database. */
  static async load(db: Db, keyring: Keyring): Promise<DataKeys> {
    await db.transaction().execute(async (trx) => {
      for (const purpose of PURPOSES) {
        const existing = await trx
          .selectFrom('data_keys')
          .select('id')
          .where('purpose', '=', purpose)
          .executeTakeFirst();
        if (!existing) await insertDataKey(trx, keyring, purpose);
      }
    });
    const rows = await db.selectFrom('data_keys').selectAll().orderBy('created_at').orderBy('id').execute();
    const check = keyring.masterKeyCheck();
    const loaded: (LoadedKey & { purpose: string })[] = rows.map((row) => {
      if (row.master_key_check !== check) throw new MasterKeyMismatchError();
      return { id: row.id, purpose: row.purpose, key: keyring.unwrap(row.wrapped, wrapBinding(row.id, row.purpose)) };
    });
    // The newest key of each purpose seals new values; older ones still open what they sealed.
    const newest = (purpose: DataKeyPurpose) => loaded.filter((k) => k.purpose === purpose).at(-1) as LoadedKey;
    return new DataKeys({ field: newest('field'), blind: newest('blind') }, loaded);
  }

  /** Seals a value for one table, row and column; null stays null. */
  seal(plaintext: string, table: string, rowId: string, column: string): string;
  seal(plaintext: string | null | undefined, table: string, rowId: string, column: string): string | null;
  seal(plaintext: string | null | undefined, table: string, rowId: string, column: string): string | null {
    if (plaintext === null || plaintext === undefined) return null;
    return this.sealBytes(Buffer.from(plaintext, 'utf8'), table, rowId, column);
  }

  open(sealed: string, table: string, rowId: string, column: string): string;
  open(sealed: string | null, table: string, rowId: string, column: string): string | null;
  open(sealed: string | null, table: string, rowId: string, column: string): string | null {
    if (sealed === null) return null;
    return this.openBytes(sealed, table, rowId, column).toString('utf8');
  }

  sealBytes(plaintext: Buffer, table: string, rowId: string, column: string): string {
    const { id, key } = this.current.field;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${table}:${rowId}:${column}`));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return `${SEALED_PREFIX}${id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  openBytes(sealed: string, table: string, rowId: string, column: string): Buffer {
    const dot = sealed.indexOf('.', SEALED_PREFIX.length);
    if (!sealed.startsWith(SEALED_PREFIX) || dot < 0) throw new Error('Unknown ciphertext format');
    const key = this.byId.get(sealed.slice(SEALED_PREFIX.length, dot));
    if (!key) throw new Error('Ciphertext sealed under an unknown data key');
    const raw = Buffer.from(sealed.slice(dot + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${table}:${rowId}:${column}`));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }

  /**
   * A keyed hash for exact-match search and duplicate checks. The key is a data key, so it
   * survives master-key rotation; `kind` separates the fields so equal values of two fields differ.
   */
  blindIndex(kind: string, normalised: string): string {
    return createHmac('sha256', this.current.blind.key).update(`${kind}\u0000${normalised}`).digest('base64url');
  }
}

function wrapBinding(id: string, purpose: string): string {
  return `data_keys:${id}:${purpose}`;
}

async function insertDataKey(trx: Tx, keyring: Keyring, purpose: DataKeyPurpose): Promise<string> {
  const id = newId();
  await trx
    .insertInto('data_keys')
    .values({
      id,
      purpose,
      wrapped: keyring.wrap(randomBytes(32), wrapBinding(id, purpose)),
      master_key_check: keyring.masterKeyCheck(),
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** Adds a new field data key: values sealed from now on use it; older values keep theirs. Returns its id. */
export async function addFieldDataKey(db: Db, keyring: Keyring): Promise<string> {
  return db.transaction().execute((trx) => insertFieldDataKey(trx, keyring));
}

/** `addFieldDataKey` inside the caller's transaction (with its audit row); refuses a master key the other data keys do not name. */
export async function insertFieldDataKey(trx: Tx, keyring: Keyring): Promise<string> {
  const other = await trx
    .selectFrom('data_keys')
    .select('master_key_check')
    .where('master_key_check', '!=', keyring.masterKeyCheck())
    .executeTakeFirst();
  // A key wrapped by another master key would be unreadable to every process that opens the rest.
  if (other) throw new MasterKeyMismatchError();
  return insertDataKey(trx, keyring, 'field');
}

export interface RewrapCounts {
  dataKeys: number;
  secrets: number;
}

/**
 * Rewraps every data key, and re-encrypts the secrets sealed directly by keys derived from
 * the master key (two-factor secrets), from the old master key to the new one, in one
 * transaction: either everything moves to the new key or nothing does.
 */
export async function rewrapUnderNewMasterKey(db: Db, from: Keyring, to: Keyring): Promise<RewrapCounts> {
  return db.transaction().execute((trx) => rewrapDataKeys(trx, from, to));
}

/** `rewrapUnderNewMasterKey` inside the caller's transaction, which must commit or roll back all of it. */
export async function rewrapDataKeys(trx: Tx, from: Keyring, to: Keyring): Promise<RewrapCounts> {
  const fromCheck = from.masterKeyCheck();
  const toCheck = to.masterKeyCheck();
  if (fromCheck === toCheck) throw new Error('The new master key is the key in place');
  const rows = await trx.selectFrom('data_keys').selectAll().execute();
  for (const row of rows) {
    if (row.master_key_check !== fromCheck) throw new MasterKeyMismatchError();
    const binding = wrapBinding(row.id, row.purpose);
    await trx
      .updateTable('data_keys')
      .set({ wrapped: to.wrap(from.unwrap(row.wrapped, binding), binding), master_key_check: toCheck })
      .where('id', '=', row.id)
      .execute();
  }
  const users = await trx
    .selectFrom('users')
    .select(['id', 'totp_secret_enc'])
    .where('totp_secret_enc', 'is not', null)
    .execute();
  for (const user of users) {
    const place = totpPlace(user.id);
    const secret = from.decrypt('totp', user.totp_secret_enc as string, place);
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: to.encrypt('totp', secret, place) })
      .where('id', '=', user.id)
      .execute();
  }
  return { dataKeys: rows.length, secrets: users.length };
}

/** Where a two-factor secret is bound (profile.service.ts seals it there). */
function totpPlace(userId: string): string {
  return `users:${userId}:totp_secret_enc`;
}

export interface DataKeyState {
  id: string;
  purpose: string;
  createdAt: string;
  /** The key is wrapped by the master key in place and opens (its authentication tag verifies). */
  opens: boolean;
  /** The newest key of its purpose: new values are sealed (or indexed) with it. */
  current: boolean;
}

export interface KeyInspection {
  dataKeys: DataKeyState[];
  /** Two-factor secrets held, and how many of them the master key in place opens. */
  secrets: { total: number; opening: number };
}

/** What `keys status` reports: every data key and whether the master key in place unwraps it; nothing is changed. */
export async function inspectDataKeys(db: Db, keyring: Keyring | undefined): Promise<KeyInspection> {
  const rows = await db.selectFrom('data_keys').selectAll().orderBy('created_at').orderBy('id').execute();
  const check = keyring?.masterKeyCheck();
  const newest = new Map(rows.map((r) => [r.purpose, r.id]));
  const dataKeys = rows.map((row) => ({
    id: row.id,
    purpose: row.purpose,
    createdAt: row.created_at,
    opens:
      keyring !== undefined &&
      row.master_key_check === check &&
      succeeds(() => keyring.unwrap(row.wrapped, wrapBinding(row.id, row.purpose))),
    current: newest.get(row.purpose) === row.id,
  }));
  const users = await db
    .selectFrom('users')
    .select(['id', 'totp_secret_enc'])
    .where('totp_secret_enc', 'is not', null)
    .execute();
  const opening = users.filter(
    (u) =>
      keyring !== undefined && succeeds(() => keyring.decrypt('totp', u.totp_secret_enc as string, totpPlace(u.id))),
  ).length;
  return { dataKeys, secrets: { total: users.length, opening } };
}

/**
 * Which of the candidate master keys the database's secrets are wrapped by: its index, `empty`
 * when nothing is wrapped yet (a new database), or undefined when none of them is. Judged by the
 * data keys' fingerprint, else (no data keys) by trying a two-factor secret.
 */
export async function findWrappingKey(
  db: Db | Tx,
  candidates: readonly Keyring[],
): Promise<number | 'empty' | undefined> {
  const checks = await db.selectFrom('data_keys').select('master_key_check').distinct().execute();
  if (checks.length > 1) return undefined;
  const [only] = checks;
  if (only) {
    const index = candidates.findIndex((k) => k.masterKeyCheck() === only.master_key_check);
    return index < 0 ? undefined : index;
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'totp_secret_enc'])
    .where('totp_secret_enc', 'is not', null)
    .executeTakeFirst();
  if (!user) return 'empty';
  const index = candidates.findIndex((k) =>
    succeeds(() => k.decrypt('totp', user.totp_secret_enc as string, totpPlace(user.id))),
  );
  return index < 0 ? undefined : index;
}

function succeeds(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}
