import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const KEY_FILE = 'master.key';

/**
 * The master key: from KINGA_MASTER_KEY, else from DATA_DIR/master.key, which is created
 * with mode 0600 on first start. It never enters the database, a backup or a log.
 */
export function loadMasterKey(fromEnv: string | undefined, dataDir: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'base64');
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    fs.writeSync(fd, randomBytes(32).toString('base64'));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const mode = fs.statSync(file).mode & 0o077;
  if (mode !== 0) throw new Error(`${file} must not be readable by group or others (chmod 600)`);
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} must hold 32 bytes in base64`);
  return key;
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
