import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeVi from '@angular/common/locales/vi';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { InboxReferralDetailView, ServiceRecordView } from '@caunoi/shared/contracts';
import { ReferralDetailComponent } from './referral-detail.component';
import { settle } from '../../../../testing';

registerLocaleData(localeVi);

const ID = '44444444-4444-4444-8444-444444444444';
const URL = `/api/referrals/${ID}`;

function detail(extra: Partial<InboxReferralDetailView> = {}): InboxReferralDetailView {
  return {
    id: ID,
    code: 'CG-2026-000123',
    fromAgency: {
      id: 'a1',
      name: 'Trung tâm CTXH Đà Nẵng',
      type: 'social_work_centre',
      phone: '02363000000',
    },
    referredByName: 'Cán bộ Minh',
    services: ['police_protection'],
    urgency: 'emergency',
    status: 'sent',
    sentAt: '2026-05-10T02:00:00.000Z',
    respondBy: new Date(Date.now() + 45 * 60_000 + 30_000).toISOString(),
    responseOverdue: false,
    packet: ['incident_facts', 'risk_level'],
    reason: 'Người bị bạo lực cần công an xã can thiệp ngay.',
    packetData: {
      incidents: [
        {
          occurredAt: '2026-05-09T14:00:00.000Z',
          occurredPrecision: 'exact',
          discoveredAt: '2026-05-10T01:00:00.000Z',
          communeCode: '20242',
          gbvType: 'physical_assault',
          dvForms: ['physical'],
          contextFlags: ['domestic_violence'],
          description: null,
        },
      ],
      riskLevel: 'high',
    },
    declineReason: null,
    withdrawReason: null,
    events: [
      {
        id: 'e1',
        at: '2026-05-10T02:00:00.000Z',
        event: 'sent',
        actorName: 'Cán bộ Minh',
        actorAgencyName: 'Trung tâm CTXH Đà Nẵng',
        reason: null,
        note: null,
      },
    ],
    serviceRecords: [],
    ...extra,
  };
}

const policeRecord: ServiceRecordView = {
  id: 's1',
  referralId: ID,
  referralCode: 'CG-2026-000123',
  agencyId: 'p1',
  agencyName: 'Công an phường Hải Châu',
  serviceType: 'police_protection',
  providedOn: '2026-05-11',
  outcome: 'provided',
  sectorOutcome: { summonsToCommunePolice: true, noContactOrder: 'issued' },
  note: null,
  recordedByName: 'Đầu mối Hùng',
  recordedAt: '2026-05-11T03:00:00.000Z',
};

describe('ReferralDetailComponent', () => {
  let fixture: ComponentFixture<ReferralDetailComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string): string => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** Dialogs render in the overlay, outside the component. */
  const inDocument = (id: string): HTMLElement | null =>
    document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function render(answer: InboxReferralDetailView | 'missing'): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ReferralDetailComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        // Dialogs close at once instead of after their exit animation.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReferralDetailComponent);
    fixture.componentRef.setInput('id', ID);
    fixture.componentRef.setInput('workspace', {
      path: 'inbox',
      roles: ['police_liaison'],
      title: 'workspace.inbox.title',
      body: 'workspace.inbox.body',
    });
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    if (answer === 'missing') {
      backend.expectOne(URL).flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    } else {
      backend.expectOne(URL).flush(answer);
    }
    await settle(fixture);
    // The packet names its commune: looked up by code.
    for (const request of backend.match((r) => r.url.includes('administrative-units'))) {
      request.flush({
        items: [{ code: '20242', name: 'Phường Hải Châu', level: 'commune', parentCode: '48' }],
        nextCursor: null,
      });
    }
    await settle(fixture);
  }

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('shows the header, the reason and only the packet sections the referral carries', async () => {
    await render(detail());

    expect(text('referral-code')).toBe('CG-2026-000123');
    expect(text('referral-status')).toBe('Đã gửi');
    expect(text('urgency-chip')).toBe('⚠ Khẩn cấp');
    expect(text('referral-left')).toBe('còn 45 phút');
    expect(byTestId('referral-left')?.classList).not.toContain('overdue');
    expect(byTestId('referral-overdue')).toBeNull();
    expect(text('referral-from')).toBe('Trung tâm CTXH Đà Nẵng');
    expect(byTestId('referral-from-phone')?.getAttribute('href')).toBe('tel:02363000000');
    expect(text('referral-referred-by')).toBe('Cán bộ Minh');
    expect(text('referral-reason')).toBe('Người bị bạo lực cần công an xã can thiệp ngay.');

    expect(text('packet-incidents')).toContain('Bạo lực thể chất');
    expect(text('packet-incidents')).toContain('Phường Hải Châu');
    expect(text('packet-incidents')).toContain('Bạo lực gia đình');
    expect(byTestId('packet-risk')?.querySelector('h3')?.textContent).toBe('Mức độ rủi ro');
    expect(byTestId('packet-risk')?.querySelector('.cn-badge')?.textContent?.trim()).toBe('Cao');
    for (const absent of [
      'packet-identity',
      'packet-safe-contact',
      'packet-injuries',
      'packet-perpetrators',
    ]) {
      expect({ section: absent, shown: byTestId(absent) !== null }).toEqual({
        section: absent,
        shown: false,
      });
    }
    expect(byTestId('referral-closed-banner')).toBeNull();
  });

  it('renders identity, safe contact, injuries and perpetrators when they are shared', async () => {
    await render(
      detail({
        packet: ['identity_contact', 'safe_contact', 'injuries_medical', 'perpetrator_info'],
        packetData: {
          identity: {
            fullName: 'Nguyễn Thị Lan',
            dateOfBirth: '1990-03-04',
            age: null,
            sex: 'female',
            ageGroup: '25_59',
            phone: '0905000000',
            address: null,
            idNumber: null,
          },
          safeContact: { method: 'zalo', details: 'Sau 21 giờ' },
          injuries: ['bruises_or_cuts', 'fracture'],
          perpetrators: [{ relationship: 'spouse', sex: 'male', ageGroup: '25_59' }],
        },
      }),
    );

    expect(text('packet-identity')).toContain('Nguyễn Thị Lan');
    expect(text('packet-identity')).toContain('04/03/1990');
    expect(text('packet-safe-contact')).toContain('Nhắn Zalo');
    expect(text('packet-injuries')).toContain('Bầm tím, vết cắt, Gãy xương');
    expect(text('packet-perpetrators')).toContain('Vợ/chồng · Nam · 25–59 tuổi');
    expect(byTestId('packet-incidents')).toBeNull();
    expect(byTestId('packet-risk')).toBeNull();
  });

  it('says so when the shared incident facts hold no incident', async () => {
    await render(
      detail({
        packet: ['incident_facts', 'injuries_medical', 'perpetrator_info'],
        packetData: { incidents: [], injuries: [], perpetrators: [] },
      }),
    );

    expect(byTestId('packet-incident')).toBeNull();
    expect(text('packet-incidents-empty')).toBe('Hồ sơ chưa ghi nhận vụ việc nào.');
    // Empty injuries and perpetrators lists already say so under their headings.
    const under = (id: string): string =>
      byTestId(id)?.querySelector('p')?.textContent?.trim() ?? '';
    expect(under('packet-injuries')).toBe('—');
    expect(under('packet-perpetrators')).toBe('Không rõ');
  });

  it('names the reason of each timeline event: a service, a clock stage', async () => {
    const at = '2026-05-11T03:00:00.000Z';
    await render(
      detail({
        status: 'in_service',
        events: [
          ...detail().events,
          {
            id: 'e2',
            at,
            event: 'response_overdue',
            actorName: null,
            actorAgencyName: null,
            reason: 'reminder_halfway',
            note: null,
          },
          {
            id: 'e3',
            at,
            event: 'service_recorded',
            actorName: 'Đầu mối Hùng',
            actorAgencyName: 'Công an phường Hải Châu',
            reason: 'police_protection',
            note: null,
          },
        ],
      }),
    );

    const reason = (kind: string): string =>
      element
        .querySelector(`[data-testid="referral-event"][data-event="${kind}"] .reason`)
        ?.textContent?.trim() ?? '';
    expect(reason('response_overdue')).toBe('Nhắc cơ quan nhận khi đã qua một nửa thời hạn');
    expect(reason('service_recorded')).toBe('Bảo vệ của công an');
    expect(reason('sent')).toBe('');
  });

  it('marks a referral past its respond-by time as overdue, in red', async () => {
    await render(detail({ respondBy: new Date(Date.now() - 2 * 3600_000 - 30_000).toISOString() }));
    expect(text('referral-left')).toBe('quá hạn 2 giờ');
    expect(byTestId('referral-left')?.classList).toContain('overdue');
    expect(text('referral-overdue')).toBe('Quá hạn phản hồi');
  });

  it('offers the answers the status allows', async () => {
    await render(detail());
    expect(byTestId('referral-accept')).not.toBeNull();
    expect(byTestId('referral-decline')).not.toBeNull();
    expect(byTestId('referral-record-service')).toBeNull();
    expect(byTestId('referral-complete')).toBeNull();
  });

  it('asks for a service record before completing an accepted referral', async () => {
    await render(detail({ status: 'accepted' }));
    expect(byTestId('referral-accept')).toBeNull();
    expect(byTestId('referral-decline')).toBeNull();
    expect(byTestId('referral-record-service')).not.toBeNull();
    expect(byTestId('referral-complete')).toBeNull();
    expect(text('referral-record-first')).toBe(
      'Cần ghi nhận ít nhất một dịch vụ trước khi hoàn thành chuyển gửi.',
    );
    expect(byTestId('referral-left')).toBeNull();
  });

  it('shows a closed referral as history: banner, no packet, no answers, its service records', async () => {
    await render(
      detail({
        status: 'completed',
        reason: null,
        packetData: null,
        serviceRecords: [policeRecord],
      }),
    );

    expect(text('referral-closed-banner')).toContain('Chuyển gửi đã kết thúc (Hoàn thành)');
    expect(text('referral-closed-banner')).toContain('chỉ còn lưu các hồ sơ dịch vụ');
    expect(byTestId('referral-packet')).toBeNull();
    expect(byTestId('referral-reason')).toBeNull();
    expect(byTestId('referral-actions')).toBeNull();
    expect(text('service-record-type')).toBe('Bảo vệ của công an');
    expect(text('service-record-date')).toBe('11/05/2026');
    expect(text('service-record-summonsToCommunePolice')).toBe('Có');
    expect(text('service-record-noContactOrder')).toBe('Đã ban hành');
  });

  it('accepts after confirmation', async () => {
    await render(detail());
    byTestId('referral-accept')?.click();
    await settle(fixture);
    expect(inDocument('confirm-message')?.textContent).toContain(
      'Tiếp nhận chuyển gửi CG-2026-000123?',
    );
    inDocument('confirm-ok')?.click();
    await settle(fixture);

    const accept = backend.expectOne(`${URL}/accept`);
    expect(accept.request.method).toBe('POST');
    expect(accept.request.body).toEqual({});
    accept.flush(detail({ status: 'accepted' }));
    await settle(fixture);
    expect(text('referral-status')).toBe('Đã tiếp nhận');
    expect(byTestId('referral-record-service')).not.toBeNull();
  });

  it('explains a 409 on accept (the sender withdrew it) and shows the referral as it is now', async () => {
    await render(detail());
    byTestId('referral-accept')?.click();
    await settle(fixture);
    inDocument('confirm-ok')?.click();
    await settle(fixture);

    backend.expectOne(`${URL}/accept`).flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Conflict',
        errors: [
          {
            field: 'status',
            code: 'invalid_transition',
            message: 'a withdrawn referral cannot take this step (accept)',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    expect(text('referral-refusal')).toBe(
      'Không thể thực hiện thao tác này vì trạng thái chuyển gửi đã thay đổi (có thể cơ quan gửi đã rút lại hoặc chuyển gửi đã được xử lý). Thông tin mới nhất đã được tải lại.',
    );
    backend.expectOne(URL).flush(
      detail({
        status: 'withdrawn',
        withdrawReason: 'survivor_request',
        reason: null,
        packetData: null,
      }),
    );
    await settle(fixture);
    expect(text('referral-status')).toBe('Đã rút lại');
    expect(text('referral-withdraw-reason')).toBe('Theo yêu cầu của người bị bạo lực');
    expect(byTestId('referral-closed-banner')).not.toBeNull();
    expect(byTestId('referral-accept')).toBeNull();
    expect(byTestId('referral-packet')).toBeNull();
    expect(byTestId('referral-refusal')).not.toBeNull();
  });

  it('records a service in the dialog; the referral is then in service and can be completed', async () => {
    await render(detail({ status: 'accepted' }));
    byTestId('referral-record-service')?.click();
    await settle(fixture);
    inDocument('service-submit')?.click();
    await settle(fixture);

    const request = backend.expectOne(`${URL}/services`);
    expect(request.request.body).toMatchObject({ serviceType: 'police_protection' });
    request.flush(detail({ status: 'in_service', serviceRecords: [policeRecord] }));
    await settle(fixture);

    expect(text('referral-status')).toBe('Đang cung cấp dịch vụ');
    expect(element.querySelectorAll('[data-testid="service-record"]')).toHaveLength(1);
    expect(byTestId('referral-complete')).not.toBeNull();
    expect(byTestId('referral-record-first')).toBeNull();
  });

  it('shows the not-found page for a referral the agency may not see', async () => {
    await render('missing');
    expect(byTestId('not-found')).not.toBeNull();
  });
});
