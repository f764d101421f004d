import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  encodeFooter,
  encodeHeader,
  encodeRow,
  openBackup,
  writeBackupFile,
  type BackupHeader,
  type BackupRecord,
} from './backup-format.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinga-backup-format-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const header: BackupHeader = {
  format: 'kinga-backup',
  version: 1,
  createdAt: '2026-01-31T02:00:00.000Z',
  engine: 'sqlite',
  kingaVersion: '0.1.0',
  migrations: ['0001-platform'],
  tables: ['agencies', 'users'],
  masterKeyCheck: '0123456789abcdef',
};
const agency = { id: 'a1', name: 'Tumaini “Safe” House\n🚸', county_code: 1, address: null };
const user = { id: 'u1', agency_id: 'a1', avatar: Buffer.from([0, 1, 2, 255]) };
const goodLines = [
  encodeHeader(header),
  encodeRow('agencies', agency),
  encodeRow('users', user),
  encodeFooter({ agencies: 1, users: 1 }),
];

let n = 0;
function file(content: string | Buffer, gzip = true): string {
  n += 1;
  const target = path.join(dir, `f${n}.kbak`);
  fs.writeFileSync(target, gzip ? zlib.gzipSync(content) : content);
  return target;
}

async function* toAsync(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield await Promise.resolve(line);
}

async function readAll(target: string): Promise<BackupRecord[]> {
  const reader = await openBackup(target);
  const rows: BackupRecord[] = [];
  for await (const r of reader.rows()) rows.push(r);
  return rows;
}

async function failureOf(target: string): Promise<string> {
  try {
    await readAll(target);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return (error as Error).message;
  }
  throw new Error('the file was read without complaint');
}

describe('backup format', () => {
  it('writes atomically with mode 0600 and reads back header, rows (binary included) and counts', async () => {
    const target = path.join(dir, 'good.kbak');
    await writeBackupFile(target, toAsync(goodLines));
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const reader = await openBackup(target);
    expect(reader.header).toEqual(header);
    const rows: BackupRecord[] = [];
    for await (const r of reader.rows()) rows.push(r);
    expect(rows).toEqual([
      { table: 'agencies', row: agency },
      { table: 'users', row: user },
    ]);
    expect(reader.counts).toEqual({ agencies: 1, users: 1 });
  });

  it('a failed write leaves the previous file in place and no temporary file', async () => {
    const target = path.join(dir, 'kept.kbak');
    fs.writeFileSync(target, 'previous');
    async function* failing() {
      yield* toAsync([encodeHeader(header)]);
      throw new Error('database went away');
    }
    await expect(writeBackupFile(target, failing())).rejects.toThrow('database went away');
    expect(fs.readFileSync(target, 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['a file that is not gzip', () => file('{"format":"kinga-backup"}\n', false), /not a Kinga backup \(not gzip/],
    ['an empty gzip stream', () => file(''), /empty inside/],
    ['another format', () => file('{"format":"zip"}\n'), /header is missing/],
    [
      'a newer format version',
      () => file(`${JSON.stringify({ ...header, version: 2 })}\n`),
      /version 2 is not supported/,
    ],
    [
      'a malformed header',
      () => file(`${JSON.stringify({ ...header, migrations: 'all' })}\n`),
      /header is malformed: migrations/,
    ],
  ])('refuses %s when opened', async (_label, make, message) => {
    await expect(openBackup(make())).rejects.toThrow(message);
  });

  it.each([
    [
      'cut inside the compressed data',
      () => file(zlib.gzipSync(goodLines.join('')).subarray(0, 60), false),
      /truncated|corrupt/,
    ],
    ['cut at a line boundary', () => file(goodLines.slice(0, 3).join('')), /end marker is missing/],
    ['cut inside the last line', () => file(goodLines.join('').slice(0, -5)), /last line is incomplete/],
    [
      'a damaged byte in the compressed data',
      () => {
        const bytes = Buffer.from(zlib.gzipSync(goodLines.join('')));
        bytes[bytes.length - 6] = (bytes[bytes.length - 6] ?? 0) ^ 0xff;
        return file(bytes, false);
      },
      /corrupt/,
    ],
    [
      'a line that is not JSON',
      () => file([goodLines[0], '{"table":"agencies",\n', ...goodLines.slice(1)].join('')),
      /Line 2 .*not valid JSON/,
    ],
    [
      'a line that is not a row',
      () => file([goodLines[0], '[1,2]\n', ...goodLines.slice(1)].join('')),
      /Line 2 .*not a row/,
    ],
    [
      'a table the header does not list',
      () => file([goodLines[0], encodeRow('sessions', { id: 's' }), ...goodLines.slice(1)].join('')),
      /sessions is not listed/,
    ],
    [
      'rows out of foreign-key order',
      () => file([goodLines[0], goodLines[2], goodLines[1], goodLines[3]].join('')),
      /out of foreign-key order/,
    ],
    [
      'a row missing from the counts',
      () => file([goodLines[0], goodLines[1], encodeFooter({ agencies: 1, users: 1 })].join('')),
      /users should have 1 rows, it has 0/,
    ],
    ['data after the end marker', () => file([...goodLines, goodLines[1]].join('')), /after its end marker/],
    [
      'a value of an unknown kind',
      () => file([goodLines[0], '{"table":"agencies","row":{"id":["a"]}}\n', ...goodLines.slice(2)].join('')),
      /unknown kind/,
    ],
  ])('reports %s as a BackupError while reading rows', async (_label, make, message) => {
    expect(await failureOf(make())).toMatch(message);
  });

  it('names a missing file and refuses values it cannot carry', async () => {
    await expect(openBackup(path.join(dir, 'nope.kbak'))).rejects.toThrow(/does not exist/);
    expect(() => encodeRow('agencies', { id: 'a', when: new Date() })).toThrow(/agencies\.when/);
  });
});
