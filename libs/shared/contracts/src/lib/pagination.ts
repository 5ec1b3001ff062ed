/** Keyset pagination: pass `nextCursor` back as `after` to get the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
