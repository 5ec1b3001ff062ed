import { incidentReportStages } from './deadline-kinds';

const DAY = 24 * 60 * 60 * 1000;

describe('incidentReportStages', () => {
  it('reminds the caseworker 3 and 1 days before, escalates to supervisors at the deadline and to the province a day after', () => {
    expect(incidentReportStages([3, 1])).toEqual([
      {
        stage: 'reminder_3d',
        kind: 'reminder',
        audience: 'assigned_caseworker',
        offsetMs: -3 * DAY,
      },
      {
        stage: 'reminder_1d',
        kind: 'reminder',
        audience: 'assigned_caseworker',
        offsetMs: -1 * DAY,
      },
      { stage: 'escalation_due', kind: 'escalation', audience: 'supervisors', offsetMs: 0 },
      {
        stage: 'escalation_1d_after',
        kind: 'escalation',
        audience: 'reporting_officers',
        offsetMs: DAY,
      },
    ]);
  });

  it('orders configured reminders earliest first and drops repeats', () => {
    expect(incidentReportStages([1, 5, 1]).map((s) => s.stage)).toEqual([
      'reminder_5d',
      'reminder_1d',
      'escalation_due',
      'escalation_1d_after',
    ]);
  });

  it('works with no reminders at all', () => {
    expect(incidentReportStages([]).map((s) => s.stage)).toEqual([
      'escalation_due',
      'escalation_1d_after',
    ]);
  });
});
