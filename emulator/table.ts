/** Handler tables keyed by a name from a request (a tag, a function, an action). */

/**
 * The table's own entry for `key`: a name from a request such as `constructor` or `toString` must find nothing
 * rather than what every object inherits.
 */
export function entryOf<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
