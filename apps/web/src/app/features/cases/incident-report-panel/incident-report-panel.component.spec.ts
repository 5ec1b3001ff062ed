import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeVi from '@angular/common/locales/vi';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { IncidentReportView } from '@caunoi/shared/contracts';
import type { IncidentReportStatus } from '@caunoi/shared/domain';
import { IncidentReportPanelComponent } from './incident-report-panel.component';

registerLocaleData(localeVi);

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const INCIDENT_ID = '22222222-2222-4222-8222-222222222222';
const REPORT_URL = `/api/cases/${CASE_ID}/incidents/${INCIDENT_ID}/report`;

function reportView(status: IncidentReportStatus, extra: Partial<IncidentReportView> = {}) {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    incidentId: INCIDENT_ID,
    caseId: CASE_ID,
    status,
    content: {
      survivorCode: 'DN-2026-000123',
      gbvType: 'physical_assault',
      dvForms: ['physical'],
      communeCode: '20242',
      occurredAt: '2026-05-01T03:00:00.000Z',
      discoveredAt: '2026-05-02T03:00:00.000Z',
      seriousReasons: ['serious_injury'],
      servicesGiven: ['psychosocial_counselling'],
      agenciesInvolved: ['police'],
    },
    narrative: 'Đã tư vấn và phối hợp công an.',
    dueAt: '2026-05-12T17:00:00.000Z',
    submittedAt: null,
    onTime: null,
    approvedAt: status === 'approved' ? '2026-05-05T03:00:00.000Z' : null,
    acknowledgedAt: null,
    recipientAgencyId: null,
    ...extra,
  } satisfies IncidentReportView;
}

describe('IncidentReportPanelComponent', () => {
  let fixture: ComponentFixture<IncidentReportPanelComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  const button = (id: string): HTMLButtonElement | null =>
    element.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
  const text = (id: string): string =>
    element.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function render(
    role: { canUpdate: boolean; canApprove: boolean },
    answer: IncidentReportView | 'none',
  ): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [IncidentReportPanelComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IncidentReportPanelComponent);
    fixture.componentRef.setInput('caseId', CASE_ID);
    fixture.componentRef.setInput('incidentId', INCIDENT_ID);
    fixture.componentRef.setInput('canUpdate', role.canUpdate);
    fixture.componentRef.setInput('canApprove', role.canApprove);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const request = backend.expectOne(REPORT_URL);
    if (answer === 'none')
      request.flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    else request.flush(answer);
    await settle();
  }

  /** Lets the answer's promise resolve, then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const caseworker = { canUpdate: true, canApprove: false };
  const supervisor = { canUpdate: true, canApprove: true };

  it('offers to draft a report when there is none, with the no-identity note', async () => {
    await render(caseworker, 'none');
    expect(text('report-none')).toBe('Chưa có báo cáo cho vụ việc này.');
    button('report-create')?.click();
    await fixture.whenStable();
    expect(text('report-no-identity')).toContain('Không ghi họ tên, số điện thoại');
    expect(button('report-approve')).toBeNull();
    expect(button('report-submit')).toBeNull();

    button('report-save')?.click();
    await fixture.whenStable();
    const post = backend.expectOne((r) => r.url === REPORT_URL && r.method === 'POST');
    expect(post.request.body).toEqual({ servicesGiven: [], agenciesInvolved: [], narrative: null });
    post.flush(reportView('draft'));
    await settle();
    expect(text('report-status')).toBe('Bản nháp');
  });

  it('shows a draft to the caseworker: save yes, approve no, submit disabled until approved', async () => {
    await render(caseworker, reportView('draft'));
    expect(button('report-save')?.disabled).toBe(false);
    expect(button('report-approve')).toBeNull();
    expect(button('report-submit')?.disabled).toBe(true);
    expect(text('report-needs-approval')).toBe('Trưởng nhóm cần phê duyệt báo cáo trước khi nộp.');
  });

  it('lets the supervisor approve a draft', async () => {
    await render(supervisor, reportView('draft'));
    const approve = button('report-approve');
    expect(approve?.disabled).toBe(false);
    approve?.click();
    await fixture.whenStable();
    backend.expectOne(`${REPORT_URL}/approve`).flush(reportView('approved'));
    await settle();
    expect(text('report-status')).toBe('Đã phê duyệt');
    expect(button('report-approve')).toBeNull();
  });

  it('submits an approved report and then shows it read-only, on time', async () => {
    await render(caseworker, reportView('approved'));
    const submit = button('report-submit');
    expect(submit?.disabled).toBe(false);
    submit?.click();
    await fixture.whenStable();
    backend.expectOne(`${REPORT_URL}/submit`).flush(
      reportView('submitted', {
        submittedAt: '2026-05-06T02:15:00.000Z',
        onTime: true,
      }),
    );
    await settle();
    expect(text('report-submitted')).toBe('Đã nộp lúc 06/05/2026 09:15 — đúng hạn');
    expect(button('report-save')).toBeNull();
    expect(button('report-submit')).toBeNull();
    expect(text('report-readonly')).toContain('Tư vấn tâm lý – xã hội');
  });

  it('says "trễ hạn" for a late submission and never offers edits on it', async () => {
    await render(
      supervisor,
      reportView('submitted', { submittedAt: '2026-05-20T02:15:00.000Z', onTime: false }),
    );
    expect(text('report-submitted')).toBe('Đã nộp lúc 20/05/2026 09:15 — trễ hạn');
    expect(button('report-save')).toBeNull();
    expect(button('report-approve')).toBeNull();
    expect(button('report-submit')).toBeNull();
  });

  it('translates a refusal from the server (submit before approval)', async () => {
    await render(caseworker, reportView('approved'));
    button('report-submit')?.click();
    await fixture.whenStable();
    backend.expectOne(`${REPORT_URL}/submit`).flush(
      {
        statusCode: 409,
        message: 'Conflict',
        errors: [{ field: 'status', code: 'not_approved', message: 'not approved' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(text('report-error')).toBe('Trưởng nhóm cần phê duyệt báo cáo trước khi nộp.');
  });

  it('shows nothing editable to someone who may only read the case', async () => {
    await render({ canUpdate: false, canApprove: false }, 'none');
    expect(button('report-create')).toBeNull();
    expect(text('report-none')).toBe('Chưa có báo cáo cho vụ việc này.');
  });

  it('downloads the printable form (PDF) in the screen language, for a reader too', async () => {
    const saved: string[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = () => 'blob:form';
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    try {
      await render({ canUpdate: false, canApprove: false }, reportView('submitted'));
      expect(text('report-print')).toBe('In báo cáo (PDF)');
      button('report-print')?.click();
      await fixture.whenStable();
      const form = backend.expectOne((r) => r.url === `${REPORT_URL}/form`);
      expect(form.request.params.get('lang')).toBe('vi');
      expect(form.request.responseType).toBe('blob');
      form.flush(new Blob(['%PDF'], { type: 'application/pdf' }));
      await settle();
      expect(saved).toEqual(['bao-cao-vu-viec.pdf']);
    } finally {
      click.mockRestore();
      URL.createObjectURL = create;
    }
  });
});
