/**
 * What leaves the API for one aggregate number (decision 0021): the exact count, or "suppressed".
 * A suppressed number is shown as "<5" whether it is a count from 1 to 4 or a larger number hidden
 * with it: one mark for both, because a second mark ("this one is 5 or more") would let a reader
 * narrow the small ones down.
 */
export type PublishedCount =
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'suppressed' };

export const SUPPRESSED: PublishedCount = { kind: 'suppressed' };

/** The mark shown for a suppressed number, on screen and in exports. */
export const SUPPRESSED_MARK = '<5';

/** Is a count from 1 to 4 (never published)? */
export function isSmallCount(value: number): boolean {
  return value > 0 && value < 5;
}

export function formatPublishedCount(count: PublishedCount): string {
  return count.kind === 'count' ? String(count.value) : SUPPRESSED_MARK;
}

/** `total` is the sum of `parts`; used to audit published lattices (see `feasibleValues`). */
export interface AdditiveRelation {
  readonly total: string;
  readonly parts: readonly string[];
}
