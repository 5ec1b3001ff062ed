import type { referralCaseVi } from './referral-case.vi';

export const referralCaseEn: Readonly<Record<keyof typeof referralCaseVi, string>> = {
  'caseFile.tab.referrals': 'Referrals',
  'caseFile.tab.timeline': 'Timeline',
  'caseFile.refer': 'Refer',
  'caseFile.referralsSent': '{count} referral(s) sent.',

  'caseReferrals.empty': 'This case has no referrals yet.',
  'caseReferrals.code': 'Referral {code}',
  'caseReferrals.sent': 'Sent at {at} by {name}',
  'caseReferrals.respondBy': 'Respond by',
  'caseReferrals.responseOverdue': 'Response overdue',
  'caseReferrals.respondedAt': 'The agency answered at {at}',
  'caseReferrals.onTime': 'on time',
  'caseReferrals.late': 'late',
  'caseReferrals.services': 'Services requested',
  'caseReferrals.packet': 'Information shared',
  'caseReferrals.reason': 'Reason for referral',
  'caseReferrals.override': 'Referred without consent',
  'caseReferrals.overrideReason': 'Grounds',
  'caseReferrals.justification': 'Justification',
  'caseReferrals.overrideReviewed': 'Reviewed by supervisor {name} at {at}.',
  'caseReferrals.overridePending': 'Waiting for a supervisor to review it.',
  'caseReferrals.review': 'Reviewed',
  'caseReferrals.reviewDone': 'The review of the referral without consent was recorded.',
  'caseReferrals.declineReason': 'Reason for declining',
  'caseReferrals.withdrawReason': 'Reason for withdrawal',
  'caseReferrals.reroutedFrom': 'Re-routed from referral {code}',
  'caseReferrals.serviceRecords': 'Services provided',
  'caseReferrals.recordedBy': 'Recorded by {name} ({agency}) at {at}',
  'caseReferrals.withdraw': 'Withdraw',
  'caseReferrals.reroute': 'Re-route to another agency',
  'caseReferrals.rerouteOverdue':
    'The agency did not answer in time. You can re-route to another agency now.',
  'caseReferrals.rerouteDeclined': 'The agency declined. You can re-route to another agency.',
  'caseReferrals.withdrawn': 'The referral was withdrawn.',
  'caseReferrals.rerouted': 'The referral was re-routed to another agency.',

  'refer.urgentReason': 'The latest risk assessment is high: emergency support requested.',
  'refer.title': 'Refer to support agencies',
  'refer.intro':
    'You can refer to several agencies at once (for example the police and a health facility). The referrals are sent together; if one has a problem, none is sent.',
  'refer.row': 'Agency {n}',
  'refer.addRow': 'Add another agency',
  'refer.removeRow': 'Remove this agency',
  'refer.submit': 'Send referrals',
  'refer.reasonHint':
    'The receiving agency reads this. Write only what the shared information allows; never write counselling content.',
  'refer.packetHint':
    'Choose only the information this agency really needs. Counselling notes are never shared.',

  'agencyPicker.search': 'Search the service directory',
  'agencyPicker.searchHint':
    "Only agencies that accept referrals now and cover the survivor's commune.",
  'agencyPicker.noCommune':
    "The survivor's commune is not known: the list has every agency in the directory that accepts referrals.",
  'agencyPicker.none': 'No matching agency in the directory.',
  'agencyPicker.suggested': 'suggested',
  'agencyPicker.open24h': 'Open 24/7',
  'agencyPicker.hours': 'Opening hours: {hours}',
  'agencyPicker.phone': 'Phone: {phone}',
  'agencyPicker.capacity': 'Capacity: {note}',

  'consentCheck.covered': "The survivor's consent covers sharing this information with {type}.",
  'consentCheck.noConsent': 'No consent allows sharing information with {type}.',
  'consentCheck.missing': 'The consent does not cover: {categories}.',
  'override.title': 'Referral without consent',
  'override.intro':
    'A referral may go without consent only on the grounds below. Choose the grounds and justify them precisely.',
  'override.warning':
    'Your supervisor is notified at once and reviews this referral. The referral is logged.',

  'withdrawReferral.title': 'Withdraw the referral',
  'withdrawReferral.hint':
    'Once withdrawn, {agency} no longer sees the shared information; the services it recorded are kept.',

  'reroute.title': 'Re-route to another agency',
  'reroute.fromSent':
    'The referral to {agency} will be withdrawn. A new referral with the same services, urgency, reason and shared information goes to the agency you choose.',
  'reroute.fromDeclined':
    'The referral to {agency} stays declined. A new referral with the same services, urgency, reason and shared information goes to the agency you choose.',
  'reroute.submit': 'Re-route',

  'timeline.hint': "Every event of the case's referrals, newest first.",
  'timeline.empty': 'No events yet.',
  'timeline.system': 'System',

  'deadline.stage.referral_response.reminder_halfway':
    'Reminder to the receiving agency halfway through',
  'deadline.stage.referral_response.escalation_due':
    'Alert to the receiving agency when the time is up without an answer',
  'deadline.stage.referral_response.sender_notice_due':
    'Notice to the referring caseworker, who can re-route',

  'field.agencyType': 'Agency type',
  'field.urgency': 'Urgency',
  'field.packet': 'Information shared',
  'field.justification': 'Justification',
  'field.referrals': 'The list of agencies',
  'field.note': 'Note',

  'error.consent_missing':
    "The survivor's consent does not cover some of the chosen information. Remove it, or choose grounds for referring without consent.",
  'error.no_consent_for_agency_type':
    'No consent allows sharing information with this type of agency. Record a consent, or choose grounds for referring without consent.',
  'error.not_referable':
    'This agency cannot receive a referral: it is inactive, not accepting referrals now, your own agency, or of a type that receives no referrals in the system.',
  'error.referral_invalid_transition':
    "This action is not possible in the referral's current state (the receiving agency may have just answered). Reload the page to see the latest state.",
  'error.override_not_needed':
    'The consent covers this referral, so no grounds for referring without consent are needed.',
  'error.duplicate_agency': 'This agency is already chosen on another row.',
  'error.already_referred': 'This case already has an open referral to this agency.',
  'error.required_for_other': '{field} is required when the reason is "other".',
  'error.justification_too_short': '{field} must be at least 20 characters.',
};
