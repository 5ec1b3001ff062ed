import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AgencyView, CaseReferralView, ConsentView } from '@caunoi/shared/contracts';
import type { AgencyType } from '@caunoi/shared/domain';
import type { RerouteDialogData } from './reroute-dialog.component';
import { RerouteDialogComponent } from './reroute-dialog.component';
import { dialogTestProviders, page } from '../../../../testing';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const OLD_POLICE = 'a0000000-0000-4000-8000-000000000001';
const OTHER_POLICE = 'a0000000-0000-4000-8000-000000000002';
const LEGAL_AID = 'a0000000-0000-4000-8000-000000000003';
const REFERRAL_ID = 'r0000000-0000-4000-8000-000000000001';

function agency(id: string, type: AgencyType, name: string): AgencyView {
  return {
    id,
    type,
    name,
    provinceCode: '48',
    communeCode: null,
    address: null,
    phone: null,
    email: null,
    services: [],
    coversWholeProvince: true,
    coverageCommuneCodes: [],
    open24h: true,
    openingHours: null,
    capacityNote: null,
    acceptingReferrals: true,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

const CONSENTS: ConsentView[] = [
  {
    id: 'c1',
    kind: 'information_sharing',
    givenBy: 'survivor',
    method: 'written',
    childAssent: null,
    guardianIsSuspect: false,
    agencyTypes: ['police'],
    dataCategories: ['incident_facts'],
    givenAt: '2026-05-01T03:00:00.000Z',
    expiresOn: '2099-12-31',
    recordedByUserId: 'u1',
    withdrawnAt: null,
    withdrawnReason: null,
  },
];

const OVERDUE: CaseReferralView = {
  id: REFERRAL_ID,
  code: 'CG-2026-000001',
  toAgency: { id: OLD_POLICE, name: 'Công an phường Hải Châu', type: 'police', phone: null },
  services: ['police_protection'],
  urgency: 'emergency',
  reason: 'Cần bảo vệ khẩn cấp.',
  packet: ['incident_facts'],
  status: 'sent',
  sentAt: '2026-05-10T01:00:00.000Z',
  respondBy: '2026-05-10T02:00:00.000Z',
  responseOverdue: true,
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
};

describe('RerouteDialogComponent', () => {
  let fixture: ComponentFixture<RerouteDialogComponent>;
  let backend: HttpTestingController;
  let loader: HarnessLoader;
  let element: HTMLElement;
  const close = jest.fn();

  async function render(): Promise<void> {
    localStorage.clear();
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [RerouteDialogComponent],
      providers: [
        ...dialogTestProviders(
          {
            caseId: CASE_ID,
            referral: OVERDUE,
            consents: CONSENTS,
            communeCode: null,
          } satisfies RerouteDialogData,
          close,
        ),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RerouteDialogComponent);
    element = fixture.nativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    // The directory's pick for the police is the agency that did not answer: not offered again.
    backend.expectOne(`/api/cases/${CASE_ID}/referral-suggestions`).flush([
      { agencyType: 'police', agency: agency(OLD_POLICE, 'police', 'Công an phường Hải Châu') },
      { agencyType: 'legal_aid', agency: agency(LEGAL_AID, 'legal_aid', 'Trung tâm TGPL') },
    ]);
    await fixture.whenStable();
    const search = backend.expectOne((r) => r.url === '/api/agencies');
    expect(search.request.params.get('type')).toBe('police');
    expect(search.request.params.has('coversCommune')).toBe(false);
    search.flush({
      items: [
        agency(OLD_POLICE, 'police', 'Công an phường Hải Châu'),
        agency(OTHER_POLICE, 'police', 'Công an phường Thạch Thang'),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const select = (id: string): Promise<MatSelectHarness> =>
    loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));
  const submit = async (): Promise<void> => {
    element.querySelector<HTMLButtonElement>('[data-testid="reroute-submit"]')?.click();
    await fixture.whenStable();
  };

  it('offers the other agencies of the same type, covered by consent, and sends no override', async () => {
    await render();
    expect(element.textContent).toContain(
      'Chuyển gửi đến Công an phường Hải Châu sẽ được rút lại.',
    );
    const agencies = await select('refer-agency');
    await agencies.open();
    const options = await agencies.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual([
      'Công an phường Thạch Thang',
    ]);
    await agencies.clickOptions({ text: 'Công an phường Thạch Thang' });
    expect(element.querySelector('[data-testid="consent-check-covered"]')).not.toBeNull();
    await submit();
    const post = backend.expectOne(`/api/cases/${CASE_ID}/referrals/${REFERRAL_ID}/reroute`);
    expect(post.request.body).toEqual({ agencyId: OTHER_POLICE, override: null });
    post.flush({ ...OVERDUE, id: 'new', toAgency: { ...OVERDUE.toAgency, id: OTHER_POLICE } });
    await new Promise((resolve) => setTimeout(resolve));
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'new' }));
  });

  it('to another type without consent: the suggestion, the consent check and the override', async () => {
    await render();
    const types = await select('refer-agency-type');
    await types.open();
    await types.clickOptions({ text: 'Trợ giúp pháp lý' });
    backend
      .expectOne((r) => r.url === '/api/agencies' && r.params.get('type') === 'legal_aid')
      .flush(page([agency(LEGAL_AID, 'legal_aid', 'Trung tâm TGPL')]));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="consent-check-missing"]')?.textContent).toContain(
      'Chưa có sự đồng ý nào cho phép chia sẻ thông tin với Trợ giúp pháp lý.',
    );
    const reason = await select('override-reason');
    await reason.open();
    await reason.clickOptions({ text: 'Nghĩa vụ theo quy định pháp luật' });
    const justification = await loader.getHarness(
      MatInputHarness.with({ selector: '[data-testid="override-justification"]' }),
    );
    await justification.setValue('Tòa án yêu cầu cung cấp thông tin theo quyết định số 12.');
    await submit();
    const post = backend.expectOne(`/api/cases/${CASE_ID}/referrals/${REFERRAL_ID}/reroute`);
    expect(post.request.body).toEqual({
      agencyId: LEGAL_AID,
      override: {
        reason: 'legal_obligation',
        justification: 'Tòa án yêu cầu cung cấp thông tin theo quyết định số 12.',
      },
    });
    post.flush(
      {
        statusCode: 409,
        message: 'Conflict',
        errors: [{ field: 'status', code: 'invalid_transition', message: 'accepted meanwhile' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="reroute-error"]')?.textContent).toContain(
      'Không thể thực hiện thao tác này với chuyển gửi ở trạng thái hiện tại',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
