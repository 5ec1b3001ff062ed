import type { correctionsVi } from './corrections.vi';

/** Screen texts for corrections with history (issue 10). */
export const correctionsEn: Readonly<Record<keyof typeof correctionsVi, string>> = {
  'correction.edit': 'Correct',
  'correction.history': 'Correction history',
  'correction.hideHistory': 'Hide the history',
  'correction.none': 'No corrections yet.',
  'correction.save': 'Save the correction',
  'correction.cancel': 'Cancel',
  'correction.saved': 'Correction saved; the previous version is kept in the history.',
  'correction.entry': 'Corrected by {name} at {at}',
  'correction.reasonLabel': 'Reason for the correction',
  'correction.previous': 'Before the correction:',
  'correction.hint':
    "The previous version, who corrected it, when and why are kept; only the case's team can read them.",
  'field.correctionReason': 'Reason for the correction',
  'error.nothing_changed': 'Nothing was changed.',
  'auditAction.case_note.correct': 'Corrected a note',
  'auditAction.case_correction.read': 'Viewed a correction history',
  'auditAction.survivor.correct': 'Corrected the identity',
  'correction.editIncident': 'Correct the incident',
  'correction.incidentTitle': 'Correct the incident',
  'correction.editIdentity': 'Correct the identity',
  'correction.identityTitle': 'Correct the identity',
  'correction.identityHint':
    'The previous version is kept (encrypted) in the correction history; look-ups by phone, name and date of birth use the new values.',
  'correction.stale':
    'Someone else changed this record after you opened it. Nothing was overwritten: reload to see their change, then save again.',
  'correction.reload': 'Reload',
  'correction.theirs': 'Current text (just changed by someone else):',
  'correction.hiddenValue': '(hidden: needs the right to see the identity)',
  'correction.count': '{count} items',
  'field.identity.fullName': 'Full name',
  'field.identity.aliases': 'Other names',
  'field.identity.phone': 'Phone',
  'field.identity.address': 'Address',
  'field.identity.idNumber': 'ID number',
  'field.incidentIds': 'Linked incidents',
};
