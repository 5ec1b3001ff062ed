import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { StatisticsView } from '@caunoi/shared/contracts';
import { StatisticsPageComponent } from './statistics-page.component';

function view(): StatisticsView {
  return {
    scope: { kind: 'province', name: 'Sở thử nghiệm', provinceCode: '01' },
    area: { code: 'all', name: 'Sở thử nghiệm' },
    communes: [{ code: '00004', name: 'Phường Thử' }],
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
                  { category: 'other', value: 0 },
                  { category: 'unknown', value: '<5' },
                ],
              },
              { id: 'channel_sex', cells: [{ category: 'hotline×female', value: 12 }] },
            ],
          },
          { population: 'referrals', total: 0, tables: [] },
          { population: 'incident_reports', total: '<5', tables: [] },
        ],
        indicators: [
          { id: 'sought_help', numerator: 46, share: null, target: null },
          { id: 'help_received', numerator: 10, denominator: 40, share: 0.25, target: 1 },
        ],
      },
    ],
    trend: [
      {
        month: '2025-01',
        totals: {
          cases: 30,
          referrals: 0,
          incident_reports: '<5',
          calls: 0,
          community_referrals: 0,
          services: 0,
        },
        shares: { help_received: null, referrals_on_time: null, incident_reports_on_time: null },
      },
    ],
  };
}

describe('StatisticsPageComponent', () => {
  it('asks for this year by default and shows the numbers as published, "<5" included', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [StatisticsPageComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const fixture = TestBed.createComponent(StatisticsPageComponent);
    fixture.detectChanges();
    const backend = TestBed.inject(HttpTestingController);
    const request = backend.expectOne((r) => r.url === '/api/statistics');
    expect(request.request.params.get('period')).toBe('year');
    expect(request.request.params.get('area')).toBe('all');
    request.flush(view());
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const text = (id: string) =>
      element.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(text('statistics-scope')).toBe('Phạm vi: các trung tâm báo cáo về Sở thử nghiệm');
    expect(text('stats-total-cases')).toBe('46');
    expect(text('stats-total-incident_reports')).toBe('<5');
    expect(text('stats-cell-sex-male')).toBe('<5');
    expect(text('stats-cell-sex-female')).toBe('44');
    expect(text('stats-indicator-help_received')).toContain('25%');
    expect(text('stats-indicator-help_received')).toContain('Mục tiêu 100%');
    expect(text('stats-trend')).toContain('01/2025');
    expect(element.querySelector('[data-testid="stats-cell-sex-male"]')?.classList).toContain(
      'suppressed',
    );
    backend.verify();
  });
});
