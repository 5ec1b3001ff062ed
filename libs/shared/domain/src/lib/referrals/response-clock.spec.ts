import { REFERRAL_TARGET_TYPES, REFERRAL_URGENCIES } from './referral-vocabulary';
import { referralResponseStages, responseHours } from './response-clock';
import type { ResponseTimeSetting } from './response-clock';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

describe('responseHours', () => {
  it.each([
    ['emergency', 1],
    ['urgent', 24],
    ['routine', 72],
  ] as const)('defaults a %s referral to %i hours when nothing is set', (urgency, hours) => {
    for (const type of REFERRAL_TARGET_TYPES) expect(responseHours([], type, urgency)).toBe(hours);
  });

  it('uses the setting for the agency type and urgency, and only for that pair', () => {
    const settings: ResponseTimeSetting[] = [
      { agencyType: 'police', urgency: 'emergency', hours: 2 },
    ];
    expect(responseHours(settings, 'police', 'emergency')).toBe(2);
    // Same type, other urgency; same urgency, other type: still the defaults.
    expect(responseHours(settings, 'police', 'urgent')).toBe(24);
    expect(responseHours(settings, 'police', 'routine')).toBe(72);
    expect(responseHours(settings, 'health', 'emergency')).toBe(1);
    expect(responseHours(settings, 'court', 'emergency')).toBe(1);
  });

  it('keeps every agency type and urgency apart when all are set', () => {
    const settings: ResponseTimeSetting[] = REFERRAL_TARGET_TYPES.flatMap((agencyType, t) =>
      REFERRAL_URGENCIES.map((urgency, u) => ({ agencyType, urgency, hours: 100 + 10 * t + u })),
    );
    for (const [t, type] of REFERRAL_TARGET_TYPES.entries()) {
      for (const [u, urgency] of REFERRAL_URGENCIES.entries()) {
        expect([type, urgency, responseHours(settings, type, urgency)]).toEqual([
          type,
          urgency,
          100 + 10 * t + u,
        ]);
      }
    }
  });

  it('lets an admin make a period longer or shorter than the default', () => {
    const settings: ResponseTimeSetting[] = [
      { agencyType: 'health', urgency: 'routine', hours: 48 },
      { agencyType: 'legal_aid', urgency: 'urgent', hours: 720 },
    ];
    expect(responseHours(settings, 'health', 'routine')).toBe(48);
    expect(responseHours(settings, 'legal_aid', 'urgent')).toBe(720);
  });
});

describe('referralResponseStages', () => {
  it('for an emergency hour: reminds the receiving agency after 30 minutes, then escalates and tells the sender at the hour', () => {
    expect(referralResponseStages(1)).toEqual([
      {
        stage: 'reminder_halfway',
        kind: 'reminder',
        audience: 'receiving_agency',
        offsetMs: -30 * MINUTE,
      },
      { stage: 'escalation_due', kind: 'escalation', audience: 'receiving_agency', offsetMs: 0 },
      { stage: 'sender_notice_due', kind: 'escalation', audience: 'referring_user', offsetMs: 0 },
    ]);
  });

  it.each([
    [24, -12 * HOUR],
    [72, -36 * HOUR],
    [5, -2.5 * HOUR],
    [720, -360 * HOUR],
  ])('for %i hours reminds halfway through (%i ms before the due time)', (hours, offsetMs) => {
    const [reminder] = referralResponseStages(hours);
    expect(reminder).toEqual({
      stage: 'reminder_halfway',
      kind: 'reminder',
      audience: 'receiving_agency',
      offsetMs,
    });
  });

  it('for 72 hours escalates to the receiving agency and tells the sender when the time is up', () => {
    expect(referralResponseStages(72).slice(1)).toEqual([
      { stage: 'escalation_due', kind: 'escalation', audience: 'receiving_agency', offsetMs: 0 },
      { stage: 'sender_notice_due', kind: 'escalation', audience: 'referring_user', offsetMs: 0 },
    ]);
  });

  it.each([1, 5, 24, 72, 720])('names every stage of a %i-hour clock differently', (hours) => {
    const names = referralResponseStages(hours).map((s) => s.stage);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([1, 5, 24, 72, 720])(
    'lists the stages of a %i-hour clock in the order they fire, the reminder after the referral is sent',
    (hours) => {
      const offsets = referralResponseStages(hours).map((s) => s.offsetMs);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(offsets[0]).toBeGreaterThan(-hours * HOUR);
      expect(offsets[0]).toBeLessThan(0);
    },
  );
});
