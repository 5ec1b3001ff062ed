/** Texts for the centres' periodic reports to the province and their clock (issue 12). */
export const periodicReportsEn = {
  'deadlineKind.periodic_report': 'Periodic report',
  'deadlineKindText.periodic_report': 'the periodic report',
  'notification.deadline.reminder.periodic_report':
    'Reminder: the centre has a periodic report to the province due {due}',
  'notification.deadline.escalation.periodic_report':
    'Alert: {agency} has not submitted its periodic report due {due}',
  'error.report_already_drafted': 'The centre already has this report for this year.',
  'error.not_submitted': 'The report has not been submitted.',
  'auditAction.periodic_report.draft': 'Drafted a periodic report',
  'auditAction.periodic_report.update': 'Changed a periodic report',
  'auditAction.periodic_report.approve': 'Approved a periodic report',
  'auditAction.periodic_report.submit': 'Submitted a periodic report to the province',
  'auditAction.periodic_report.acknowledge': 'Acknowledged a periodic report',
  'auditAction.periodic_report.read': 'Viewed a periodic report',
  'auditAction.periodic_report.list': 'Viewed the periodic reports',
};
