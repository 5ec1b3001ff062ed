import {
  checkConsentExpiry,
  consentExpiryStages,
  currentConsents,
  defaultConsentExpiry,
  isConsentCurrent,
} from './consent-expiry';

const TODAY = '2026-12-05';

describe('consent expiry', () => {
  it.each([
    ['expires tomorrow', { withdrawnAt: null, expiresOn: '2026-12-06' }, true],
    ['expires today (holds to the end of the day)', { withdrawnAt: null, expiresOn: TODAY }, true],
    ['expired yesterday', { withdrawnAt: null, expiresOn: '2026-12-04' }, false],
    [
      'withdrawn, not expired',
      { withdrawnAt: '2026-12-01T00:00:00Z', expiresOn: '2027-12-01' },
      false,
    ],
    ['a record from before expiry dates', { withdrawnAt: null, expiresOn: null }, true],
  ] as const)('%s: current = %s', (_name, consent, expected) => {
    expect(isConsentCurrent(consent, TODAY)).toBe(expected);
  });

  it('keeps only the consents that hold today', () => {
    const list = [
      { id: 'a', withdrawnAt: null, expiresOn: '2026-12-04' },
      { id: 'b', withdrawnAt: null, expiresOn: '2027-01-01' },
      { id: 'c', withdrawnAt: new Date(), expiresOn: '2027-01-01' },
    ];
    expect(currentConsents(list, TODAY).map((c) => c.id)).toEqual(['b']);
  });

  it('a default expiry is the validity in days after the day given', () => {
    expect(defaultConsentExpiry('2026-12-05', 365)).toBe('2027-12-05');
    expect(defaultConsentExpiry('2028-02-29', 1)).toBe('2028-03-01');
  });

  it.each([
    [TODAY, 'not_after_today'],
    ['2026-12-04', 'not_after_today'],
    ['2031-12-05', 'consent_too_long'],
  ])('refuses an expiry of %s (%s)', (expiresOn, code) => {
    expect(checkConsentExpiry(expiresOn, TODAY)).toEqual(
      expect.objectContaining({ field: 'expiresOn', code }),
    );
  });

  it.each(['2026-12-06', '2031-12-04'])('accepts an expiry of %s', (expiresOn) => {
    expect(checkConsentExpiry(expiresOn, TODAY)).toBeNull();
  });

  it('reminds the caseworker two weeks before, and tells them when it has expired', () => {
    expect(consentExpiryStages()).toEqual([
      {
        stage: 'reminder_14d',
        kind: 'reminder',
        audience: 'assigned_caseworker',
        offsetMs: -14 * 86_400_000,
      },
      { stage: 'expired', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: 0 },
    ]);
  });
});
