// Looking a key up in a table of words: only the table's own entries count, so a key such as
// `constructor` or `toString` (which a path or an id from the data can be) finds nothing instead of
// a property inherited from Object.prototype.

/** The table's own entry for `k`, or undefined. */
export function egenPost<T>(tabel: Readonly<Record<string, T>>, k: string): T | undefined {
  return Object.hasOwn(tabel, k) ? tabel[k] : undefined;
}
