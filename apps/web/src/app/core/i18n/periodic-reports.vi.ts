/** Texts for the centres' periodic reports to the province and their clock (issue 12). */
export const periodicReportsVi = {
  'deadlineKind.periodic_report': 'Báo cáo định kỳ',
  'deadlineKindText.periodic_report': 'báo cáo định kỳ',
  'notification.deadline.reminder.periodic_report':
    'Nhắc: trung tâm có báo cáo định kỳ gửi tỉnh, hạn {due}',
  'notification.deadline.escalation.periodic_report':
    'Cảnh báo: {agency} chưa nộp báo cáo định kỳ, hạn {due}',
  'error.report_already_drafted': 'Trung tâm đã có báo cáo này cho năm này.',
  'error.not_submitted': 'Báo cáo chưa được nộp.',
  'auditAction.periodic_report.draft': 'Lập dự thảo báo cáo định kỳ',
  'auditAction.periodic_report.update': 'Sửa báo cáo định kỳ',
  'auditAction.periodic_report.approve': 'Phê duyệt báo cáo định kỳ',
  'auditAction.periodic_report.submit': 'Nộp báo cáo định kỳ lên tỉnh',
  'auditAction.periodic_report.acknowledge': 'Xác nhận đã nhận báo cáo định kỳ',
  'auditAction.periodic_report.read': 'Xem báo cáo định kỳ',
  'auditAction.periodic_report.list': 'Xem danh sách báo cáo định kỳ',
};
