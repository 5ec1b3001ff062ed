import type { StatisticsView } from '@caunoi/shared/contracts';
import { statisticsCsv } from './statistics-csv';

describe('statisticsCsv', () => {
  const view: StatisticsView = {
    scope: { kind: 'province', name: 'Sở thử nghiệm', provinceCode: '01' },
    area: { code: 'all', name: 'Sở thử nghiệm' },
    communes: [],
    trend: [],
    blocks: [
      {
        year: 2025,
        period: 'Q1',
        from: '2025-01',
        to: '2025-03',
        populations: [
          {
            population: 'cases',
            total: 23,
            tables: [
              {
                id: 'sex',
                cells: [
                  { category: 'female', value: 20 },
                  { category: 'male', value: '<5' },
                ],
              },
            ],
          },
        ],
        indicators: [{ id: 'help_received', numerator: 5, denominator: 10, share: 0.5, target: 1 }],
      },
    ],
  };

  it('writes the published numbers, "<5" as it is, with a header and a BOM', () => {
    const lines = statisticsCsv(view).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFyear,period,from,to,area,population,table,category,value,denominator,share',
    );
    expect(lines).toContain('2025,Q1,2025-01,2025-03,all,cases,total,,23,,');
    expect(lines).toContain('2025,Q1,2025-01,2025-03,all,cases,sex,male,<5,,');
    expect(lines).toContain('2025,Q1,2025-01,2025-03,all,,indicator,help_received,5,10,0.5000');
  });

  it('carries no name of the scope (codes only)', () => {
    expect(statisticsCsv(view)).not.toContain('Sở thử nghiệm');
  });
});
