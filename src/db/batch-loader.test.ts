import { describe, expect, it } from 'vitest';
import { batchLoader } from './batch-loader.ts';

/** A load that records each batch and answers when `release` is called (or at once). */
function recorder(opts: { hold?: boolean; fail?: (keys: string[]) => Error | null } = {}) {
  const batches: string[][] = [];
  const held: (() => void)[] = [];
  const load = (keys: string[]) => {
    batches.push(keys);
    const answer = () => {
      const err = opts.fail?.(keys);
      if (err) throw err;
      return new Map(keys.filter((k) => !k.startsWith('missing')).map((k) => [k, `row of ${k}`]));
    };
    if (!opts.hold) return Promise.resolve().then(answer);
    return new Promise<Map<string, string>>((resolve, reject) =>
      held.push(() => {
        try {
          resolve(answer());
        } catch (err) {
          reject(err);
        }
      }),
    );
  };
  return { batches, load, release: () => held.splice(0).forEach((f) => f()) };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('batchLoader', () => {
  it('reads the keys asked in the same turn of the event loop in one statement, in the order asked', async () => {
    const r = recorder();
    const get = batchLoader(r.load, { maxBatch: 64, inFlight: 1 });
    const answers = await Promise.all(['B', 'A', 'C'].map(get));
    expect(answers).toEqual(['row of B', 'row of A', 'row of C']);
    expect(r.batches).toEqual([['B', 'A', 'C']]);
  });

  it('a key asked alone goes alone, after one turn', async () => {
    const r = recorder();
    const get = batchLoader(r.load, { maxBatch: 64, inFlight: 1 });
    expect(await get('A')).toBe('row of A');
    expect(await get('B')).toBe('row of B');
    expect(r.batches).toEqual([['A'], ['B']]);
  });

  it('a key not found answers undefined; a key asked twice is read once and both askers get it', async () => {
    const r = recorder();
    const get = batchLoader(r.load, { maxBatch: 64, inFlight: 1 });
    expect(await Promise.all([get('A'), get('missing-1'), get('A')])).toEqual(['row of A', undefined, 'row of A']);
    expect(r.batches).toEqual([['A', 'missing-1']]);
  });

  it('keys asked while the statements in flight run wait and go together in the next', async () => {
    const r = recorder({ hold: true });
    const get = batchLoader(r.load, { maxBatch: 64, inFlight: 1 });
    const first = get('A');
    await turn();
    expect(r.batches).toEqual([['A']]);
    const later = [get('B'), get('C')];
    await turn();
    await turn();
    expect(r.batches).toEqual([['A']]); // nothing starts while A's statement runs
    r.release();
    expect(await first).toBe('row of A');
    await turn();
    expect(r.batches).toEqual([['A'], ['B', 'C']]);
    r.release();
    expect(await Promise.all(later)).toEqual(['row of B', 'row of C']);
  });

  it('runs up to inFlight statements at once and no more', async () => {
    const r = recorder({ hold: true });
    const get = batchLoader(r.load, { maxBatch: 1, inFlight: 2 });
    const all = ['A', 'B', 'C', 'D'].map(get);
    await turn();
    expect(r.batches).toEqual([['A'], ['B']]);
    r.release();
    await turn();
    expect(r.batches).toEqual([['A'], ['B'], ['C'], ['D']]);
    r.release();
    expect(await Promise.all(all)).toEqual(['row of A', 'row of B', 'row of C', 'row of D']);
  });

  it.each([
    [1, [['A'], ['B'], ['C']]],
    [2, [['A', 'B'], ['C']]],
    [3, [['A', 'B', 'C']]],
  ])('at most maxBatch = %i keys in a statement', async (maxBatch, expected) => {
    const r = recorder();
    const get = batchLoader(r.load, { maxBatch, inFlight: 1 });
    await Promise.all(['A', 'B', 'C'].map(get));
    expect(r.batches).toEqual(expected);
  });

  it("a failed statement fails every request of its batch with its error, and not the next batch's", async () => {
    const boom = new Error('boom');
    const r = recorder({ fail: (keys) => (keys.includes('bad') ? boom : null) });
    const get = batchLoader(r.load, { maxBatch: 64, inFlight: 1 });
    const results = await Promise.allSettled([get('A'), get('bad')]);
    expect(results).toEqual([
      { status: 'rejected', reason: boom },
      { status: 'rejected', reason: boom },
    ]);
    expect(await get('C')).toBe('row of C');
  });

  it('a load that throws before its promise fails its batch, not the server', async () => {
    const get = batchLoader<string, string>(
      () => {
        throw new Error('thrown');
      },
      { maxBatch: 64, inFlight: 1 },
    );
    await expect(get('A')).rejects.toThrow('thrown');
    await expect(get('B')).rejects.toThrow('thrown');
  });
});
