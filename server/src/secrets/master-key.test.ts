import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeKeyText,
  Keyring,
  loadMasterKey,
  MASTER_KEY_PATTERN,
  masterKeyFiles,
  MasterKeyError,
  readKeyFile,
  writeKeyFile,
} from './master-key.ts';

describe('master key files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a key owner-only, whatever the umask, and never over an existing file', () => {
    const file = path.join(dir, 'k');
    const key = randomBytes(32);
    const umask = process.umask(0o000);
    try {
      writeKeyFile(file, key);
    } finally {
      process.umask(umask);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readKeyFile(file).equals(key)).toBe(true);
    expect(() => writeKeyFile(file, randomBytes(32))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readKeyFile(file).equals(key)).toBe(true);
  });

  it('refuses a key file others can read, or one that is not 32 bytes, without quoting it', () => {
    const file = path.join(dir, 'k');
    const key = randomBytes(32);
    writeKeyFile(file, key);
    fs.chmodSync(file, 0o640);
    expect(() => readKeyFile(file)).toThrow(MasterKeyError);
    expect(() => readKeyFile(file)).toThrow(/chmod 600/);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, randomBytes(16).toString('base64'));
    expect(() => readKeyFile(file)).toThrow(/32 bytes in base64/);
  });

  it('decodes a key file with or without a final newline; an empty or truncated one is no key', () => {
    const key = randomBytes(32);
    expect(decodeKeyText(`${key.toString('base64')}\n`)?.equals(key)).toBe(true);
    expect(decodeKeyText('')).toBeUndefined();
    expect(decodeKeyText(key.toString('base64').slice(0, 20))).toBeUndefined();
  });

  it('creates DATA_DIR/master.key on first use and reads the same key afterwards', () => {
    const first = loadMasterKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect(fs.statSync(masterKeyFiles(dir).current).mode & 0o777).toBe(0o600);
    expect(loadMasterKey(undefined, dir).equals(first)).toBe(true);
    expect(masterKeyFiles(dir).next).toBe(path.join(dir, 'master.key.next'));
  });

  it('KINGA_NEW_MASTER_KEY is checked like KINGA_MASTER_KEY: 32 bytes in base64', () => {
    expect(MASTER_KEY_PATTERN.test(randomBytes(32).toString('base64'))).toBe(true);
    expect(MASTER_KEY_PATTERN.test(randomBytes(31).toString('base64'))).toBe(false);
    expect(MASTER_KEY_PATTERN.test(randomBytes(32).toString('base64url'))).toBe(false);
  });
});

describe('Keyring', () => {
  it('a data key wrapped under one master key opens only under it, and only where it was bound', () => {
    const one = new Keyring(randomBytes(32));
    const other = new Keyring(randomBytes(32));
    const dataKey = randomBytes(32);
    const wrapped = one.wrap(dataKey, 'data_keys:a:field');
    expect(one.unwrap(wrapped, 'data_keys:a:field').equals(dataKey)).toBe(true);
    expect(() => other.unwrap(wrapped, 'data_keys:a:field')).toThrow();
    expect(() => one.unwrap(wrapped, 'data_keys:b:field')).toThrow();
    expect(one.masterKeyCheck()).not.toBe(other.masterKeyCheck());
    expect(one.masterKeyCheck()).toMatch(/^[0-9a-f]{32}$/);
  });
});
