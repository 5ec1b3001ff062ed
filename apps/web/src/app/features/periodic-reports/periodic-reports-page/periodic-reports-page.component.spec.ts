import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { defineAbilityFor } from '@caunoi/shared/authz';
import type { PeriodicReportView } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { AbilityService } from '../../../core/ability/ability.service';
import { PeriodicReportsPageComponent } from './periodic-reports-page.component';

function report(change: Partial<PeriodicReportView> = {}): PeriodicReportView {
  return {
    id: 'r1',
    agencyId: 'ag1',
    agencyName: 'Trung tâm thử nghiệm',
    provinceCode: '01',
    year: 2026,
    kind: 'half_year',
    dueOn: '2026-05-15',
    periodFrom: '2025-11',
    periodTo: '2026-04',
    status: 'draft',
    tables: [
      {
        year: 2026,
        period: 'Q1',
        from: '2026-01',
        to: '2026-03',
        populations: [
          { population: 'cases', total: 15, tables: [] },
          { population: 'referrals', total: '<5', tables: [] },
        ],
        indicators: [],
      },
    ],
    narrative: 'Tóm tắt',
    draftedAt: '2026-05-10T03:00:00.000Z',
    approvedAt: null,
    submittedAt: null,
    onTime: null,
    acknowledgedAt: null,
    recipientAgencyId: null,
    ...change,
  };
}

function setUp(role: Role) {
  const ability = defineAbilityFor({ id: 'u1', role, agencyId: 'ag1' });
  TestBed.configureTestingModule({
    imports: [PeriodicReportsPageComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: AbilityService, useValue: { can: ability.can.bind(ability) } },
    ],
  });
  const fixture = TestBed.createComponent(PeriodicReportsPageComponent);
  fixture.detectChanges();
  const backend = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  const byId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => byId(id)?.textContent?.replace(/\s+/g, ' ').trim();
  return { fixture, backend, byId, text };
}

describe('PeriodicReportsPageComponent', () => {
  it('lets a supervisor draft the missing reports and approve a draft, in Vietnamese', async () => {
    const { fixture, backend, byId, text } = setUp('supervisor');
    backend.expectOne((r) => r.url === '/api/periodic-reports').flush({ items: [report()] });
    fixture.detectChanges();
    await fixture.whenStable();
    // Every kind but the half-year report can be drafted.
    expect(byId('periodic-reports-draft-half_year')).toBeNull();
    expect(text('periodic-reports-draft-annual')).toBe('Lập dự thảo: Báo cáo năm');

    byId('periodic-report-half_year')?.click();
    fixture.detectChanges();
    expect(text('periodic-report-tables')).toContain('Ca tiếp nhận');
    expect(text('periodic-report-tables')).toContain('15');
    expect(text('periodic-report-tables')).toContain('<5');
    expect(byId('periodic-report-acknowledge')).toBeNull();
    byId('periodic-report-approve')?.click();
    const approve = backend.expectOne('/api/periodic-reports/r1/approve');
    expect(approve.request.method).toBe('POST');
    approve.flush(report({ status: 'approved' }));
    fixture.detectChanges();
    expect(byId('periodic-report-submit')).not.toBeNull();
    backend.verify();
  });

  it('lets a reporting officer acknowledge a submitted report, naming the centre', async () => {
    const { fixture, backend, byId, text } = setUp('reporting_officer');
    backend
      .expectOne((r) => r.url === '/api/periodic-reports')
      .flush({ items: [report({ status: 'submitted', onTime: false })] });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(byId('periodic-reports-draft')).toBeNull();
    expect(text('periodic-report-half_year')).toContain('Trung tâm thử nghiệm');
    expect(text('periodic-report-half_year')).toContain('nộp muộn');
    byId('periodic-report-half_year')?.click();
    fixture.detectChanges();
    expect(byId('periodic-report-approve')).toBeNull();
    byId('periodic-report-acknowledge')?.click();
    backend
      .expectOne('/api/periodic-reports/r1/acknowledge')
      .flush(report({ status: 'acknowledged' }));

    // The province's consolidated report of the 6-month entry: who sent it, the province's totals.
    const consolidated = backend.expectOne((r) => r.url === '/api/periodic-reports/consolidated');
    expect(consolidated.request.params.get('kind')).toBe('half_year');
    consolidated.flush({
      provinceCode: '01',
      provinceAuthority: 'Sở thử nghiệm',
      year: 2026,
      kind: 'half_year',
      dueOn: '2026-05-15',
      periodFrom: '2025-11',
      periodTo: '2026-04',
      centres: [
        {
          reportId: 'r1',
          agencyId: 'ag1',
          agencyName: 'Trung tâm thử nghiệm',
          status: 'submitted',
          submittedAt: '2026-05-20T03:00:00.000Z',
          onTime: false,
        },
      ],
      tables: report().tables,
    });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(text('consolidated-centres')).toContain('Trung tâm thử nghiệm · Đã nộp · nộp muộn');
    const row = text('consolidated-totals');
    expect(row).toContain('Quý 1/2026');
    expect(row).toContain('15');
    expect(row).toContain('<5');
    byId('consolidated-export-pdf')?.click();
    const file = backend.expectOne((r) => r.url === '/api/periodic-reports/consolidated/export');
    expect(file.request.method).toBe('POST');
    expect(file.request.body).toEqual({ year: 2026, kind: 'half_year', format: 'pdf', lang: 'vi' });
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = () => 'blob:report';
    URL.revokeObjectURL = () => undefined;
    try {
      file.flush(new Blob(['%PDF-']));
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }

    // A password for the file: too short, nothing is asked of the API and the field says why;
    // long enough, it travels in the body (never in the URL).
    const element = fixture.nativeElement as HTMLElement;
    const password = element.querySelector<HTMLInputElement>(
      'cn-consolidated-report [data-testid="export-password"]',
    ) as HTMLInputElement;
    password.value = 'ngắn';
    password.dispatchEvent(new Event('input'));
    password.dispatchEvent(new Event('blur'));
    byId('consolidated-export-xlsx')?.click();
    fixture.detectChanges();
    backend.expectNone((r) => r.url === '/api/periodic-reports/consolidated/export');
    expect(element.querySelector('cn-consolidated-report mat-error')?.textContent).toContain(
      'Mật khẩu cho tệp quá ngắn.',
    );
    password.value = 'Đà Nẵng 2026';
    password.dispatchEvent(new Event('input'));
    byId('consolidated-export-xlsx')?.click();
    const locked = backend.expectOne((r) => r.url === '/api/periodic-reports/consolidated/export');
    expect(locked.request.urlWithParams).toBe('/api/periodic-reports/consolidated/export');
    expect(locked.request.body).toMatchObject({ format: 'xlsx', password: 'Đà Nẵng 2026' });
    backend.verify();
  });
});
