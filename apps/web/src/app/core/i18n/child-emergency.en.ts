import type { childEmergencyVi } from './child-emergency.vi';

/** Screen texts for the child emergency (issue 11; Law on Children 2016, Decree 56/2017). */
export const childEmergencyEn: Record<keyof typeof childEmergencyVi, string> = {
  'childEmergency.title': 'A child needs emergency intervention',
  'childEmergency.intro':
    'A child abused or at serious risk of abuse must get emergency intervention within 12 hours of the information (nights, weekends and holidays included) and a support and intervention plan within 5 working days.',
  'childEmergency.mark': 'The child is in serious danger',
  'childEmergency.markHint':
    'Confirming starts the 12 hours now; the supervisors hear of it if no intervention is recorded in time.',
  'childEmergency.markSave': 'Start the 12 hours',
  'childEmergency.marked': 'The emergency intervention clock has started.',
  'childEmergency.cancel': 'Cancel',
  'childEmergency.open': 'Waiting for intervention',
  'childEmergency.done': 'Intervention taken',
  'childEmergency.startedAt': 'Information received at {at}',
  'childEmergency.source.assessment': 'From the risk assessment (high)',
  'childEmergency.source.caseworker': 'Marked by the caseworker',
  'childEmergency.source.hotline': 'From a hotline call',
  'childEmergency.markedBy': 'Marked by {name}',
  'childEmergency.record': 'Record the intervention',
  'childEmergency.recordSave': 'Save the intervention',
  'childEmergency.recorded': 'The intervention is recorded.',
  'childEmergency.intervention': '{measure}, at {at}',
  'childEmergency.recordedBy': 'Recorded by {name}, {at}',
  'childEmergency.supportPlanHint':
    "The child's support and intervention plan is the case action plan: submitting a version for approval meets the 5-working-day clock.",
  'childEmergency.measure.medical_care': 'Medical care, psychological therapy',
  'childEmergency.measure.safe_place':
    'A safe temporary place, apart from the harmful environment and person',
  'childEmergency.measure.alternative_care': 'Temporary alternative care',
  'childEmergency.measure.police_protection': 'Police asked to intervene and protect the child',
  'childEmergency.measure.other': 'Another measure',
  'childEmergency.callTitle': 'A child is in danger:',
  'childEmergency.callHint':
    'emergency intervention is due within 12 hours of this call. Hand it to a social work centre now; the case opened from it counts from the start of the call.',
  'childEmergency.badge': 'Child in danger · 12 h',
  'field.measure': 'Intervention measure',
  'field.takenAt': 'Time of the intervention',
  'field.emergency': 'Emergency',
  'error.not_a_child':
    'The survivor is not a child (under 16): the child emergency clock does not apply.',
  'error.already_open': 'An emergency of this case is already waiting for its intervention.',
  'error.already_intervened':
    'The intervention is already recorded (someone may just have done it).',
  'error.before_start': '{field} must be after the information arrived.',
  'error.required': '{field} is required.',
  'deadlineKind.child_emergency': 'Child emergency intervention (12 hours)',
  'deadlineKind.child_support_plan': "Child's support and intervention plan",
  'deadlineKindText.child_emergency': 'the child emergency intervention',
  'deadlineKindText.child_support_plan': "the child's support and intervention plan",
  'deadline.stage.child_emergency.reminder_halfway': 'Reminder to the caseworker 6 hours before',
  'notification.deadline.reminder.child_emergency':
    'Urgent: no intervention recorded yet for the child in case {code}, due {due}',
  'notification.deadline.escalation.child_emergency':
    'Alert: 12 hours have passed without emergency intervention for the child in case {code}, due {due}',
  'notification.deadline.reminder.child_support_plan':
    "Reminder: case {code} needs the child's support and intervention plan, due {due}",
  'notification.deadline.escalation.child_support_plan':
    "Alert: case {code} has passed 5 working days without the child's support and intervention plan, due {due}",
  'auditAction.child_emergency.read': 'Viewed the child emergency',
  'auditAction.child_emergency.start': 'Started the child emergency clock',
  'auditAction.child_emergency.intervene': 'Recorded the child emergency intervention',
};
