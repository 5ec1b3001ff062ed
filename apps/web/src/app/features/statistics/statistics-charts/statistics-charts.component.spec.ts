import { TestBed } from '@angular/core/testing';
import type { StatisticsView } from '@caunoi/shared/contracts';
import { chartOption, dashboardCharts } from './chart-data';
import { StatisticsChartsComponent } from './statistics-charts.component';

/** Every population's total at 0. */
const none = {
  cases: 0,
  calls: 0,
  community_referrals: 0,
  referrals: 0,
  services: 0,
  incident_reports: 0,
} as const;

function view(): StatisticsView {
  return {
    scope: { kind: 'province', name: 'Sở thử nghiệm', provinceCode: '01' },
    area: { code: 'all', name: 'Sở thử nghiệm' },
    communes: [
      { code: '00004', name: 'Phường Ba Đình' },
      { code: '00008', name: 'Phường Ngọc Hà' },
    ],
    blocks: [
      {
        year: 2025,
        period: 'Q1',
        from: '2025-01',
        to: '2025-03',
        populations: [
          {
            population: 'cases',
            total: 46,
            tables: [
              {
                id: 'sex',
                cells: [
                  { category: 'female', value: 44 },
                  { category: 'male', value: '<5' },
                ],
              },
            ],
          },
          { population: 'calls', total: 0, tables: [] },
          { population: 'community_referrals', total: 0, tables: [] },
          { population: 'referrals', total: 0, tables: [] },
          { population: 'services', total: 0, tables: [] },
          { population: 'incident_reports', total: '<5', tables: [] },
        ],
        indicators: [],
        communes: [
          { code: '00004', totals: { ...none, cases: 40, incident_reports: '<5' } },
          { code: '00008', totals: { ...none, cases: '<5' } },
        ],
      },
    ],
    trend: [
      {
        month: '2025-01',
        totals: { ...none, cases: 30, incident_reports: '<5' },
        shares: {},
      },
    ],
  };
}

const label = (key: string) => key;

describe('statistics charts', () => {
  it('draws a suppressed number as a mark "<5" on a bar without height, never as a number', () => {
    const sex = dashboardCharts(view(), view().blocks[0], label).find((c) => c.id === 'sex');
    expect(sex?.series[0].values).toEqual([44, '<5']);
    const option = chartOption(sex ?? { id: '', title: '', categories: [], series: [] }) as {
      series: { data: unknown[] }[];
      tooltip: { formatter: (p: object[]) => string };
    };
    expect(option.series[0].data[0]).toBe(44);
    expect(option.series[0].data[1]).toMatchObject({
      value: 0,
      label: { show: true, formatter: '<5', fontStyle: 'italic' },
    });
    // The tooltip tells the published value, not the drawn height.
    const tip = option.tooltip.formatter([{ seriesIndex: 0, dataIndex: 1, marker: '' }]);
    expect(tip).toContain('<5');
    expect(tip).not.toMatch(/: 0$/);
  });

  it('has the trend, the breakdowns and each commune, in the screen language', () => {
    const charts = dashboardCharts(view(), view().blocks[0], label);
    expect(charts.map((c) => c.id)).toEqual(['trend', 'sex', 'commune']);
    const commune = charts.find((c) => c.id === 'commune');
    expect(commune?.categories).toEqual(['Phường Ba Đình', 'Phường Ngọc Hà']);
    expect(commune?.series.map((s) => s.values)).toEqual([
      [40, '<5'],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      ['<5', 0],
    ]);
  });

  it('renders each chart as SVG with the "<5" mark, and a table view of the same numbers', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [StatisticsChartsComponent] });
    const fixture = TestBed.createComponent(StatisticsChartsComponent);
    fixture.componentRef.setInput('view', view());
    fixture.componentRef.setInput('block', view().blocks[0]);
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const element = fixture.nativeElement as HTMLElement;
    const sexChart = element.querySelector('[data-testid="stats-chart-sex"]') as HTMLElement;
    expect(sexChart.querySelector('svg')?.textContent).toContain('<5');

    (element.querySelector('[data-testid="stats-chart-toggle-sex"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const rows = Array.from(
      element.querySelectorAll('[data-testid="stats-chart-table-sex"] tbody tr'),
      (tr) => Array.from(tr.children, (c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Nữ', '44'],
      ['Nam', '<5'],
    ]);
    expect(
      element.querySelector('[data-testid="stats-chart-table-sex"] td.suppressed')?.textContent,
    ).toBe('<5');
  });
});
