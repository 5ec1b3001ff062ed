import type { referralInboxVi } from './referral-inbox.vi';

export const referralInboxEn: Readonly<Record<keyof typeof referralInboxVi, string>> = {
  'referralInbox.tab.open': 'Open',
  'referralInbox.tab.closed': 'Closed',
  'referralInbox.section.actionNeeded': 'Action needed',
  'referralInbox.section.actionNeededHint':
    "Referrals waiting for your agency's answer, the nearest response deadline first.",
  'referralInbox.section.inProgress': 'In progress',
  'referralInbox.section.closedHint':
    'Referrals completed, declined or withdrawn. Information about the survivor is no longer shown.',
  'referralInbox.empty.actionNeeded': 'No referral needs action.',
  'referralInbox.empty.inProgress': 'No referral in progress.',
  'referralInbox.empty.closed': 'No closed referral yet.',
  'referralInbox.col.code': 'Referral code',
  'referralInbox.col.from': 'From agency',
  'referralInbox.col.urgency': 'Urgency',
  'referralInbox.col.services': 'Services requested',
  'referralInbox.col.left': 'Time left to respond',
  'referralInbox.col.packet': 'Information shared',
  'referralInbox.col.status': 'Status',
  'referralInbox.col.sentAt': 'Sent',
  'referralInbox.serviceRecordsLink': 'Service records',

  'referralInbox.detailTitle': 'Referral',
  'referralInbox.heading': 'Referral',
  'referralInbox.respondBy': 'Respond by',
  'referralInbox.overdue': 'Response overdue',
  'referralInbox.from': 'From agency',
  'referralInbox.fromPhone': "Sending agency's phone",
  'referralInbox.referredBy': 'Referring caseworker',
  'referralInbox.sentAt': 'Sent',
  'referralInbox.services': 'Services requested',
  'referralInbox.reason': 'Reason for referral',
  'referralInbox.declineReason': 'Reason for declining',
  'referralInbox.withdrawReason': 'Reason for withdrawal',
  'referralInbox.packet': 'Information shared',
  'referralInbox.packetHint':
    'The survivor agreed to share only the information below with your agency. Do not pass it on to anyone else.',
  'referralInbox.packetEmpty': 'This referral carries no information about the survivor.',
  'referralInbox.incident': 'Incident {n}',
  'referralInbox.noIncidents': 'The case has no incident recorded.',
  'referralInbox.closedBanner':
    "This referral has ended ({status}). Your agency's access to the reason and to the survivor's information has ended; only the service records your agency made remain.",
  'referralInbox.timeline': 'Timeline',
  'referralInbox.timelineEmpty': 'Nothing has happened yet.',
  'referralInbox.system': 'System',
  'referralInbox.serviceRecords': 'Services provided',
  'referralInbox.serviceRecordsEmpty': 'No service recorded yet.',
  'referralInbox.recordedBy': 'Recorded by {name} at {at}',
  'referralInbox.forReferral': 'Referral {code}',

  'referralInbox.accept': 'Accept',
  'referralInbox.decline': 'Decline',
  'referralInbox.recordService': 'Record service',
  'referralInbox.complete': 'Complete',
  'referralInbox.acceptConfirm':
    'Accept referral {code}? The sending agency will be notified and your agency becomes responsible for the services requested.',
  'referralInbox.accepted': 'Referral accepted.',
  'referralInbox.declined': 'Referral declined.',
  'referralInbox.serviceRecorded': 'Service recorded.',
  'referralInbox.completed': 'Referral completed.',
  'referralInbox.recordBeforeComplete':
    'Record at least one service before completing the referral.',
  'referralInbox.invalidTransition':
    'This action is no longer possible because the referral has changed (the sender may have withdrawn it, or it was already handled). The latest information has been loaded.',

  'referralInbox.declineTitle': 'Decline referral {code}',
  'referralInbox.declineHint':
    'The sending agency will see the reason so that it can refer elsewhere. Do not write anything that identifies the survivor.',
  'referralInbox.noteRequiredForOther': 'Required when the reason is "Other".',

  'referralInbox.recordTitle': 'Record a service for referral {code}',
  'referralInbox.recordHint':
    'Record only what was done and its result. No counselling content, nothing that identifies the survivor.',
  'referralInbox.requestedServices': 'Services requested',
  'referralInbox.otherServices': 'Other services',
  'referralInbox.sectorFields': 'Sector outcome',
  'referralInbox.notDetermined': 'Not determined',

  'referralInbox.completeTitle': 'Complete referral {code}',
  'referralInbox.completeHint':
    "Once completed, your agency can no longer see the survivor's information; the service records you made are kept.",

  'referralInbox.records.title': 'Service records',
  'referralInbox.records.hint':
    'The services your agency provided, kept after the referral has ended.',
  'referralInbox.records.empty': 'No service record yet.',

  'referralNotice.received': 'Your agency received a new referral {code} (urgency: {urgency}).',
  'referralNotice.accepted': '{agency} accepted referral {code}.',
  'referralNotice.declined': '{agency} declined referral {code}. Reason: {reason}.',
  'referralNotice.serviceRecorded': '{agency} recorded a service for referral {code}.',
  'referralNotice.serviceRecordedWhat':
    '{agency} recorded the service "{service}" for referral {code} (outcome: {outcome}).',
  'referralNotice.completed': '{agency} completed referral {code}.',
  'referralNotice.withdrawn': 'Referral {code} was withdrawn. Reason: {reason}.',
  'referralNotice.override':
    "Referral {code} of case {survivorCode} was sent without the survivor's consent (reason: {reason}). A supervisor must review it.",
  'referralNotice.reminderHalfway': 'Reminder: referral {code} needs an answer by {due}.',
  'referralNotice.escalationDue': 'Overdue: referral {code} has not been answered, due {due}.',
  'referralNotice.senderNotice':
    'Referral {code} of case {survivorCode} was not answered in time ({due}). You can refer to another agency.',
  'referralNotice.senderNoticeNoCase':
    'Referral {code} was not answered in time ({due}). You can refer to another agency.',
  'referralNotice.anAgency': 'The receiving agency',

  'field.serviceType': 'Service',
  'field.providedOn': 'Date provided',
  'field.sectorOutcome': 'Sector outcome',

  'error.before_referral': '{field} cannot be before the referral was sent.',
  'error.unknown_field': "{field} is not part of your agency's sector.",
  'error.not_boolean': '{field} must be yes or no.',
  'error.not_allowed_value': '{field} has a value that is not allowed.',
  'error.not_an_object': '{field} is not valid.',
};
