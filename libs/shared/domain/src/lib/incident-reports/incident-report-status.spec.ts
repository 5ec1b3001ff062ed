import { INCIDENT_REPORT_STATUSES } from '../clocks/deadline-kinds';
import type { IncidentReportStatus } from '../clocks/deadline-kinds';
import {
  allowedIncidentReportActions,
  incidentReportTransition,
  isIncidentReportOpen,
  nextIncidentReportStatus,
} from './incident-report-status';
import type { IncidentReportAction, IncidentReportRefusal } from './incident-report-status';

const ACTION_ORDER: Readonly<Record<IncidentReportAction, true>> = {
  edit: true,
  approve: true,
  submit: true,
  acknowledge: true,
};
const ACTIONS = Object.keys(ACTION_ORDER) as IncidentReportAction[];

/**
 * The whole machine, cell by cell: a status after the action, or the refusal code the API answers
 * 409 with. Draft → approved (supervisor) → submitted (meets the 10-day clock) → acknowledged;
 * editing an approved draft sends it back to draft; a submitted report is final.
 */
const EXPECTED: Readonly<
  Record<
    IncidentReportStatus,
    Readonly<
      Record<IncidentReportAction, IncidentReportStatus | `refused:${IncidentReportRefusal}`>
    >
  >
> = {
  draft: {
    edit: 'draft',
    approve: 'approved',
    submit: 'refused:not_approved',
    acknowledge: 'refused:already_acknowledged',
  },
  approved: {
    edit: 'draft',
    approve: 'refused:already_approved',
    submit: 'submitted',
    acknowledge: 'refused:already_acknowledged',
  },
  submitted: {
    edit: 'refused:already_submitted',
    approve: 'refused:already_submitted',
    submit: 'refused:already_submitted',
    acknowledge: 'acknowledged',
  },
  acknowledged: {
    edit: 'refused:already_submitted',
    approve: 'refused:already_submitted',
    submit: 'refused:already_submitted',
    acknowledge: 'refused:already_acknowledged',
  },
};

describe('incident report state machine', () => {
  const cells = INCIDENT_REPORT_STATUSES.flatMap((status) =>
    ACTIONS.map((action) => [status, action, EXPECTED[status][action]] as const),
  );

  it.each(cells)('%s + %s → %s', (status, action, expected) => {
    const result = incidentReportTransition(status, action);
    const actual = 'next' in result ? result.next : `refused:${result.refused}`;
    expect(actual).toBe(expected);
    expect(nextIncidentReportStatus(status, action)).toBe(
      expected.startsWith('refused:') ? null : expected,
    );
  });

  it.each(INCIDENT_REPORT_STATUSES.map((s) => [s] as const))(
    'the actions offered from %s are exactly the allowed cells',
    (status) => {
      expect(allowedIncidentReportActions(status)).toEqual(
        ACTIONS.filter((a) => !EXPECTED[status][a].startsWith('refused:')),
      );
    },
  );

  it.each([
    ['draft', true],
    ['approved', true],
    ['submitted', false],
    ['acknowledged', false],
  ] as const)('a %s report keeps its case open: %s', (status, open) => {
    expect(isIncidentReportOpen(status)).toBe(open);
  });
});
