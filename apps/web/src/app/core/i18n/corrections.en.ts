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
};
