/** Screen texts for the periodic reports' calendar (issue 12). */
export const reportCalendarVi = {
  'nav.reportCalendar': 'Lịch báo cáo định kỳ',
  'reportCalendar.title': 'Lịch báo cáo định kỳ',
  'reportCalendar.hint':
    'Hạn nộp các báo cáo định kỳ của từng tỉnh/thành phố theo năm. Mặc định theo kế hoạch của tỉnh; hạn rơi vào ngày nghỉ được lùi sang hết ngày làm việc tiếp theo.',
  'reportCalendar.report': 'Báo cáo',
  'reportCalendar.dueOn': 'Hạn nộp',
  'reportCalendar.dueAt': 'Hạn tính theo Bộ luật Dân sự',
  'reportCalendar.months': 'Số liệu các tháng',
  'reportCalendar.configured': 'đã điều chỉnh',
  'reportCalendar.reset': 'Về mặc định',
  'field.periodFrom': 'Từ tháng',
  'field.periodTo': 'Đến tháng',
  'error.due_outside_years': '{field} phải thuộc năm báo cáo hoặc năm sau.',
  'error.invalid_month': '{field} không phải tháng hợp lệ (YYYY-MM).',
  'error.period_reversed': '{field} không được trước tháng bắt đầu.',
  'error.period_too_long': 'Một báo cáo bao gồm tối đa 24 tháng.',
  'auditAction.report_calendar.update': 'Điều chỉnh lịch báo cáo định kỳ',
  'auditAction.report_calendar.reset': 'Đưa lịch báo cáo định kỳ về mặc định',
};
