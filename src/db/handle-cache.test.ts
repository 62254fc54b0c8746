import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleCache } from './handle-cache.ts';

afterEach(() => vi.useRealTimers());

describe('handleCache', () => {
  it('keeps a value per handle and key until it expires', () => {
    vi.useFakeTimers();
    const cache = handleCache<string>(1000);
    const a = {};
    const b = {};
    cache.set(a, 'k', 'A', cache.since());
    expect(cache.get(a, 'k')).toBe('A');
    expect(cache.get(a, 'other')).toBeUndefined();
    expect(cache.get(b, 'k')).toBeUndefined(); // another handle (a transaction) reads for itself
    vi.advanceTimersByTime(999);
    expect(cache.get(a, 'k')).toBe('A');
    vi.advanceTimersByTime(2);
    expect(cache.get(a, 'k')).toBeUndefined();
  });

  it('forget() drops every entry of every handle', () => {
    const cache = handleCache<number>(60_000);
    const a = {};
    const b = {};
    cache.set(a, 'x', 1, cache.since());
    cache.set(b, 'x', 2, cache.since());
    cache.forget();
    expect(cache.get(a, 'x')).toBeUndefined();
    expect(cache.get(b, 'x')).toBeUndefined();
    cache.set(a, 'x', 3, cache.since());
    expect(cache.get(a, 'x')).toBe(3);
  });

  it('does not keep a value read before a forget() (an edit committed during the read)', () => {
    const cache = handleCache<string>(60_000);
    const a = {};
    const since = cache.since();
    cache.forget(); // an edit lands while the read is under way
    cache.set(a, 'k', 'old', since);
    expect(cache.get(a, 'k')).toBeUndefined();
  });

  it('a null value is kept and told from a miss', () => {
    const cache = handleCache<string | null>(60_000);
    const a = {};
    cache.set(a, 'k', null, cache.since());
    expect(cache.get(a, 'k')).toBeNull();
    expect(cache.get(a, 'missing')).toBeUndefined();
  });

  it('starts a handle afresh past its size bound', () => {
    const cache = handleCache<number>(60_000, 3);
    const a = {};
    for (const k of ['1', '2', '3']) cache.set(a, k, Number(k), cache.since());
    expect(cache.get(a, '1')).toBe(1);
    cache.set(a, '4', 4, cache.since());
    expect(cache.get(a, '1')).toBeUndefined();
    expect(cache.get(a, '4')).toBe(4);
  });
});
