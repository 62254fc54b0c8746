/**
 * What an instance read through a database handle and keeps for a short while: the working
 * calendar, the notice template in force, the units. Rules like these change a few times a year
 * and are read by nearly every request.
 *
 * - Kept per handle: a caller that passes the transaction's handle (a new one each time) reads the
 *   database itself inside every transaction; one that passes `databaseOf(ex)` hits inside them too.
 * - `forget()` drops every entry at once (an edit on this instance); other instances (several app
 *   servers on one PostgreSQL) see an edit within `ms`.
 * - A read that started before a `forget()` is not kept: take `since()` before the read and pass it
 *   to `set`, so an edit committed during the read never hides behind the old value.
 */
export interface HandleCache<V> {
  get(handle: object, key: string): V | undefined;
  /** The generation to pass to `set`: take it before the read. */
  since(): number;
  set(handle: object, key: string, value: V, since: number): void;
  forget(): void;
}

export function handleCache<V>(ms: number, maxPerHandle = 200): HandleCache<V> {
  const store = new WeakMap<object, Map<string, { value: V; until: number; generation: number }>>();
  let generation = 0;
  return {
    get(handle, key) {
      const hit = store.get(handle)?.get(key);
      return hit && hit.generation === generation && hit.until > performance.now() ? hit.value : undefined;
    },
    since: () => generation,
    set(handle, key, value, since) {
      if (since !== generation) return;
      const map = store.get(handle) ?? new Map();
      // Keys that carry a date pass with it: the map starts again when it grows past a few days' worth.
      if (map.size >= maxPerHandle) map.clear();
      store.set(handle, map.set(key, { value, until: performance.now() + ms, generation }));
    },
    forget() {
      generation++;
    },
  };
}
