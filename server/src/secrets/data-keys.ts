import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { Keyring } from './master-key.ts';

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

export class MasterKeyMismatchError extends Error {
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

async function insertDataKey(trx: Tx, keyring: Keyring, purpose: DataKeyPurpose): Promise<void> {
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
}

/** Adds a new field data key: values sealed from now on use it; older values keep theirs. */
export async function addFieldDataKey(db: Db, keyring: Keyring): Promise<void> {
  await db.transaction().execute((trx) => insertDataKey(trx, keyring, 'field'));
}

/**
 * Rewraps every data key, and re-encrypts the secrets sealed directly by keys derived from
 * the master key (two-factor secrets), from the old master key to the new one, in one
 * transaction: either everything moves to the new key or nothing does.
 */
export async function rewrapUnderNewMasterKey(
  db: Db,
  from: Keyring,
  to: Keyring,
): Promise<{ dataKeys: number; secrets: number }> {
  const fromCheck = from.masterKeyCheck();
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('data_keys').selectAll().execute();
    for (const row of rows) {
      if (row.master_key_check !== fromCheck) throw new MasterKeyMismatchError();
      const binding = wrapBinding(row.id, row.purpose);
      await trx
        .updateTable('data_keys')
        .set({ wrapped: to.wrap(from.unwrap(row.wrapped, binding), binding), master_key_check: to.masterKeyCheck() })
        .where('id', '=', row.id)
        .execute();
    }
    const users = await trx
      .selectFrom('users')
      .select(['id', 'totp_secret_enc'])
      .where('totp_secret_enc', 'is not', null)
      .execute();
    for (const user of users) {
      const place = `users:${user.id}:totp_secret_enc`;
      const secret = from.decrypt('totp', user.totp_secret_enc as string, place);
      await trx
        .updateTable('users')
        .set({ totp_secret_enc: to.encrypt('totp', secret, place) })
        .where('id', '=', user.id)
        .execute();
    }
    return { dataKeys: rows.length, secrets: users.length };
  });
}
