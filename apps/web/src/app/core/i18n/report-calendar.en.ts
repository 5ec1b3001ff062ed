import type { reportCalendarVi } from './report-calendar.vi';

export const reportCalendarEn: Record<keyof typeof reportCalendarVi, string> = {
  'nav.reportCalendar': 'Report calendar',
  'reportCalendar.title': 'Periodic report calendar',
  'reportCalendar.hint':
    'When each periodic report of a province is due, by year. Defaults follow the provincial plans; a due date on a day off moves to the end of the next working day.',
  'reportCalendar.report': 'Report',
  'reportCalendar.dueOn': 'Due by',
  'reportCalendar.dueAt': 'Due (Civil Code)',
  'reportCalendar.months': 'Months covered',
  'reportCalendar.configured': 'changed',
  'reportCalendar.reset': 'Back to default',
  'field.periodFrom': 'From month',
  'field.periodTo': 'To month',
  'error.due_outside_years': '{field} must fall in the report’s year or the next.',
  'error.invalid_month': '{field} is not a valid month (YYYY-MM).',
  'error.period_reversed': '{field} must not be before the first month.',
  'error.period_too_long': 'A report covers at most 24 months.',
  'auditAction.report_calendar.update': 'Changed the periodic report calendar',
  'auditAction.report_calendar.reset': 'Put the periodic report calendar back to default',
};
