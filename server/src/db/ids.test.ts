import { describe, expect, it } from 'vitest';
import { newId, nowIso } from './ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId (UUIDv7)', () => {
  it('has the version 7 and RFC 9562 variant bits', () => {
    for (let i = 0; i < 100; i += 1) expect(newId()).toMatch(UUID_V7);
  });

  it('sorts as text in the order it was made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries its creation time in the first 48 bits', () => {
    const at = Date.UTC(2030, 0, 1);
    const id = newId(at);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(at);
  });

  it('keeps the order when the clock steps back', () => {
    const later = newId(Date.now() + 60_000);
    const earlierClock = newId(Date.now());
    expect(earlierClock > later).toBe(true);
  });
});

describe('nowIso', () => {
  it('is UTC ISO 8601 with milliseconds, which sorts as text', () => {
    expect(nowIso(Date.UTC(2026, 10, 29, 8, 5, 3, 7))).toBe('2026-11-29T08:05:03.007Z');
  });
});
