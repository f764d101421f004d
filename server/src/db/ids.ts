import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;

// One getrandom call per 256 ids instead of two per id: ids are made on every audited request.
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

function randomSlice(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const slice = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  poolOffset += size;
  return slice;
}

/** A UUIDv7 (RFC 9562): time-ordered, made by the application so records can later be created offline. */
export function newId(now = Date.now()): string {
  // A 12-bit counter keeps ids made in the same millisecond in order.
  if (now <= lastMs) {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    counter = randomSlice(2).readUInt16BE() & 0x7ff;
  }
  const bytes = randomSlice(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The current time as stored: ISO 8601 UTC with milliseconds, which sorts as text. */
export function nowIso(now = Date.now()): string {
  return new Date(now).toISOString();
}
