import { DEFAULT_REASSESSMENT_DAYS } from './risk-instrument';
import { caseReviewStages, parseReassessmentDays } from './case-review-clocks';

const DAY = 24 * 60 * 60 * 1000;

describe('case review clocks', () => {
  it('remind the caseworker the day before and tell the supervisors two days after', () => {
    expect(caseReviewStages()).toEqual([
      { stage: 'reminder_1d', kind: 'reminder', audience: 'assigned_caseworker', offsetMs: -DAY },
      {
        stage: 'escalation_2d_after',
        kind: 'escalation',
        audience: 'supervisors',
        offsetMs: 2 * DAY,
      },
    ]);
  });

  it.each([undefined, '', '  '])('the default schedule when nothing is set (%p)', (raw) => {
    expect(parseReassessmentDays(raw)).toEqual({ days: DEFAULT_REASSESSMENT_DAYS, problem: null });
  });

  it('a configured level replaces its default; the others keep theirs', () => {
    expect(parseReassessmentDays('high:3, low:60').days).toEqual({
      ...DEFAULT_REASSESSMENT_DAYS,
      high: 3,
      low: 60,
    });
  });

  it.each(['severe:3', 'high:0', 'high:366', 'high:2.5', 'high', 'high:x'])('refuses %p', (raw) => {
    expect(parseReassessmentDays(raw).problem).toMatch(/REASSESSMENT_DAYS/);
  });
});
