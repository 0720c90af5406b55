/**
 * A function of a kind and a key worked out once per pair. A configured kind does not change
 * during a run, and `check` asks the same questions of it for every document.
 */
import type { KindDef } from './kinds.js';

export function perKind<T>(compute: (kind: KindDef, key: string) => T): (kind: KindDef, key: string) => T {
  const cache = new WeakMap<KindDef, Map<string, T>>();
  return (kind, key) => {
    let byKey = cache.get(kind);
    if (!byKey) {
      byKey = new Map();
      cache.set(kind, byKey);
    }
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute(kind, key);
    byKey.set(key, value);
    return value;
  };
}
