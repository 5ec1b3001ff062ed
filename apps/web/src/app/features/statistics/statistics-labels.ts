import type { PeriodKind, PeriodNode } from '@caunoi/shared/domain';

/** The translation key of a category of a statistics table, reusing the intake vocabulary's. */
export function categoryKey(table: string, category: string): string {
  switch (table) {
    case 'sex':
      return `sex.${category}`;
    case 'age_group':
      return category === 'child_under_16'
        ? 'stats.cat.age_group.child_under_16'
        : `ageGroup.${category}`;
    case 'gbv_type':
      return category === 'not_recorded'
        ? 'stats.cat.gbv_type.not_recorded'
        : `gbvType.${category}`;
    case 'dv_form':
      return `dvForm.${category}`;
    case 'context':
      return `contextFlag.${category}`;
    case 'disability':
    case 'ethnic_minority':
      return `yesNoUnknown.${category}`;
    default:
      return `stats.cat.${table}.${category}`;
  }
}

/** The translation key of a table's title. */
export const tableKey = (table: string): string => `stats.table.${table}`;

export const PERIOD_KIND_OPTIONS: readonly PeriodKind[] = [
  'month',
  'quarter',
  'half',
  'year',
  'range',
];

/** `YYYY-MM` → `MM/YYYY`, the Vietnamese way of writing a month. */
export function monthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${month}/${year}`;
}

/** A block's own name: a month, a quarter, a half or a year. */
export function periodLabel(
  year: number,
  node: PeriodNode,
): { key: string; params: Record<string, string> } {
  if (node === 'Y') return { key: 'stats.label.year', params: { year: String(year) } };
  if (node.startsWith('H'))
    return { key: `stats.label.half${node.slice(1)}`, params: { year: String(year) } };
  if (node.startsWith('Q'))
    return { key: 'stats.label.quarter', params: { n: node.slice(1), year: String(year) } };
  return { key: 'stats.label.month', params: { n: node.slice(1), year: String(year) } };
}
