import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { AgencyView } from '@caunoi/shared/contracts';
import { AgenciesListComponent } from './agencies-list.component';
import { page, settle } from '../../../../testing';

const COMMUNES = ['Hải Châu', 'Thanh Khê', 'Sơn Trà', 'Ngũ Hành Sơn', 'Cẩm Lệ'].map((name, i) => ({
  code: `c${i + 1}`,
  name: `Phường ${name}`,
  level: 'commune',
  parentCode: '48',
}));

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

describe('AgenciesListComponent: directory columns', () => {
  let fixture: ComponentFixture<AgenciesListComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  /** Filter changes reload after a 300 ms debounce. */
  const debounce = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 350));
  const cells = (id: string): string[] =>
    Array.from(element.querySelectorAll(`[data-testid="${id}"]`)).map(
      (cell) => cell.textContent?.trim() ?? '',
    );

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AgenciesListComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AgenciesListComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('shows coverage, hours and whether each agency accepts referrals', async () => {
    backend
      .expectOne((r) => r.url === '/api/agencies' && !r.params.has('acceptingReferrals'))
      .flush({
        items: [
          agency({ id: 'a1', name: 'Công an thành phố', coversWholeProvince: true, open24h: true }),
          agency({
            id: 'a2',
            name: 'Nhà tạm lánh',
            type: 'shelter',
            coverageCommuneCodes: ['c5', 'c1', 'c2', 'c3', 'c4'],
            openingHours: 'Thứ Hai – Thứ Sáu, 7:30–17:00',
            acceptingReferrals: false,
          }),
          agency({ id: 'a3', name: 'Trường học', type: 'school' }),
        ],
        nextCursor: null,
      });
    await settle(fixture);
    backend
      .expectOne(
        (r) => r.url === '/api/administrative-units' && r.params.get('parentCode') === '48',
      )
      .flush(page(COMMUNES));
    await settle(fixture);

    expect(cells('agency-coverage')).toEqual([
      'Toàn tỉnh/thành phố',
      'Phường Cẩm Lệ, Phường Hải Châu, Phường Ngũ Hành Sơn và 2 xã/phường khác',
      'Chưa khai báo địa bàn',
    ]);
    expect(cells('agency-hours')).toEqual([
      'Hoạt động 24/7',
      'Thứ Hai – Thứ Sáu, 7:30–17:00',
      'Chưa có giờ làm việc',
    ]);
    expect(cells('agency-accepting')).toEqual(['Đang nhận', 'Tạm ngừng nhận', 'Đang nhận']);
  });

  it('filters by accepting referrals', async () => {
    backend.expectOne((r) => r.url === '/api/agencies').flush(page([]));
    await settle(fixture);

    const loader = TestbedHarnessEnvironment.loader(fixture);
    const filter = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="agencies-filter-accepting"]' }),
    );
    await filter.open();
    await filter.clickOptions({ text: 'Tạm ngừng nhận' });
    await debounce();
    const request = backend.expectOne((r) => r.url === '/api/agencies');
    expect(request.request.params.get('acceptingReferrals')).toBe('false');
    expect(request.request.params.get('includeInactive')).toBe('true');
    request.flush(page([]));
    await settle(fixture);

    await filter.open();
    await filter.clickOptions({ text: 'Đang nhận' });
    await debounce();
    const accepting = backend.expectOne((r) => r.url === '/api/agencies');
    expect(accepting.request.params.get('acceptingReferrals')).toBe('true');
    accepting.flush(page([]));
  });
});
