import type { PeriodKind } from '@caunoi/shared/domain';

// The keys are shared with the API's exports (libs/shared/contracts statistics-labels).
export { categoryKey, monthLabel, periodLabel, tableKey } from '@caunoi/shared/contracts';

export const PERIOD_KIND_OPTIONS: readonly PeriodKind[] = [
  'month',
  'quarter',
  'half',
  'year',
  'range',
];
