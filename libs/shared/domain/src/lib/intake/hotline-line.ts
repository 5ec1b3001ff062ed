import type { AgeGroup } from './vocabulary';

/** The national child-protection hotline (Tổng đài quốc gia bảo vệ trẻ em). */
export const CHILD_HOTLINE_NUMBER = '111';

/** Age groups of children for the hotline (under 16, Law on Children 2016 Art. 1). */
const CHILD_AGE_GROUPS: ReadonlySet<AgeGroup> = new Set(['0_6', '7_11', '12_15']);

const digits = (number: string) => number.replace(/\D/g, '');

/**
 * The line a call most likely came in on, from what the operator has said of the caller so far: a
 * call about a child came in on 111, any other on the province's own line (the first line that is
 * not 111). Null when no line fits; the operator can always choose another.
 */
export function defaultHotlineLine<L extends { number: string }>(
  lines: readonly L[],
  call: { childInvolved: boolean; survivorAgeGroup: AgeGroup | null },
): L | null {
  const child =
    call.childInvolved ||
    (call.survivorAgeGroup !== null && CHILD_AGE_GROUPS.has(call.survivorAgeGroup));
  const isChildLine = (line: L) => digits(line.number) === CHILD_HOTLINE_NUMBER;
  return (child ? lines.find(isChildLine) : lines.find((line) => !isChildLine(line))) ?? null;
}
