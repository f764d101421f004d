import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const KEY_FILE = 'master.key';
const NEXT_KEY_FILE = 'master.key.next';

/** The form of KINGA_MASTER_KEY and KINGA_NEW_MASTER_KEY (config.ts checks the same): 32 bytes in base64. */
export const MASTER_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

/**
 * A master key that cannot be used (missing, unreadable by its owner only, wrong length, or not
 * the one the database was wrapped with): a fault of the environment, reported to the operator
 * without a stack trace and with exit code 78. The message never holds key material.
 */
export class MasterKeyError extends Error {}

/** Where a file-based master key lives, and where a rotation puts the new one until it commits. */
export function masterKeyFiles(dataDir: string): { current: string; next: string } {
  return { current: path.join(dataDir, KEY_FILE), next: path.join(dataDir, NEXT_KEY_FILE) };
}

/**
 * The master key: from KINGA_MASTER_KEY, else from DATA_DIR/master.key, which is created
 * with mode 0600 on first start. It never enters the database, a backup or a log.
 * Servers and commands open it through `openMasterKey` (key-rotation.ts), which first finishes
 * a rotation a crash interrupted.
 */
export function loadMasterKey(fromEnv: string | undefined, dataDir: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'base64');
  const { current } = masterKeyFiles(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeKeyFile(current, randomBytes(32));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(current);
}

/** Decodes a key file's text; undefined when it is not 32 bytes in base64 (empty, truncated, edited). */
export function decodeKeyText(text: string): Buffer | undefined {
  const key = Buffer.from(text.trim(), 'base64');
  return key.length === 32 ? key : undefined;
}

/** Reads a key file that must be readable by its owner only and hold 32 bytes in base64. */
export function readKeyFile(file: string): Buffer {
  const mode = fs.statSync(file).mode & 0o077;
  if (mode !== 0) throw new MasterKeyError(`${file} must not be readable by group or others (chmod 600)`);
  const key = decodeKeyText(fs.readFileSync(file, 'utf8'));
  if (!key) throw new MasterKeyError(`${file} must hold 32 bytes in base64`);
  return key;
}

/**
 * Writes a key to a file that must not exist yet, owner-only (0600), and flushes the file and
 * its directory entry to disk before returning, so a crash afterwards cannot lose it.
 */
export function writeKeyFile(file: string, key: Buffer): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    // The umask can only narrow the mode; this makes it exact whatever the umask.
    fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, key.toString('base64'));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncDirectory(path.dirname(file));
}

/** Makes renames, creations and deletions in a directory durable (POSIX needs the directory itself flushed). */
export function fsyncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Keys derived from the master key, one per purpose, so no key serves two uses. */
export class Keyring {
  private readonly derived = new Map<string, Buffer>();

  constructor(private readonly masterKey: Buffer) {}

  key(purpose: string): Buffer {
    let key = this.derived.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.masterKey, 'kinga', purpose, 32));
      this.derived.set(purpose, key);
    }
    return key;
  }

  /** A keyed hash: lets the database compare values (addresses, emails) it must not hold in clear. */
  blindIndex(purpose: string, value: string): string {
    return createHmac('sha256', this.key(`blind:${purpose}`))
      .update(value)
      .digest('base64url');
  }

  /** AES-256-GCM with the location of the value (table, row, column) bound as authenticated data. */
  encrypt(purpose: string, plaintext: string, boundTo: string): string {
    return this.encryptBytes(purpose, Buffer.from(plaintext, 'utf8'), boundTo);
  }

  /** Wraps a data key (see DataKeys) with a key derived for that use only. */
  wrap(dataKey: Buffer, boundTo: string): string {
    return this.encryptBytes('data-key-wrap', dataKey, boundTo);
  }

  unwrap(wrapped: string, boundTo: string): Buffer {
    return this.decryptBytes('data-key-wrap', wrapped, boundTo);
  }

  /** A fingerprint of the master key, stored next to what it wraps; it reveals nothing of the key. */
  masterKeyCheck(): string {
    return createHmac('sha256', this.key('master-key-check')).update('kinga').digest('hex').slice(0, 32);
  }

  decrypt(purpose: string, sealed: string, boundTo: string): string {
    return this.decryptBytes(purpose, sealed, boundTo).toString('utf8');
  }

  private encryptBytes(purpose: string, plaintext: Buffer, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(`enc:${purpose}`), iv);
    cipher.setAAD(Buffer.from(boundTo));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  private decryptBytes(purpose: string, sealed: string, boundTo: string): Buffer {
    if (!sealed.startsWith('v1.')) throw new Error('Unknown ciphertext version');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key(`enc:${purpose}`), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }
}
