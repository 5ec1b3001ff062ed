import type {
  MeasureAction,
  MeasureDecision,
  MeasureStatus,
  ProtectiveMeasureType,
} from './protective-measure';
import {
  MEASURE_STATUSES,
  addVietnamMonths,
  decisionProblems,
  isInForce,
  measureStatusAt,
  nextMeasureStatus,
  recordedBy,
  requestNeedsConsent,
  statusAfterDecision,
} from './protective-measure';

const at = (iso: string) => new Date(iso);

describe('nextMeasureStatus', () => {
  // Every (status, action) pair: the allowed ones and where they lead; everything else is refused.
  const allowed: [MeasureStatus, MeasureAction, MeasureStatus][] = [
    ['requested', 'grant', 'granted'],
    ['requested', 'refuse', 'refused'],
    ['granted', 'take_effect', 'in_force'],
    ['in_force', 'breach', 'breached'],
    ['breached', 'breach', 'breached'],
    ['granted', 'end', 'ended'],
    ['in_force', 'end', 'ended'],
    ['breached', 'end', 'ended'],
    ['granted', 'revoke', 'revoked'],
    ['in_force', 'revoke', 'revoked'],
    ['breached', 'revoke', 'revoked'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextMeasureStatus(from, action)).toBe(to);
  });

  const actions: MeasureAction[] = ['grant', 'refuse', 'take_effect', 'breach', 'end', 'revoke'];
  const refused = MEASURE_STATUSES.flatMap((s) => actions.map((a) => [s, a] as const)).filter(
    ([s, a]) => !allowed.some(([f, act]) => f === s && act === a),
  );
  it.each(refused)('refuses %s --%s-->', (from, action) => {
    expect(nextMeasureStatus(from, action)).toBeNull();
  });

  it('counts in force and breached orders as binding, nothing else', () => {
    expect(MEASURE_STATUSES.filter(isInForce)).toEqual(['in_force', 'breached']);
  });
});

describe('requestNeedsConsent', () => {
  it.each([
    ['victim', false],
    ['guardian', false],
    ['social_work_centre', true],
    ['police', true],
    ['other_agency', true],
  ] as const)('%s asking → consent needed: %s', (who, needed) => {
    expect(requestNeedsConsent(who)).toBe(needed);
  });
});

describe('measureStatusAt', () => {
  const start = at('2026-12-05T10:00:00Z');
  const end = at('2026-12-08T10:00:00Z');
  it.each<[MeasureStatus, string, MeasureStatus]>([
    ['granted', '2026-12-05T09:59:59Z', 'granted'],
    ['granted', '2026-12-05T10:00:00Z', 'in_force'],
    ['in_force', '2026-12-08T09:59:59Z', 'in_force'],
    ['in_force', '2026-12-08T10:00:00Z', 'ended'],
    ['breached', '2026-12-08T10:00:00Z', 'ended'],
    ['granted', '2026-12-09T00:00:00Z', 'ended'],
    ['revoked', '2026-12-09T00:00:00Z', 'revoked'],
    ['refused', '2026-12-09T00:00:00Z', 'refused'],
  ])('%s at %s reads as %s', (status, now, expected) => {
    expect(measureStatusAt({ status, startsAt: start, endsAt: end }, at(now))).toBe(expected);
  });
});

describe('addVietnamMonths', () => {
  it.each([
    // 10:00 Vietnam time, 5 December 2026 → 5 April 2027, same wall clock.
    ['2026-12-05T03:00:00Z', '2027-04-05T03:00:00Z'],
    // 31 October → 28 February (2027 is not a leap year), clamped to the month's last day.
    ['2026-10-31T03:00:00Z', '2027-02-28T03:00:00Z'],
    // 31 October 2027 → 29 February 2028 (leap year).
    ['2027-10-31T03:00:00Z', '2028-02-29T03:00:00Z'],
    // 23:30 Vietnam time on 31 January is still 31 January there (16:30 UTC): → 31 May.
    ['2027-01-31T16:30:00Z', '2027-05-31T16:30:00Z'],
  ])('%s + 4 months = %s', (from, to) => {
    expect(addVietnamMonths(at(from), 4).toISOString()).toBe(new Date(to).toISOString());
  });
});

describe('decisionProblems', () => {
  const requestedAt = at('2026-12-05T02:00:00Z');
  const now = at('2026-12-05T06:00:00Z');
  const grant = (startsAt: string | null, endsAt: string | null): MeasureDecision => ({
    decision: 'granted',
    startsAt: startsAt ? at(startsAt) : null,
    endsAt: endsAt ? at(endsAt) : null,
    reasons: null,
  });
  const cases: [string, ProtectiveMeasureType, MeasureDecision, string[]][] = [
    [
      'commune: exactly 3 days',
      'no_contact_commune',
      grant('2026-12-05T06:00:00Z', '2026-12-08T06:00:00Z'),
      [],
    ],
    [
      'commune: 3 days and 1 second',
      'no_contact_commune',
      grant('2026-12-05T06:00:00Z', '2026-12-08T06:00:01Z'),
      ['endsAt:exceeds_max_duration'],
    ],
    [
      'commune: 1 hour',
      'no_contact_commune',
      grant('2026-12-05T06:00:00Z', '2026-12-05T07:00:00Z'),
      [],
    ],
    [
      'commune: no end',
      'no_contact_commune',
      grant('2026-12-05T06:00:00Z', null),
      ['endsAt:required'],
    ],
    [
      'commune: no start',
      'no_contact_commune',
      grant(null, '2026-12-06T06:00:00Z'),
      ['startsAt:required'],
    ],
    [
      'commune: ends at its start',
      'no_contact_commune',
      grant('2026-12-05T06:00:00Z', '2026-12-05T06:00:00Z'),
      ['endsAt:ends_before_start'],
    ],
    [
      'commune: signed before the request',
      'no_contact_commune',
      grant('2026-12-05T01:00:00Z', '2026-12-06T01:00:00Z'),
      ['startsAt:starts_before_request'],
    ],
    [
      'commune: effective in the future',
      'no_contact_commune',
      grant('2026-12-05T08:00:00Z', '2026-12-06T08:00:00Z'),
      ['startsAt:effective_on_signing'],
    ],
    [
      'commune: signed 4 minutes ahead (clock skew)',
      'no_contact_commune',
      grant('2026-12-05T06:04:00Z', '2026-12-06T06:00:00Z'),
      [],
    ],
    [
      'commune: decided after the end',
      'no_contact_commune',
      grant('2026-12-05T02:00:00Z', '2026-12-05T05:00:00Z'),
      ['endsAt:decision_after_end'],
    ],
    [
      'commune: ends exactly now',
      'no_contact_commune',
      grant('2026-12-05T02:00:00Z', '2026-12-05T06:00:00Z'),
      ['endsAt:decision_after_end'],
    ],
    [
      'court: exactly 4 months',
      'no_contact_court',
      grant('2026-12-05T03:00:00Z', '2027-04-05T03:00:00Z'),
      [],
    ],
    [
      'court: 4 months and a minute',
      'no_contact_court',
      grant('2026-12-05T03:00:00Z', '2027-04-05T03:01:00Z'),
      ['endsAt:exceeds_max_duration'],
    ],
    [
      'court: starts in a week (allowed)',
      'no_contact_court',
      grant('2026-12-12T03:00:00Z', '2027-01-12T03:00:00Z'),
      [],
    ],
    ['court: no end', 'no_contact_court', grant('2026-12-05T03:00:00Z', null), ['endsAt:required']],
    ['shelter: no end needed', 'temporary_shelter', grant('2026-12-05T03:00:00Z', null), []],
    [
      'shelter: a year is fine',
      'temporary_shelter',
      grant('2026-12-05T03:00:00Z', '2027-12-05T03:00:00Z'),
      [],
    ],
    [
      'refused with reasons',
      'no_contact_commune',
      { decision: 'refused', startsAt: null, endsAt: null, reasons: 'Không đủ căn cứ' },
      [],
    ],
    [
      'refused without reasons',
      'no_contact_commune',
      { decision: 'refused', startsAt: null, endsAt: null, reasons: '  ' },
      ['reasons:refusal_reasons_required'],
    ],
  ];
  it.each(cases)('%s', (_label, type, decision, expected) => {
    expect(
      decisionProblems(type, decision, { requestedAt, now }).map((p) => `${p.field}:${p.code}`),
    ).toEqual(expected);
  });

  it('puts a grant already started in force, a later one granted, a refusal refused', () => {
    expect(statusAfterDecision(grant('2026-12-05T06:00:00Z', '2026-12-06T00:00:00Z'), now)).toBe(
      'in_force',
    );
    expect(statusAfterDecision(grant('2026-12-05T07:00:00Z', '2026-12-06T00:00:00Z'), now)).toBe(
      'granted',
    );
    expect(
      statusAfterDecision({ decision: 'refused', startsAt: null, endsAt: null, reasons: 'x' }, now),
    ).toBe('refused');
  });
});

describe('recordedBy (decision and revocation)', () => {
  it.each<[ProtectiveMeasureType, 'commune_committee' | 'centre']>([
    ['no_contact_commune', 'commune_committee'],
    ['no_contact_court', 'centre'],
    ['commune_police_summons', 'centre'],
    ['temporary_shelter', 'centre'],
    ['other', 'centre'],
  ])('%s: %s', (type, who) => {
    expect(recordedBy(type)).toBe(who);
  });
});
