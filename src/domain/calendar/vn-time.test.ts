import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVn, parseLocalVn, vnDateOf } from './vn-time.ts';

describe('Vietnam time helpers', () => {
  // Run under a zone far from UTC+7 so that any use of local time would show.
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    process.env.TZ = savedTz;
  });

  it('parses a Vietnam wall-clock time into the right instant', () => {
    expect(parseLocalVn('2026-01-15', '07:00').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(parseLocalVn('2026-01-15', '06:59:30').toISOString()).toBe('2026-01-14T23:59:30.000Z');
    expect(parseLocalVn('2026-01-15').toISOString()).toBe('2026-01-14T17:00:00.000Z');
  });

  it('formats with +07:00 and whole seconds', () => {
    expect(formatVn(new Date('2026-01-15T01:30:00.999Z'))).toBe('2026-01-15T08:30:00+07:00');
    expect(formatVn(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01T00:00:00+07:00');
  });

  it('gives the Vietnam date, which differs from the UTC date after 17:00 UTC', () => {
    expect(vnDateOf(new Date('2026-01-15T16:59:59Z'))).toBe('2026-01-15');
    expect(vnDateOf(new Date('2026-01-15T17:00:00Z'))).toBe('2026-01-16');
  });

  it('rejects bad input', () => {
    expect(() => parseLocalVn('2026-02-30', '07:00')).toThrow(RangeError);
    expect(() => parseLocalVn('2026-01-15', '7:00')).toThrow(RangeError);
    expect(() => parseLocalVn('2026-01-15', '25:00')).toThrow(RangeError);
    expect(() => formatVn(new Date('nope'))).toThrow(RangeError);
  });
});
