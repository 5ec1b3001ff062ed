import type { perpetratorsVi } from './perpetrators.vi';

/** Screen texts for the perpetrator records of a case (issue 10, item 7). */
export const perpetratorsEn: Readonly<Record<keyof typeof perpetratorsVi, string>> = {
  'caseFile.tab.perpetrators': 'Perpetrators',
  'perpetrator.title': 'Perpetrators',
  'perpetrator.none': 'No perpetrator recorded yet.',
  'perpetrator.add': 'Add a perpetrator',
  'perpetrator.edit': 'Edit',
  'perpetrator.save': 'Save',
  'perpetrator.reveal': 'Reveal identity',
  'perpetrator.hide': 'Hide identity',
  'perpetrator.revealHint': 'Every reveal of an identity is written to the access log.',
  'perpetrator.noIdentity': 'No identity recorded',
  'perpetrator.identityRecorded': 'Identity recorded (encrypted)',
  'perpetrator.identity': "Identity (encrypted on its own, apart from the survivor's)",
  'perpetrator.facts': 'Relationship · sex · age group',
  'perpetrator.fullName': 'Full name',
  'perpetrator.aliases': 'Other names',
  'perpetrator.aliasesHint': 'Separate with commas',
  'perpetrator.phone': 'Phone',
  'perpetrator.address': 'Address',
  'perpetrator.idNumber': 'ID number',
  'perpetrator.incidents': 'Linked incidents',
  'perpetrator.incident': 'Incident of {date}',
  'perpetrator.noIncidents': 'Not linked to an incident',
  'perpetrator.stale':
    'Someone else changed this record (version {version}). Review it and save again.',
  'perpetrator.packetHint':
    'Shared with another agency only under a consent naming "Perpetrator identity", or a recorded override.',
  'field.identity.fullName': 'Full name',
  'field.identity.aliases': 'Other names',
  'field.identity.phone': 'Phone',
  'field.identity.address': 'Address',
  'field.identity.idNumber': 'ID number',
  'field.incidentIds': 'Linked incidents',
};
