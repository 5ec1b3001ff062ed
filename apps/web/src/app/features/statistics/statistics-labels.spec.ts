import { CONTEXT_FLAGS, DV_FORMS, INDICATORS, POPULATION_DIMENSIONS } from '@caunoi/shared/domain';
import { en } from '../../core/i18n/en';
import { vi } from '../../core/i18n/vi';
import { categoryKey, monthLabel, periodLabel, tableKey } from './statistics-labels';

describe('statistics labels', () => {
  const tables: [string, readonly string[]][] = [
    ...Object.values(POPULATION_DIMENSIONS)
      .flat()
      .filter((d) => d.table)
      .map((d): [string, readonly string[]] => [d.id, d.categories]),
    ['dv_form', DV_FORMS],
    ['context', CONTEXT_FLAGS],
  ];

  it('has a Vietnamese and an English label for every table and category the API sends', () => {
    for (const [table, categories] of tables) {
      for (const key of [tableKey(table), ...categories.map((c) => categoryKey(table, c))]) {
        expect([key, key in vi, key in en]).toEqual([key, true, true]);
      }
    }
    for (const indicator of INDICATORS) {
      expect(`stats.indicator.${indicator.id}` in vi).toBe(true);
    }
  });

  it('names periods and months the Vietnamese way', () => {
    expect(monthLabel('2025-03')).toBe('03/2025');
    expect(periodLabel(2025, 'Q2')).toEqual({
      key: 'stats.label.quarter',
      params: { n: '2', year: '2025' },
    });
    expect(periodLabel(2025, 'H2').key).toBe('stats.label.half2');
    expect(vi['stats.label.half2']).toBe('6 tháng cuối năm {year}');
  });
});
