import { CASE_STAGES } from '../intake/vocabulary';
import type { CaseStage } from '../intake/vocabulary';
import {
  allowedClosureActions,
  caseClosureTransition,
  closureBlockers,
  isCaseEditable,
  isClosureStep,
} from './case-closure';
import type { CaseClosureAction } from './case-closure';

const ACTION_ORDER: Readonly<Record<CaseClosureAction, true>> = {
  request_closure: true,
  approve_closure: true,
  return_closure: true,
  reopen: true,
};
const ACTIONS = Object.keys(ACTION_ORDER) as CaseClosureAction[];

const P = 'closure_pending';
const NO_REQUEST = 'refused:no_closure_request';
const CLOSED = 'refused:case_closed';
const NOT_CLOSED = 'refused:case_not_closed';

/**
 * Every stage × every closure action: the stage after it (`back` = the stage the request was made
 * from, here `implementation`), or the refusal the API answers 409 with.
 */
const EXPECTED: Readonly<Record<CaseStage, Readonly<Record<CaseClosureAction, string>>>> = {
  intake: {
    request_closure: P,
    approve_closure: NO_REQUEST,
    return_closure: NO_REQUEST,
    reopen: NOT_CLOSED,
  },
  assessment: {
    request_closure: P,
    approve_closure: NO_REQUEST,
    return_closure: NO_REQUEST,
    reopen: NOT_CLOSED,
  },
  case_planning: {
    request_closure: P,
    approve_closure: NO_REQUEST,
    return_closure: NO_REQUEST,
    reopen: NOT_CLOSED,
  },
  implementation: {
    request_closure: P,
    approve_closure: NO_REQUEST,
    return_closure: NO_REQUEST,
    reopen: NOT_CLOSED,
  },
  follow_up: {
    request_closure: P,
    approve_closure: NO_REQUEST,
    return_closure: NO_REQUEST,
    reopen: NOT_CLOSED,
  },
  reopened: {
    request_closure: P,
    approve_closure: NO_REQUEST,
    return_closure: NO_REQUEST,
    reopen: NOT_CLOSED,
  },
  closure_pending: {
    request_closure: 'refused:closure_pending',
    approve_closure: 'closed',
    return_closure: 'back',
    reopen: NOT_CLOSED,
  },
  closed: {
    request_closure: CLOSED,
    approve_closure: CLOSED,
    return_closure: CLOSED,
    reopen: 'reopened',
  },
};

describe('case closure state machine', () => {
  const cells = CASE_STAGES.flatMap((stage) =>
    ACTIONS.map((action) => [stage, action, EXPECTED[stage][action]] as const),
  );

  it.each(cells)('%s + %s → %s', (stage, action, expected) => {
    const result = caseClosureTransition(stage, action, 'implementation');
    const actual =
      'refused' in result
        ? `refused:${result.refused}`
        : stage === 'closure_pending' && action === 'return_closure'
          ? result.next === 'implementation'
            ? 'back'
            : result.next
          : result.next;
    expect(actual).toBe(expected);
  });

  it('a returned request without a recorded stage goes back to follow-up', () => {
    expect(caseClosureTransition('closure_pending', 'return_closure')).toEqual({
      next: 'follow_up',
    });
  });

  it.each(CASE_STAGES.map((s) => [s] as const))(
    'the actions offered from %s are the allowed cells',
    (stage) => {
      expect(allowedClosureActions(stage)).toEqual(
        ACTIONS.filter((a) => !EXPECTED[stage][a].startsWith('refused:')),
      );
    },
  );

  it.each([
    ['implementation', 'closure_pending', true],
    ['closure_pending', 'closed', true],
    ['closure_pending', 'follow_up', true],
    ['closed', 'reopened', true],
    ['intake', 'assessment', false],
    ['reopened', 'assessment', false],
  ] as const)('%s → %s is a closure step: %s', (from, to, expected) => {
    expect(isClosureStep(from, to)).toBe(expected);
  });

  it.each([
    [0, 0, []],
    [1, 0, ['referral_open']],
    [0, 2, ['incident_report_open']],
    [3, 1, ['referral_open', 'incident_report_open']],
  ] as const)(
    '%i open referrals and %i open reports block with %j',
    (referralsSent, incidentReports, expected) => {
      expect(closureBlockers({ referralsSent, incidentReports })).toEqual(expected);
    },
  );

  it.each(CASE_STAGES.map((s) => [s, s !== 'closed'] as const))(
    'a %s case is editable: %s',
    (stage, editable) => {
      expect(isCaseEditable(stage)).toBe(editable);
    },
  );
});
