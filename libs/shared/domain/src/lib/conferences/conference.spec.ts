import type {
  ConferenceActionSide,
  ConferenceActionStatus,
  ConferenceStatus,
  ConferenceStep,
} from './conference';
import {
  CONFERENCE_ACTION_STATUSES,
  CONFERENCE_STATUSES,
  conferenceStatusAfter,
  checkConferenceDate,
  conferenceActionStages,
  conferenceActionTransition,
  isConferenceInvitableType,
  mayReadMinutes,
  mayWorkConferenceInvites,
} from './conference';
import { ROLES } from '../roles/role';

describe('conference action status machine', () => {
  const S = (s: string) => s as ConferenceActionStatus;
  // from, to, owner, convener: what each side gets.
  const table: [string, string, string, string][] = [
    ['open', 'open', 'invalid_transition', 'invalid_transition'],
    ['open', 'done', 'allowed', 'not_allowed_for_side'],
    ['open', 'cancelled', 'allowed', 'allowed'],
    ['done', 'open', 'invalid_transition', 'invalid_transition'],
    ['done', 'done', 'invalid_transition', 'invalid_transition'],
    ['done', 'cancelled', 'invalid_transition', 'invalid_transition'],
    ['cancelled', 'open', 'invalid_transition', 'invalid_transition'],
    ['cancelled', 'done', 'invalid_transition', 'invalid_transition'],
    ['cancelled', 'cancelled', 'invalid_transition', 'invalid_transition'],
  ];

  it('covers every pair of statuses', () => {
    expect(table).toHaveLength(CONFERENCE_ACTION_STATUSES.length ** 2);
  });

  it.each(table)('%s → %s: owner %s, convener %s', (from, to, owner, convener) => {
    const as = (side: ConferenceActionSide) => conferenceActionTransition(S(from), S(to), [side]);
    expect([as('owner'), as('convener')]).toEqual([owner, convener]);
  });

  it('a convening centre that owns the action may complete it', () => {
    expect(conferenceActionTransition('open', 'done', ['owner', 'convener'])).toBe('allowed');
  });
});

describe('conference status machine', () => {
  // status, then what record, reschedule, cancel and add_action leave (null: not allowed).
  const table: [ConferenceStatus, ...(ConferenceStatus | null)[]][] = [
    ['scheduled', 'held', 'scheduled', 'cancelled', 'scheduled'],
    ['held', 'held', null, null, 'held'],
    ['cancelled', null, null, null, null],
  ];
  const steps: ConferenceStep[] = ['record', 'reschedule', 'cancel', 'add_action'];

  it('covers every status', () => {
    expect(table.map(([s]) => s)).toEqual([...CONFERENCE_STATUSES]);
  });

  it.each(table)(
    '%s: record %s, reschedule %s, cancel %s, add an action %s',
    (status, ...after) => {
      expect(steps.map((step) => conferenceStatusAfter(status, step))).toEqual(after);
    },
  );
});

describe('who may read the minutes', () => {
  const CONVENER = 'centre';
  it.each([
    // viewer, attendance, actions open, may read
    ['centre', null, true, true],
    ['centre', null, false, true],
    ['police', 'attended', true, true],
    ['police', 'attended', false, false],
    ['police', 'absent', true, false],
    ['police', 'unknown', true, false],
    ['police', null, true, false],
  ] as const)('%s (attendance %s, actions open %s) → %s', (viewer, attendance, open, expected) => {
    expect(
      mayReadMinutes({
        viewerAgencyId: viewer,
        convenerAgencyId: CONVENER,
        attendance,
        actionsOpen: open,
      }),
    ).toBe(expected);
  });
});

describe('conference inbox roles and invitable agencies', () => {
  it.each(ROLES.map((r) => [r]))('%s', (role) => {
    const works = [
      'police_liaison',
      'health_liaison',
      'justice_liaison',
      'commune_officer',
      'caseworker',
      'supervisor',
    ].includes(role);
    expect(mayWorkConferenceInvites(role)).toBe(works);
  });

  it.each([
    ['police', true],
    ['health', true],
    ['legal_aid', true],
    ['court', true],
    ['commune_committee', true],
    ['social_work_centre', true],
    ['hotline', false],
    ['reporting_authority', false],
    ['trusted_address', false],
  ] as const)('%s invitable: %s', (type, ok) => {
    expect(isConferenceInvitableType(type)).toBe(ok);
  });
});

describe('conference action clock and dates', () => {
  it('reminds the owner a day before, then tells owner and convener at the due instant', () => {
    expect(conferenceActionStages().map((s) => [s.stage, s.audience, s.offsetMs])).toEqual([
      ['reminder_1d', 'action_owner_agency', -86_400_000],
      ['escalation_due', 'action_owner_agency', 0],
      ['escalation_due_convener', 'convener', 0],
    ]);
  });

  it.each([
    ['2026-12-04', ['before_today']],
    ['2026-12-05', []],
    ['2027-06-03', []],
    ['2027-06-04', ['too_far']],
  ])('%s → %j', (date, codes) => {
    expect(checkConferenceDate('dueOn', date, '2026-12-05').map((p) => p.code)).toEqual(codes);
  });
});
