import {
  SAFETY_PLAN_PRINTED_BY_DEFAULT,
  SAFETY_PLAN_SECTIONS,
  changedSafetyPlanSections,
  checkSafetyPlan,
  defaultSafetyPlanReview,
  normaliseSafetyPlan,
} from './safety-plan';

const TODAY = '2026-12-05';
const codes = (problems: { field: string; code: string }[]) =>
  problems.map((p) => `${p.field}:${p.code}`);

describe('safety plan', () => {
  it('accepts a plan with one section and a review in the coming months', () => {
    expect(checkSafetyPlan({ safe_places: 'Nhà chị gái ở xã bên' }, '2026-12-12', TODAY)).toEqual(
      [],
    );
  });

  it.each([
    ['nothing in it', {}, '2026-12-12', ['sections:empty_plan']],
    ['only blanks', { safe_places: '   ' }, '2026-12-12', ['sections:empty_plan']],
    [
      'a section it does not have',
      { weapons: 'x' },
      '2026-12-12',
      ['sections.weapons:unknown_section'],
    ],
    [
      'a section that is not text',
      { safe_places: 7 },
      '2026-12-12',
      ['sections.safe_places:isString'],
    ],
    [
      'a section too long',
      { hotlines: 'x'.repeat(2001) },
      '2026-12-12',
      ['sections.hotlines:maxLength'],
    ],
    ['a review today', { hotlines: '111' }, TODAY, ['reviewOn:not_after_today']],
    ['a review in the past', { hotlines: '111' }, '2026-01-01', ['reviewOn:not_after_today']],
    ['a review 181 days away', { hotlines: '111' }, '2027-06-04', ['reviewOn:review_too_far']],
  ] as const)('refuses %s', (_name, sections, reviewOn, expected) => {
    expect(codes(checkSafetyPlan(sections, reviewOn, TODAY))).toEqual(expected);
  });

  it('a review 180 days away is the furthest allowed', () => {
    expect(checkSafetyPlan({ hotlines: '111' }, '2027-06-03', TODAY)).toEqual([]);
  });

  it('keeps only known, filled sections, trimmed', () => {
    expect(
      normaliseSafetyPlan({ safe_places: '  nhà chị gái ', code_word: '', extra: 'x' }),
    ).toEqual({
      safe_places: 'nhà chị gái',
    });
  });

  it.each([
    ['high', '2026-12-12'],
    ['unknown', '2026-12-12'],
    ['medium', '2027-01-04'],
    ['low', '2027-03-05'],
  ] as const)('proposes a review by risk: %s → %s', (risk, expected) => {
    expect(defaultSafetyPlanReview(TODAY, risk)).toBe(expected);
  });

  it('names the sections that changed between versions', () => {
    expect(
      changedSafetyPlanSections(
        { safe_places: 'a', hotlines: '111' },
        { safe_places: 'b', hotlines: '111', code_word: 'mưa' },
      ),
    ).toEqual(['safe_places', 'code_word']);
  });

  it('prints every section but the code word by default', () => {
    expect(SAFETY_PLAN_PRINTED_BY_DEFAULT).toEqual(
      SAFETY_PLAN_SECTIONS.filter((s) => s !== 'code_word'),
    );
  });
});
