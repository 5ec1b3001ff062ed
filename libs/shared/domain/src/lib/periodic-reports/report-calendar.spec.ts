import { WorkingCalendar } from '../deadlines/calendar';
import {
  PERIODIC_REPORT_KINDS,
  defaultReportCalendar,
  reportCalendarProblem,
  reportClockPeriod,
  reportDueAt,
} from './report-calendar';

const vnMidnight = (date: string): Date => new Date(`${date}T00:00:00+07:00`);
const noHolidays = new WorkingCalendar([]);

describe('the report calendar', () => {
  it('defaults to the seeds’ due dates, one entry per kind', () => {
    expect(defaultReportCalendar(2026)).toEqual([
      { kind: 'half_year', dueOn: '2026-05-15', periodFrom: '2025-11', periodTo: '2026-04' },
      { kind: 'annual', dueOn: '2026-11-15', periodFrom: '2025-11', periodTo: '2026-10' },
      {
        kind: 'provincial_annual',
        dueOn: '2026-12-05',
        periodFrom: '2025-12',
        periodTo: '2026-11',
      },
      { kind: 'consolidated', dueOn: '2026-12-15', periodFrom: '2025-12', periodTo: '2026-11' },
      { kind: 'action_month', dueOn: '2026-12-18', periodFrom: '2026-11', periodTo: '2026-12' },
    ]);
    expect(defaultReportCalendar(2026).map((e) => e.kind)).toEqual([...PERIODIC_REPORT_KINDS]);
  });

  it('every default is a valid entry of its year', () => {
    for (const year of [2026, 2027, 2100]) {
      for (const entry of defaultReportCalendar(year)) {
        expect(reportCalendarProblem(year, entry)).toBeNull();
      }
    }
  });

  describe('due instants, by the Civil Code', () => {
    it('a working day ends at 24:00 of it', () => {
      // 15/05/2026 is a Friday.
      expect(reportDueAt(2026, '2026-05-15', noHolidays)).toEqual(vnMidnight('2026-05-16'));
    });

    it('a Saturday or Sunday moves to the end of Monday', () => {
      // 05/12/2026 is a Saturday, 15/11/2026 a Sunday.
      expect(reportDueAt(2026, '2026-12-05', noHolidays)).toEqual(vnMidnight('2026-12-08'));
      expect(reportDueAt(2026, '2026-11-15', noHolidays)).toEqual(vnMidnight('2026-11-17'));
    });

    it('a holiday moves it on; a make-up working Saturday does not', () => {
      const calendar = new WorkingCalendar([
        { date: '2026-05-15', kind: 'public_holiday', name: 'Ngày lễ' },
        { date: '2026-05-16', kind: 'makeup_working_day', name: 'Làm bù' },
      ]);
      expect(reportDueAt(2026, '2026-05-15', calendar)).toEqual(vnMidnight('2026-05-17'));
    });

    it('is a day period from 1 January, so a holiday change recounts it like any day clock', () => {
      expect(reportClockPeriod(2026, '2026-05-15')).toEqual({
        startedAt: vnMidnight('2026-01-01'),
        period: { unit: 'days', amount: 134 },
      });
      expect(reportClockPeriod(2026, '2027-01-10').period.amount).toBe(374);
      expect(() => reportClockPeriod(2026, '2025-12-31')).toThrow(RangeError);
    });
  });

  describe('what an admin may set', () => {
    const ok = { dueOn: '2026-05-20', periodFrom: '2026-01', periodTo: '2026-06' };
    it.each([
      [{ dueOn: '2026-02-30' }, { field: 'dueOn', code: 'invalid_date' }],
      [{ dueOn: '2025-12-31' }, { field: 'dueOn', code: 'due_outside_years' }],
      [{ dueOn: '2028-01-01' }, { field: 'dueOn', code: 'due_outside_years' }],
      [{ periodFrom: '2026-13' }, { field: 'periodFrom', code: 'invalid_month' }],
      [{ periodTo: '2026-06-01' }, { field: 'periodTo', code: 'invalid_month' }],
      [{ periodTo: '2025-12' }, { field: 'periodTo', code: 'period_reversed' }],
      [
        { periodFrom: '2024-01', periodTo: '2026-01' },
        { field: 'periodTo', code: 'period_too_long' },
      ],
    ])('%j → %j', (change, problem) => {
      expect(reportCalendarProblem(2026, { ...ok, ...change })).toEqual(problem);
    });

    it('accepts a late cut-off in the next year and a 24-month span', () => {
      expect(reportCalendarProblem(2026, { ...ok, dueOn: '2027-12-31' })).toBeNull();
      expect(
        reportCalendarProblem(2026, { ...ok, periodFrom: '2025-01', periodTo: '2026-12' }),
      ).toBeNull();
    });
  });
});
