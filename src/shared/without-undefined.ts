/** The object without its undefined fields: Meilisearch documents and spreads over defaults must not carry them. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
