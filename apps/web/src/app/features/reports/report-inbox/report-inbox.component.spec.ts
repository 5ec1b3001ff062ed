import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import localeVi from '@angular/common/locales/vi';
import { TestBed } from '@angular/core/testing';
import type { IncidentReportView, Page } from '@caunoi/shared/contracts';
import { of } from 'rxjs';
import { AdministrativeUnitsService } from '../../../shared/data/administrative-units.service';
import { IncidentReportsApiService } from '../../../shared/data/incident-reports-api.service';
import { workspaceForRole } from '../../workspaces/workspaces';
import { ReportInboxComponent } from './report-inbox.component';

registerLocaleData(localeVi);

const report = (id: string, caseId: string, survivorCode: string): IncidentReportView => ({
  id,
  incidentId: `${id}-incident`,
  caseId,
  status: 'submitted',
  content: {
    survivorCode,
    gbvType: 'physical_assault',
    dvForms: [],
    communeCode: '20242',
    occurredAt: '2026-05-01T03:00:00.000Z',
    discoveredAt: '2026-05-01T04:00:00.000Z',
    seriousReasons: [],
    servicesGiven: [],
    agenciesInvolved: [],
  },
  narrative: null,
  dueAt: null,
  submittedAt: '2026-05-02T03:00:00.000Z',
  onTime: true,
  approvedAt: null,
  acknowledgedAt: null,
  recipientAgencyId: null,
});

async function render(caseId: string | undefined): Promise<HTMLElement> {
  localStorage.clear();
  TestBed.configureTestingModule({
    imports: [ReportInboxComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      {
        provide: IncidentReportsApiService,
        useValue: {
          inbox: () =>
            of<Page<IncidentReportView>>({
              items: [
                report('r1', 'case-1', 'DN-2026-000001'),
                report('r2', 'case-2', 'DN-2026-000002'),
              ],
              nextCursor: null,
            }),
        },
      },
      { provide: AdministrativeUnitsService, useValue: { nameOf: (code: string) => code } },
    ],
  });
  const fixture = TestBed.createComponent(ReportInboxComponent);
  fixture.componentRef.setInput('workspace', workspaceForRole('reporting_officer'));
  fixture.componentRef.setInput('case', caseId);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('ReportInboxComponent', () => {
  it('opens the report of the case a notification is about (?case=)', async () => {
    const element = await render('case-2');
    expect(element.querySelector('[data-testid="report-detail-code"]')?.textContent?.trim()).toBe(
      'DN-2026-000002',
    );
  });

  it('opens nothing until a report is chosen, without a case', async () => {
    const element = await render(undefined);
    expect(element.querySelector('[data-testid="report-detail-code"]')).toBeNull();
  });
});
