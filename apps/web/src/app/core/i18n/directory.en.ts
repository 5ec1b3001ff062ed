import type { directoryVi } from './directory.vi';

export const directoryEn: Readonly<Record<keyof typeof directoryVi, string>> = {
  'nav.directory': 'Service directory',
  'nav.referralsReceived': 'Incoming referrals',
  'nav.responseTimes': 'Response times',

  'field.coversWholeProvince': 'Serves the whole province',
  'field.coverageCommuneCodes': 'Communes served',
  'field.open24h': 'Open 24/7',
  'field.openingHours': 'Opening hours',
  'field.capacityNote': 'Capacity note',
  'field.acceptingReferrals': 'Accepting referrals',
  'field.coversCommune': 'Commune served',
  'field.hours': 'Hours',

  'error.required_unless_24h': '{field} is required unless the agency is open 24/7.',

  'agencies.directorySection': 'Service directory details',
  'agencies.coverageHint': 'Choose the communes the agency serves.',
  'agencies.openingHoursHint': 'For example: Monday – Friday, 7:30–17:00',
  'agencies.capacityHint': 'For example: 12 shelter places, 3 free',
  'agencies.acceptingHint': 'Turn off while the agency cannot take on more cases.',
  'agencies.filterAccepting': 'Referrals',
  'agencies.acceptingYes': 'Accepting',
  'agencies.acceptingNo': 'Not accepting',

  'directory.title': 'Service directory',
  'directory.hint':
    'Find agencies and organisations that provide support services by type, service and area served.',
  'directory.service': 'Service',
  'directory.commune': 'Serves commune',
  'directory.acceptingOnly': 'Only those accepting referrals',
  'directory.search': 'Search by agency name',
  'directory.empty': 'No agency matches.',
  'directory.coverage': 'Area served',
  'directory.hours': 'Opening hours',
  'directory.capacity': 'Capacity',
  'directory.accepting': 'Referrals',
  'directory.wholeProvince': 'Whole province',
  'directory.noCoverage': 'No area given',
  'directory.moreCommunes': '{names} and {count} more communes',
  'directory.open24h': 'Open 24/7',
  'directory.noHours': 'No opening hours given',
  'directory.acceptingYes': 'Accepting referrals',
  'directory.acceptingNo': 'Not accepting referrals for now',

  'responseTimes.title': 'Referral response times',
  'responseTimes.hint':
    'How many hours a receiving agency has to answer a referral, by agency type and urgency. Enter a whole number from {min} to {max}.',
  'responseTimes.default': 'Default: {hours} h',
  'responseTimes.cellLabel': '{type} – {urgency}: hours',
  'responseTimes.unit': 'h',
};
