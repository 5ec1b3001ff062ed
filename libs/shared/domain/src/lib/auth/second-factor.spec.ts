import {
  DEFAULT_SECOND_FACTOR_ROLES,
  initialSecondFactor,
  normaliseRecoveryCode,
  RECOVERY_CODE_PATTERN,
  secondFactorStep,
} from './second-factor';

describe('second factor', () => {
  it.each([
    ['not_required', false, null],
    ['not_required', true, null],
    ['pending', false, 'enrol'],
    ['pending', true, 'verify'],
    ['verified', false, null],
    ['verified', true, null],
  ] as const)('a %s session, enrolled %s → %s', (session, enrolled, step) => {
    expect(secondFactorStep(session, enrolled)).toBe(step);
  });

  it.each([
    ['admin', 'pending'],
    ['supervisor', 'pending'],
    ['reporting_officer', 'pending'],
    ['caseworker', 'not_required'],
    ['hotline_operator', 'not_required'],
    ['volunteer', 'not_required'],
    ['police_liaison', 'not_required'],
  ] as const)('by default a %s session starts %s', (role, state) => {
    expect(initialSecondFactor(role, DEFAULT_SECOND_FACTOR_ROLES)).toBe(state);
  });

  it('follows the configured roles', () => {
    expect(initialSecondFactor('caseworker', ['caseworker'])).toBe('pending');
    expect(initialSecondFactor('admin', [])).toBe('not_required');
  });

  it.each([
    ['abcde-fghjk', 'ABCDE-FGHJK'],
    ['ABCDEFGHJK', 'ABCDE-FGHJK'],
    [' abcde fghjk ', 'ABCDE-FGHJK'],
    ['ABCDE-FGHJ', null],
    ['ABCDE-FGHJ1', null], // 1 and I, 0 and O are never issued
    ['OOOOO-IIIII', null],
    ['', null],
  ])('reads the recovery code %j as %j', (input, expected) => {
    expect(normaliseRecoveryCode(input)).toBe(expected);
    if (expected) expect(expected).toMatch(RECOVERY_CODE_PATTERN);
  });
});
