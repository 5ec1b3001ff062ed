import type { TestRequest } from '@angular/common/http/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AgencyView, ConsentView, ReferralSuggestionView } from '@caunoi/shared/contracts';
import type { AgencyType } from '@caunoi/shared/domain';
import { REFERRAL_TARGET_TYPES } from '@caunoi/shared/domain';
import type { ReferDialogData } from './refer-dialog.component';
import { ReferDialogComponent } from './refer-dialog.component';
import { dialogTestProviders, page, settle } from '../../../../testing';

const CASE_ID = '11111111-1111-4111-8111-111111111111';
const COMMUNE = '20242';
const POLICE_ID = 'a0000000-0000-4000-8000-000000000001';
const HEALTH_ID = 'a0000000-0000-4000-8000-000000000002';
const REFERRALS_URL = `/api/cases/${CASE_ID}/referrals`;
const SUGGESTIONS_URL = `/api/cases/${CASE_ID}/referral-suggestions`;

function agency(id: string, type: AgencyType, name: string, extra: Partial<AgencyView> = {}) {
  return {
    id,
    type,
    name,
    provinceCode: '48',
    communeCode: COMMUNE,
    address: null,
    phone: '0236 3822 111',
    email: null,
    services: [],
    coversWholeProvince: false,
    coverageCommuneCodes: [COMMUNE],
    open24h: true,
    openingHours: null,
    capacityNote: null,
    acceptingReferrals: true,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  } satisfies AgencyView;
}

const POLICE = agency(POLICE_ID, 'police', 'Công an phường Hải Châu');
const HEALTH = agency(HEALTH_ID, 'health', 'Trạm Y tế phường Hải Châu', {
  open24h: false,
  openingHours: 'Thứ 2–Thứ 6, 7:30–17:00',
  capacityNote: 'Có phòng khám riêng',
});

/** The survivor agreed to share incident facts and the risk level with the police, nothing else. */
const CONSENTS: ConsentView[] = [
  {
    id: 'c0000000-0000-4000-8000-000000000001',
    kind: 'information_sharing',
    givenBy: 'survivor',
    method: 'verbal',
    childAssent: null,
    guardianIsSuspect: false,
    agencyTypes: ['police'],
    dataCategories: ['incident_facts', 'risk_level'],
    givenAt: '2026-05-01T03:00:00.000Z',
    expiresOn: '2099-12-31',
    recordedByUserId: 'u1',
    withdrawnAt: null,
    withdrawnReason: null,
  },
];

const SUGGESTIONS: ReferralSuggestionView[] = REFERRAL_TARGET_TYPES.map((type) => ({
  agencyType: type,
  agency: type === 'police' ? POLICE : type === 'health' ? HEALTH : null,
}));

describe('ReferDialogComponent', () => {
  let fixture: ComponentFixture<ReferDialogComponent>;
  let backend: HttpTestingController;
  let loader: HarnessLoader;
  let element: HTMLElement;
  const close = jest.fn();

  async function render(): Promise<void> {
    localStorage.clear();
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [ReferDialogComponent],
      providers: [
        ...dialogTestProviders(
          {
            caseId: CASE_ID,
            consents: CONSENTS,
            communeCode: COMMUNE,
          } satisfies ReferDialogData,
          close,
        ),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReferDialogComponent);
    element = fixture.nativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne(SUGGESTIONS_URL).flush(SUGGESTIONS);
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const rows = (): HTMLElement[] =>
    Array.from(element.querySelectorAll<HTMLElement>('[data-testid="refer-row"]'));
  const text = (root: ParentNode, id: string): string =>
    root.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const rowLoader = async (index: number): Promise<HarnessLoader> =>
    (await loader.getAllChildLoaders('[data-testid="refer-row"]'))[index] as HarnessLoader;

  /** Picks the type; the directory is searched for it (the suggestion is pre-selected). */
  async function chooseType(row: number, label: string, results: AgencyView[]): Promise<void> {
    const select = await (
      await rowLoader(row)
    ).getHarness(MatSelectHarness.with({ selector: '[data-testid="refer-agency-type"]' }));
    await select.open();
    await select.clickOptions({ text: label });
    const search: TestRequest = backend.expectOne((r) => r.url === '/api/agencies');
    expect(search.request.params.get('type')).toBe(results[0]?.type);
    expect(search.request.params.get('coversCommune')).toBe(COMMUNE);
    expect(search.request.params.get('acceptingReferrals')).toBe('true');
    search.flush(page(results));
    await fixture.whenStable();
  }

  async function tick(row: number, category: string): Promise<void> {
    const box = await (
      await rowLoader(row)
    ).getHarness(MatCheckboxHarness.with({ selector: `[data-testid="refer-packet-${category}"]` }));
    await box.toggle();
  }

  async function pick(row: number, id: string, labels: string[]): Promise<void> {
    const select = await (
      await rowLoader(row)
    ).getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));
    await select.open();
    for (const label of labels) await select.clickOptions({ text: label });
    await select.close();
  }

  async function type(row: number, id: string, value: string): Promise<void> {
    const input = await (
      await rowLoader(row)
    ).getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
    await input.setValue(value);
  }

  /** A complete row: type, services, urgency, reason and packet. */
  async function fill(
    row: number,
    agencyType: string,
    results: AgencyView[],
    service: string,
    category: string,
  ): Promise<void> {
    await chooseType(row, agencyType, results);
    await pick(row, 'refer-services', [service]);
    await pick(row, 'refer-urgency', ['Gấp']);
    await type(row, 'refer-reason', 'Cần hỗ trợ theo kế hoạch an toàn đã thống nhất.');
    await tick(row, category);
  }

  async function submit(): Promise<TestRequest> {
    element.querySelector<HTMLButtonElement>('[data-testid="refer-submit"]')?.click();
    await fixture.whenStable();
    return backend.expectOne((r) => r.url === REFERRALS_URL && r.method === 'POST');
  }

  it('pre-selects the suggested agency and shows its hours, phone and capacity', async () => {
    await render();
    await chooseType(0, 'Cơ sở y tế', [HEALTH]);
    const details = text(rows()[0] as HTMLElement, 'refer-agency-details');
    expect(details).toContain('Trạm Y tế phường Hải Châu');
    expect(details).toContain('Giờ làm việc: Thứ 2–Thứ 6, 7:30–17:00');
    expect(details).toContain('Điện thoại: 0236 3822 111');
    expect(details).toContain('Khả năng tiếp nhận: Có phòng khám riêng');
  });

  it('checks consent live: covered, then the missing categories, then no consent for the type; the override section only when needed', async () => {
    await render();
    const row = (): HTMLElement => rows()[0] as HTMLElement;
    await chooseType(0, 'Công an', [POLICE]);
    await tick(0, 'incident_facts');
    expect(text(row(), 'consent-check-covered')).toBe(
      'Sự đồng ý của người bị bạo lực cho phép chia sẻ các thông tin đã chọn với Công an.',
    );
    expect(row().querySelector('[data-testid="referral-override"]')).toBeNull();

    await tick(0, 'identity_contact');
    await tick(0, 'perpetrator_info');
    expect(row().querySelector('[data-testid="consent-check-covered"]')).toBeNull();
    expect(text(row(), 'consent-check-missing')).toBe(
      'Sự đồng ý chưa bao gồm: Danh tính và liên lạc, Thông tin người gây bạo lực.',
    );
    expect(text(row(), 'override-warning')).toContain('Trưởng nhóm sẽ được thông báo ngay');

    // Un-ticking what the consent does not cover hides the override again.
    await tick(0, 'identity_contact');
    await tick(0, 'perpetrator_info');
    expect(row().querySelector('[data-testid="consent-check-covered"]')).not.toBeNull();
    expect(row().querySelector('[data-testid="referral-override"]')).toBeNull();

    await chooseType(0, 'Cơ sở y tế', [HEALTH]);
    expect(text(row(), 'consent-check-missing')).toBe(
      'Chưa có sự đồng ý nào cho phép chia sẻ thông tin với Cơ sở y tế.',
    );
    expect(row().querySelector('[data-testid="referral-override"]')).not.toBeNull();
  });

  it('sends two agencies in one request, the uncovered one with its override', async () => {
    await render();
    await fill(0, 'Công an', [POLICE], 'Bảo vệ của công an', 'incident_facts');
    element.querySelector<HTMLButtonElement>('[data-testid="refer-add-row"]')?.click();
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    await fill(1, 'Cơ sở y tế', [HEALTH], 'Cấp cứu y tế', 'injuries_medical');

    // Not covered and no grounds yet: nothing is sent.
    element.querySelector<HTMLButtonElement>('[data-testid="refer-submit"]')?.click();
    await fixture.whenStable();
    backend.expectNone(REFERRALS_URL);

    await pick(1, 'override-reason', ['Đe dọa đến tính mạng']);
    await type(1, 'override-justification', 'ngắn');
    element.querySelector<HTMLButtonElement>('[data-testid="refer-submit"]')?.click();
    await fixture.whenStable();
    backend.expectNone(REFERRALS_URL);
    expect(text(rows()[1] as HTMLElement, 'override-justification-error')).toBe(
      'Giải trình phải có ít nhất 20 ký tự.',
    );

    await type(
      1,
      'override-justification',
      'Người gây bạo lực đang đe dọa quay lại trong đêm nay.',
    );
    const post = await submit();
    expect(post.request.body).toEqual({
      referrals: [
        {
          agencyId: POLICE_ID,
          services: ['police_protection'],
          urgency: 'urgent',
          reason: 'Cần hỗ trợ theo kế hoạch an toàn đã thống nhất.',
          packet: ['incident_facts'],
          override: null,
        },
        {
          agencyId: HEALTH_ID,
          services: ['emergency_medical_care'],
          urgency: 'urgent',
          reason: 'Cần hỗ trợ theo kế hoạch an toàn đã thống nhất.',
          packet: ['injuries_medical'],
          override: {
            reason: 'threat_to_life',
            justification: 'Người gây bạo lực đang đe dọa quay lại trong đêm nay.',
          },
        },
      ],
    });
    post.flush([]);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith([]);
  });

  it("puts a 409 on referrals.1.packet on the second row's packet, not the first", async () => {
    await render();
    await fill(0, 'Công an', [POLICE], 'Bảo vệ của công an', 'incident_facts');
    element.querySelector<HTMLButtonElement>('[data-testid="refer-add-row"]')?.click();
    await fixture.whenStable();
    await fill(1, 'Công an', [POLICE], 'Bảo vệ của công an', 'risk_level');

    const post = await submit();
    expect(post.request.body.referrals).toHaveLength(2);
    post.flush(
      {
        statusCode: 409,
        message: 'Consent does not cover this referral',
        errors: [
          {
            field: 'referrals.1.packet',
            code: 'consent_missing',
            message: 'no valid consent covers sharing risk_level with police',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    const [first, second] = rows() as [HTMLElement, HTMLElement];
    expect(text(second, 'refer-packet-error')).toBe(
      'Sự đồng ý của người bị bạo lực chưa bao gồm một số nhóm thông tin đã chọn. Hãy bỏ bớt nhóm thông tin hoặc chọn căn cứ chuyển gửi không cần sự đồng ý.',
    );
    expect(first.querySelector('[data-testid="refer-packet-error"]')).toBeNull();
    expect(element.querySelector('[data-testid="refer-error"]')).toBeNull();
    expect(close).not.toHaveBeenCalled();
  });

  it("puts not_referable on that row's agency and a batch-level error above the rows", async () => {
    await render();
    await fill(0, 'Công an', [POLICE], 'Bảo vệ của công an', 'incident_facts');
    const post = await submit();
    post.flush(
      {
        statusCode: 400,
        message: 'Bad Request',
        errors: [
          { field: 'referrals.0.agencyId', code: 'not_referable', message: 'not referable' },
          { field: 'referrals', code: 'arrayMaxSize', message: 'too many' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(rows()[0] as HTMLElement, 'refer-agency-error')).toContain(
      'Không thể chuyển gửi đến cơ quan này',
    );
    expect(text(element, 'refer-error')).toBe('Danh sách cơ quan chuyển gửi không hợp lệ.');
  });
});
