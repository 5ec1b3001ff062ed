import type { statisticsVi } from './statistics.vi';

export const statisticsEn: Readonly<Record<keyof typeof statisticsVi, string>> = {
  'nav.statistics': 'Statistics',

  'field.disabilityStatus': 'Person with a disability',
  'field.ethnicMinority': 'Ethnic minority',

  'stats.title': 'Statistics',
  'stats.hint':
    'Aggregate numbers, with no identifying information. Numbers under 5, and numbers that would give them away, are hidden.',
  'stats.period': 'Period',
  'stats.period.month': 'Month',
  'stats.period.quarter': 'Quarter',
  'stats.period.half': '6 months',
  'stats.period.year': 'Year',
  'stats.period.range': 'Range',
  'stats.year': 'Year',
  'stats.month': 'Month',
  'stats.quarter': 'Quarter',
  'stats.half': 'Half year',
  'stats.half.1': 'First half',
  'stats.half.2': 'Second half',
  'stats.from': 'From month',
  'stats.to': 'To month',
  'stats.area': 'Area',
  'stats.show': 'Show',
  'stats.export': 'Download CSV',
  'stats.showTable': 'Show as a table',
  'stats.showChart': 'Show the chart',
  'stats.charts': 'Charts',
  'stats.exportXlsx': 'Download Excel (XLSX)',
  'stats.exportPdf': 'Download PDF',
  'stats.block': '{from} to {to}',
  'stats.rangeNote':
    'A range is shown as the whole periods it is made of (months, quarters, halves, years), never added up.',
  'stats.error': 'The statistics could not be loaded.',
  'stats.empty': 'No numbers yet.',
  'stats.target': 'Target {target}',
  'stats.channelBySex': 'Channel × sex',

  'field.exportPassword': 'Password for the file',
  'export.passwordHint':
    'Optional; if set, at least {min} characters. The Excel and PDF files open only with this password; give it to the recipient by another channel. A CSV file cannot have a password.',
  'error.not_for_csv': 'A CSV file cannot have a password: choose Excel or PDF.',
  'error.unsupported_characters':
    '{field} holds characters a protected file cannot use (emoji, control characters).',
};
