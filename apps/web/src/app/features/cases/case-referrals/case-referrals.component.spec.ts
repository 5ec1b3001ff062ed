import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeVi from '@angular/common/locales/vi';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseReferralView } from '@caunoi/shared/contracts';
import type { ReferralStatus } from '@caunoi/shared/domain';
import { CaseReferralsComponent } from './case-referrals.component';

registerLocaleData(localeVi);

const CASE_ID = '11111111-1111-4111-8111-111111111111';

let next = 0;
function referral(
  status: ReferralStatus,
  agencyName: string,
  extra: Partial<CaseReferralView> = {},
): CaseReferralView {
  next += 1;
  return {
    id: `r0000000-0000-4000-8000-00000000000${next}`,
    code: `CG-2026-00000${next}`,
    toAgency: { id: `a-${next}`, name: agencyName, type: 'police', phone: null },
    services: ['police_protection'],
    urgency: 'urgent',
    reason: 'Cần bảo vệ khẩn cấp.',
    packet: ['incident_facts', 'risk_level'],
    status,
    sentAt: '2026-05-10T01:00:00.000Z',
    respondBy: '2026-05-11T01:00:00.000Z',
    responseOverdue: false,
    respondedAt: null,
    respondedOnTime: null,
    referredByName: 'Nguyễn Thị Lan',
    declineReason: null,
    declineNote: null,
    withdrawReason: null,
    override: null,
    reroutedFromId: null,
    events: [],
    serviceRecords: [],
    ...extra,
  };
}

describe('CaseReferralsComponent', () => {
  let fixture: ComponentFixture<CaseReferralsComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(
    referrals: CaseReferralView[],
    rights: { canUpdate: boolean; canReview?: boolean },
  ): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CaseReferralsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseReferralsComponent);
    fixture.componentRef.setInput('caseId', CASE_ID);
    fixture.componentRef.setInput('referrals', referrals);
    fixture.componentRef.setInput('canUpdate', rights.canUpdate);
    fixture.componentRef.setInput('canReview', rights.canReview ?? false);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  /** The panel row of the referral to this agency. */
  const row = (agencyName: string): HTMLElement => {
    const found = Array.from(
      element.querySelectorAll<HTMLElement>('[data-testid="referral-row"]'),
    ).find((li) => li.querySelector('[data-testid="referral-agency"]')?.textContent === agencyName);
    if (!found) throw new Error(`no row for ${agencyName}`);
    return found;
  };
  const within = (root: HTMLElement, id: string): HTMLElement | null =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (root: HTMLElement, id: string): string =>
    within(root, id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('offers re-routing, highlighted, for an overdue referral and for a declined one', async () => {
    await render(
      [
        referral('sent', 'Công an phường Hải Châu', { responseOverdue: true }),
        referral('declined', 'Công an phường Thạch Thang', {
          declineReason: 'no_capacity',
          declineNote: 'Đang quá tải trong tuần này.',
          respondedAt: '2026-05-10T03:00:00.000Z',
          respondedOnTime: true,
        }),
        referral('sent', 'Công an phường Phước Ninh'),
      ],
      { canUpdate: true },
    );
    const overdue = row('Công an phường Hải Châu');
    expect(text(overdue, 'referral-overdue')).toBe('Quá hạn phản hồi');
    expect(text(overdue, 'referral-reroute-hint')).toBe(
      'Cơ quan chưa phản hồi trong thời hạn. Có thể chuyển ngay sang cơ quan khác.',
    );
    expect(within(overdue, 'referral-reroute')?.hasAttribute('mat-flat-button')).toBe(true);
    // Sent and unanswered: the sender may still withdraw it.
    expect(within(overdue, 'referral-withdraw')).not.toBeNull();

    const declined = row('Công an phường Thạch Thang');
    expect(text(declined, 'referral-status')).toBe('Từ chối');
    expect(text(declined, 'referral-decline')).toBe(
      'Không còn khả năng tiếp nhận — Đang quá tải trong tuần này.',
    );
    expect(text(declined, 'referral-reroute-hint')).toBe(
      'Cơ quan đã từ chối. Có thể chuyển sang cơ quan khác.',
    );
    expect(within(declined, 'referral-reroute')?.hasAttribute('mat-flat-button')).toBe(true);
    // A declined referral cannot be withdrawn.
    expect(within(declined, 'referral-withdraw')).toBeNull();

    // Waiting and not yet overdue: re-routing is possible, but not urged.
    const waiting = row('Công an phường Phước Ninh');
    expect(within(waiting, 'referral-reroute')?.hasAttribute('mat-stroked-button')).toBe(true);
    expect(within(waiting, 'referral-reroute-hint')).toBeNull();
    expect(text(waiting, 'referral-respond-by')).toContain('11/05/2026 08:00');
  });

  it('offers withdraw only where the state machine allows it, and re-route only for sent or declined', async () => {
    await render(
      [
        referral('accepted', 'Trạm Y tế Hải Châu'),
        referral('in_service', 'Trung tâm Trợ giúp pháp lý'),
        referral('completed', 'Bệnh viện Đà Nẵng'),
        referral('withdrawn', 'Công an quận Sơn Trà', { withdrawReason: 'survivor_request' }),
      ],
      { canUpdate: true },
    );
    const accepted = row('Trạm Y tế Hải Châu');
    expect(within(accepted, 'referral-withdraw')).not.toBeNull();
    expect(within(accepted, 'referral-reroute')).toBeNull();
    for (const name of [
      'Trung tâm Trợ giúp pháp lý',
      'Bệnh viện Đà Nẵng',
      'Công an quận Sơn Trà',
    ]) {
      expect(within(row(name), 'referral-withdraw')).toBeNull();
      expect(within(row(name), 'referral-reroute')).toBeNull();
    }
    expect(text(row('Công an quận Sơn Trà'), 'referral-withdraw-reason')).toBe(
      'Theo yêu cầu của người bị bạo lực',
    );
  });

  it('shows no actions to someone who may not update the case', async () => {
    await render(
      [
        referral('sent', 'Công an phường Hải Châu', { responseOverdue: true }),
        referral('declined', 'Công an phường Thạch Thang'),
      ],
      { canUpdate: false },
    );
    expect(element.querySelector('[data-testid="referral-reroute"]')).toBeNull();
    expect(element.querySelector('[data-testid="referral-withdraw"]')).toBeNull();
    expect(text(row('Công an phường Hải Châu'), 'referral-overdue')).toBe('Quá hạn phản hồi');
  });

  it('shows service records with their sector outcome fields in words', async () => {
    await render(
      [
        referral('in_service', 'Công an phường Hải Châu', {
          serviceRecords: [
            {
              id: 's1',
              referralId: 'r',
              referralCode: 'CG-2026-000001',
              agencyId: 'a',
              agencyName: 'Công an phường Hải Châu',
              serviceType: 'police_protection',
              providedOn: '2026-05-11',
              outcome: 'provided',
              sectorOutcome: { reportRegistered: true, noContactOrder: 'requested' },
              note: null,
              recordedByName: 'Trần Văn Nam',
              recordedAt: '2026-05-11T09:00:00.000Z',
            },
          ],
        }),
      ],
      { canUpdate: true },
    );
    const record = within(row('Công an phường Hải Châu'), 'referral-service-record') as HTMLElement;
    expect(record.textContent).toContain('Bảo vệ của công an');
    expect(record.textContent).toContain('11/05/2026');
    expect(record.textContent).toContain('Đã cung cấp');
    expect(text(record, 'referral-outcome-reportRegistered')).toBe(
      'Đã tiếp nhận, đăng ký tin báo: Có',
    );
    expect(text(record, 'referral-outcome-noContactOrder')).toBe(
      'Biện pháp cấm tiếp xúc: Đã đề nghị',
    );
  });

  it('lets a supervisor mark a referral sent without consent as reviewed', async () => {
    const overridden = referral('sent', 'Công an phường Hải Châu', {
      override: {
        reason: 'threat_to_life',
        justification: 'Người gây bạo lực đe dọa giết nạn nhân.',
        reviewedAt: null,
        reviewedByName: null,
      },
    });
    await render([overridden], { canUpdate: true, canReview: true });
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    const card = row('Công an phường Hải Châu');
    expect(text(card, 'referral-override')).toContain('Đe dọa đến tính mạng');
    expect(text(card, 'referral-override-pending')).toContain('Đang chờ trưởng nhóm xem xét.');
    within(card, 'referral-review')?.click();
    await fixture.whenStable();
    const post = backend.expectOne(
      `/api/cases/${CASE_ID}/referrals/${overridden.id}/review-override`,
    );
    expect(post.request.method).toBe('POST');
    post.flush({ ...overridden });
    await fixture.whenStable();
    expect(changed).toHaveBeenCalled();
  });

  it('does not offer the review to a caseworker, and shows who reviewed it', async () => {
    await render(
      [
        referral('sent', 'Công an phường Hải Châu', {
          override: {
            reason: 'mandatory_child_abuse_report',
            justification: 'Trẻ em bị xâm hại, bắt buộc báo cáo.',
            reviewedAt: null,
            reviewedByName: null,
          },
        }),
        referral('accepted', 'Công an phường Thạch Thang', {
          override: {
            reason: 'legal_obligation',
            justification: 'Theo yêu cầu của cơ quan điều tra.',
            reviewedAt: '2026-05-10T02:30:00.000Z',
            reviewedByName: 'Lê Thị Hoa',
          },
        }),
      ],
      { canUpdate: true, canReview: false },
    );
    expect(element.querySelector('[data-testid="referral-review"]')).toBeNull();
    expect(text(row('Công an phường Thạch Thang'), 'referral-override-reviewed')).toBe(
      'Trưởng nhóm Lê Thị Hoa đã xem xét lúc 10/05/2026 09:30.',
    );
  });
});
