import { defaultHotlineLine } from './hotline-line';

const CHILD = { id: 'a', number: '111' };
const PROVINCE = { id: 'b', number: '1800 1581' };
const OTHER = { id: 'c', number: '0236 3888 999' };

describe('defaultHotlineLine', () => {
  it('picks 111 for a call about a child, by age group or by the flag', () => {
    expect(
      defaultHotlineLine([PROVINCE, CHILD], { childInvolved: false, survivorAgeGroup: '12_15' }),
    ).toBe(CHILD);
    expect(
      defaultHotlineLine([PROVINCE, CHILD], { childInvolved: true, survivorAgeGroup: null }),
    ).toBe(CHILD);
  });

  it("picks the province's first own line otherwise, 16 and 17 included", () => {
    const lines = [CHILD, PROVINCE, OTHER];
    expect(defaultHotlineLine(lines, { childInvolved: false, survivorAgeGroup: null })).toBe(
      PROVINCE,
    );
    expect(defaultHotlineLine(lines, { childInvolved: false, survivorAgeGroup: '16_17' })).toBe(
      PROVINCE,
    );
    expect(defaultHotlineLine(lines, { childInvolved: false, survivorAgeGroup: '25_59' })).toBe(
      PROVINCE,
    );
  });

  it('reads the number by its digits and gives null when no line fits', () => {
    expect(
      defaultHotlineLine([{ number: ' 1-1-1 ' }], { childInvolved: true, survivorAgeGroup: null }),
    ).toEqual({ number: ' 1-1-1 ' });
    expect(
      defaultHotlineLine([PROVINCE], { childInvolved: true, survivorAgeGroup: null }),
    ).toBeNull();
    expect(
      defaultHotlineLine([CHILD], { childInvolved: false, survivorAgeGroup: null }),
    ).toBeNull();
    expect(defaultHotlineLine([], { childInvolved: false, survivorAgeGroup: null })).toBeNull();
  });
});
