import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { AgencyView } from '@caunoi/shared/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { ServiceDirectoryComponent } from './service-directory.component';
import { page, settle } from '../../../../testing';

const COMMUNES = [
  { code: '20242', name: 'Phường Hải Châu', level: 'commune', parentCode: '48' },
  { code: '20209', name: 'Phường Thanh Khê', level: 'commune', parentCode: '48' },
];

function agency(overrides: Partial<AgencyView>): AgencyView {
  return {
    id: 'a',
    type: 'police',
    name: 'Cơ quan',
    provinceCode: '48',
    communeCode: null,
    address: null,
    phone: null,
    email: null,
    services: [],
    coversWholeProvince: false,
    coverageCommuneCodes: [],
    open24h: false,
    openingHours: null,
    capacityNote: null,
    acceptingReferrals: true,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('ServiceDirectoryComponent', () => {
  let fixture: ComponentFixture<ServiceDirectoryComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  /** Filter changes reload after a 300 ms debounce. */
  const debounce = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 350));
  const texts = (id: string): string[] =>
    Array.from(element.querySelectorAll(`[data-testid="${id}"]`)).map(
      (node) => node.textContent?.trim() ?? '',
    );
  const listRequests = () => backend.match((r) => r.url === '/api/agencies');

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ServiceDirectoryComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            me: signal({
              user: { role: 'caseworker' },
              agency: { id: 'swc', provinceCode: '48' },
            }),
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ServiceDirectoryComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend
      .expectOne(
        (r) => r.url === '/api/administrative-units' && r.params.get('parentCode') === '48',
      )
      .flush(page(COMMUNES));
  });

  afterEach(() => backend.verify());

  it('shows each agency as a card: 24/7 or its opening hours, contacts, coverage, capacity', async () => {
    const [first] = listRequests();
    expect(first.request.params.keys()).toEqual(['limit']);
    first.flush({
      items: [
        agency({
          id: 'a1',
          name: 'Công an phường Hải Châu',
          services: ['police_protection', 'no_contact_order_request'],
          coverageCommuneCodes: ['20209', '20242'],
          open24h: true,
          phone: '0236 3822 222',
          address: '1 Lê Lợi',
          communeCode: '20242',
        }),
        agency({
          id: 'a2',
          name: 'Nhà tạm lánh Ngôi nhà Bình yên',
          type: 'shelter',
          coversWholeProvince: true,
          openingHours: 'Thứ Hai – Thứ Sáu, 7:30–17:00',
          email: 'binhyen@example.vn',
          capacityNote: '12 chỗ, còn trống 3 chỗ',
          acceptingReferrals: false,
        }),
      ],
      nextCursor: null,
    });
    await settle(fixture);

    expect(texts('directory-card-name')).toEqual([
      'Công an phường Hải Châu',
      'Nhà tạm lánh Ngôi nhà Bình yên',
    ]);
    expect(texts('directory-card-type')).toEqual(['Công an', 'Nhà tạm lánh']);
    expect(texts('directory-card-hours')).toEqual([
      'Hoạt động 24/7',
      'Thứ Hai – Thứ Sáu, 7:30–17:00',
    ]);
    expect(texts('directory-card-services')).toEqual([
      'Bảo vệ của công an, Đề nghị cấm tiếp xúc',
      '—',
    ]);
    expect(texts('directory-card-coverage')).toEqual([
      'Phường Hải Châu, Phường Thanh Khê',
      'Toàn tỉnh/thành phố',
    ]);
    expect(texts('directory-card-accepting')).toEqual([
      'Đang nhận chuyển gửi',
      'Tạm ngừng nhận chuyển gửi',
    ]);
    expect(texts('directory-card-address')).toEqual(['1 Lê Lợi, Phường Hải Châu']);
    expect(texts('directory-card-capacity')).toEqual(['12 chỗ, còn trống 3 chỗ']);
    const phone = element.querySelector<HTMLAnchorElement>('[data-testid="directory-card-phone"]');
    expect(phone?.getAttribute('href')).toBe('tel:0236 3822 222');
    const email = element.querySelector<HTMLAnchorElement>('[data-testid="directory-card-email"]');
    expect(email?.getAttribute('href')).toBe('mailto:binhyen@example.vn');
  });

  it('sends the filters as query parameters and pages on with the cursor', async () => {
    listRequests()[0].flush(page([]));
    await settle(fixture);

    const loader = TestbedHarnessEnvironment.loader(fixture);
    const choose = async (id: string, text: string): Promise<void> => {
      const select = await loader.getHarness(
        MatSelectHarness.with({ selector: `[data-testid="${id}"]` }),
      );
      await select.open();
      await select.clickOptions({ text });
    };
    await choose('directory-filter-type', 'Cơ sở y tế');
    await choose('directory-filter-service', 'Giám định pháp y');
    await choose('directory-filter-commune', 'Phường Thanh Khê');
    await (
      await loader.getHarness(
        MatCheckboxHarness.with({ selector: '[data-testid="directory-filter-accepting"]' }),
      )
    ).check();
    const search = element.querySelector<HTMLInputElement>('[data-testid="directory-search"]');
    if (!search) throw new Error('no search field');
    search.value = '  bệnh viện ';
    search.dispatchEvent(new Event('input'));
    await debounce();

    // A reload cancels any page still in flight: the last request carries every filter.
    const requests = listRequests();
    const last = requests[requests.length - 1];
    expect(requests.slice(0, -1).every((r) => r.cancelled)).toBe(true);
    const params = last.request.params;
    expect(Object.fromEntries(params.keys().map((key) => [key, params.get(key)]))).toEqual({
      type: 'health',
      service: 'forensic_examination',
      coversCommune: '20209',
      acceptingReferrals: 'true',
      q: 'bệnh viện',
      limit: '25',
    });
    last.flush({
      items: [agency({ id: 'h1', name: 'Bệnh viện Đà Nẵng', type: 'health', open24h: true })],
      nextCursor: 'cursor-1',
    });
    await settle(fixture);
    expect(texts('directory-card-name')).toEqual(['Bệnh viện Đà Nẵng']);

    element.querySelector<HTMLButtonElement>('[data-testid="directory-load-more"]')?.click();
    await settle(fixture);
    const more = backend.expectOne((r) => r.url === '/api/agencies');
    expect(more.request.params.get('after')).toBe('cursor-1');
    expect(more.request.params.get('coversCommune')).toBe('20209');
    more.flush({
      items: [agency({ id: 'h2', name: 'Trung tâm Y tế Thanh Khê', type: 'health' })],
      nextCursor: null,
    });
    await settle(fixture);
    expect(texts('directory-card-name')).toEqual(['Bệnh viện Đà Nẵng', 'Trung tâm Y tế Thanh Khê']);
    expect(texts('directory-card-hours')).toEqual(['Hoạt động 24/7', 'Chưa có giờ làm việc']);
    expect(element.querySelector('[data-testid="directory-load-more"]')).toBeNull();
  });
});
