import { periodicReportStages } from './report-clock';
import { PERIODIC_REPORT_STATUSES } from './periodic-report-status';
import type {
  PeriodicReportAction,
  PeriodicReportRefusal,
  PeriodicReportStatus,
} from './periodic-report-status';
import { allowedPeriodicReportActions, periodicReportTransition } from './periodic-report-status';

type Expected = PeriodicReportStatus | `refused:${PeriodicReportRefusal}`;

/** The whole machine, cell by cell: status × action → next status or the 409 code. */
const EXPECTED: Readonly<
  Record<PeriodicReportStatus, Readonly<Record<PeriodicReportAction, Expected>>>
> = {
  draft: {
    edit: 'draft',
    approve: 'approved',
    submit: 'refused:not_approved',
    acknowledge: 'refused:not_submitted',
  },
  approved: {
    edit: 'draft',
    approve: 'refused:already_approved',
    submit: 'submitted',
    acknowledge: 'refused:not_submitted',
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

const ACTIONS: PeriodicReportAction[] = ['edit', 'approve', 'submit', 'acknowledge'];

describe('periodic report state machine', () => {
  it.each(
    PERIODIC_REPORT_STATUSES.flatMap((status) =>
      ACTIONS.map((action) => [status, action, EXPECTED[status][action]] as const),
    ),
  )('%s + %s → %s', (status, action, expected) => {
    const result = periodicReportTransition(status, action);
    expect('next' in result ? result.next : `refused:${result.refused}`).toBe(expected);
  });

  it.each([
    ['draft', ['edit', 'approve']],
    ['approved', ['edit', 'submit']],
    ['submitted', ['acknowledge']],
    ['acknowledged', []],
  ] as const)('from %s the allowed actions are %j', (status, actions) => {
    expect(allowedPeriodicReportActions(status)).toEqual(actions);
  });
});

describe('periodic report clock stages', () => {
  it('reminds the centre’s supervisors, then escalates to the province at the due instant', () => {
    expect(
      periodicReportStages().map((s) => [s.stage, s.kind, s.audience, s.offsetMs / 86_400_000]),
    ).toEqual([
      ['reminder_14d', 'reminder', 'supervisors', -14],
      ['reminder_3d', 'reminder', 'supervisors', -3],
      ['reminder_1d', 'reminder', 'supervisors', -1],
      ['escalation_due', 'escalation', 'reporting_officers', 0],
    ]);
  });
});
