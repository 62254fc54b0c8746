/**
 * Reads by key that arrive together, answered by one statement (at most `maxBatch` keys): the keys
 * asked while the server reads the requests that arrived together (one turn of Node's event loop,
 * `setImmediate`) go in one statement, and while `inFlight` statements are running the keys asked
 * meanwhile wait and go together in the next. An idle server adds one turn of the event loop
 * (microseconds); a busy one makes one statement for many requests instead of one each
 * (DataLoader's batching, without its cache: every answer comes from the database at the time it
 * was asked or later).
 *
 * A failed statement fails every request of its batch with the same error.
 */
export interface BatchLoaderOptions {
  /** Most keys in one statement. */
  maxBatch: number;
  /** Statements running at once (the embedded database runs one at a time anyway: 1). */
  inFlight: number;
}

export function batchLoader<K, V>(load: (keys: K[]) => Promise<ReadonlyMap<K, V>>, opts: BatchLoaderOptions): (key: K) => Promise<V | undefined> {
  type Waiter = { resolve: (v: V | undefined) => void; reject: (err: unknown) => void };
  // Keys in the order asked; a key asked twice before its statement starts is read once.
  let waiting = new Map<K, Waiter[]>();
  let running = 0;
  let scheduled = false;

  const pump = () => {
    scheduled = false;
    while (running < opts.inFlight && waiting.size > 0) {
      let batch: Map<K, Waiter[]>;
      if (waiting.size <= opts.maxBatch) {
        batch = waiting;
        waiting = new Map();
      } else {
        batch = new Map();
        for (const [k, w] of waiting) {
          if (batch.size === opts.maxBatch) break;
          batch.set(k, w);
          waiting.delete(k);
        }
      }
      running++;
      let answer: Promise<ReadonlyMap<K, V>>;
      try {
        answer = load([...batch.keys()]);
      } catch (err) {
        answer = Promise.reject(err);
      }
      answer.then(
        (found) => {
          for (const [k, ws] of batch) for (const w of ws) w.resolve(found.get(k));
        },
        (err: unknown) => {
          for (const ws of batch.values()) for (const w of ws) w.reject(err);
        },
      ).finally(() => {
        running--;
        pump();
      });
    }
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const ws = waiting.get(key);
      if (ws) ws.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
      if (!scheduled && running < opts.inFlight) {
        scheduled = true;
        setImmediate(pump);
      }
    });
}
