/** One page of a keyset list, the shape every list endpoint answers. */
export function page<T>(items: readonly T[], nextCursor: string | null = null) {
  return { items: [...items], nextCursor };
}
