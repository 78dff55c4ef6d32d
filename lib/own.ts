/**
 * A map's own entry for a key that came from outside (a URL parameter, stored JSON), or
 * undefined. `key in map` and `map[key]` also find inherited names such as `constructor`,
 * `__proto__` and `toString`, which turned `?sort=constructor` into a server error.
 */
export const own = <T>(map: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(map, key) ? map[key] : undefined

/** Whether a key from outside names one of the map's own entries. */
export const isOwnKey = <K extends string>(
  map: Readonly<Record<K, unknown>>,
  key: unknown,
): key is K => typeof key === 'string' && Object.hasOwn(map, key)
