import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { provideRouter } from '@angular/router';
import type { AgencyView } from '@caunoi/shared/contracts';
import { AgencyFormComponent } from './agency-form.component';
import { page, settle } from '../../../../testing';

const PROVINCES = [{ code: '48', name: 'Thành phố Đà Nẵng', level: 'province', parentCode: null }];
const COMMUNES = [
  { code: '20242', name: 'Phường Hải Châu', level: 'commune', parentCode: '48' },
  { code: '20209', name: 'Phường Thanh Khê', level: 'commune', parentCode: '48' },
  { code: '20300', name: 'Xã Hòa Vang', level: 'commune', parentCode: '48' },
];

describe('AgencyFormComponent: service directory fields', () => {
  let fixture: ComponentFixture<AgencyFormComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const type = async (id: string, value: string): Promise<void> => {
    const input = byTestId(id) as HTMLInputElement | null;
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const select = (id: string) =>
    loader().getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));
  const toggle = (id: string) =>
    loader().getHarness(MatSlideToggleHarness.with({ selector: `[data-testid="${id}"]` }));
  const submit = async (): Promise<void> => {
    byTestId('agency-form-submit')?.click();
    await settle(fixture);
  };

  async function render(id?: string): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AgencyFormComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AgencyFormComponent);
    if (id) fixture.componentRef.setInput('id', id);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend
      .expectOne(
        (r) => r.url === '/api/administrative-units' && r.params.get('level') === 'province',
      )
      .flush(page(PROVINCES));
    backend
      .expectOne(
        (r) =>
          r.url === '/api/administrative-units' &&
          r.params.get('level') === 'commune' &&
          r.params.get('parentCode') === '48',
      )
      .flush(page(COMMUNES));
    await settle(fixture);
  }

  /** Type and name: the fields every agency needs. */
  async function fillBasics(): Promise<void> {
    await (await select('agency-form-type')).open();
    await (await select('agency-form-type')).clickOptions({ text: 'Nhà tạm lánh' });
    await type('agency-form-name', 'Nhà tạm lánh Hải Châu');
  }

  afterEach(() => backend.verify());

  it('sends the communes covered, opening hours, capacity note and accepting state', async () => {
    await render();
    await fillBasics();
    const coverage = await select('agency-form-coverage-communes');
    await coverage.open();
    await coverage.clickOptions({ text: 'Phường Hải Châu' });
    await coverage.clickOptions({ text: 'Xã Hòa Vang' });
    await coverage.close();
    await type('agency-form-opening-hours', ' Thứ Hai – Thứ Sáu, 7:30–17:00 ');
    await type('agency-form-capacity-note', '12 chỗ tạm lánh, còn trống 3 chỗ');
    await (await toggle('agency-form-accepting-referrals')).toggle();

    await submit();
    const request = backend.expectOne('/api/agencies');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      type: 'shelter',
      name: 'Nhà tạm lánh Hải Châu',
      provinceCode: '48',
      communeCode: null,
      address: null,
      phone: null,
      email: null,
      services: [],
      coversWholeProvince: false,
      coverageCommuneCodes: ['20242', '20300'],
      open24h: false,
      openingHours: 'Thứ Hai – Thứ Sáu, 7:30–17:00',
      capacityNote: '12 chỗ tạm lánh, còn trống 3 chỗ',
      acceptingReferrals: false,
    });
  });

  it('requires opening hours unless the agency is open 24/7', async () => {
    await render();
    await fillBasics();

    await submit();
    backend.expectNone('/api/agencies');
    expect(byTestId('agency-form-opening-hours-error')?.textContent?.trim()).toBe(
      'Giờ làm việc là bắt buộc, trừ khi cơ quan hoạt động 24/7.',
    );

    await (await toggle('agency-form-open-24h')).check();
    expect(byTestId('agency-form-opening-hours')).toBeNull();
    await (await toggle('agency-form-covers-whole-province')).check();
    expect(byTestId('agency-form-coverage-communes')).toBeNull();

    await submit();
    const request = backend.expectOne('/api/agencies');
    expect(request.request.body).toMatchObject({
      open24h: true,
      openingHours: null,
      coversWholeProvince: true,
      coverageCommuneCodes: [],
      acceptingReferrals: true,
    });
  });

  it("puts the API's directory errors on their fields", async () => {
    await render();
    await fillBasics();
    await type('agency-form-opening-hours', 'Cả tuần');
    await submit();
    backend.expectOne('/api/agencies').flush(
      {
        statusCode: 400,
        message: 'Bad Request',
        errors: [
          { field: 'coverageCommuneCodes', code: 'not_in_province', message: 'x' },
          { field: 'openingHours', code: 'required_unless_24h', message: 'y' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(byTestId('agency-form-coverage-communes-error')?.textContent?.trim()).toBe(
      'Xã/phường phục vụ không thuộc tỉnh/thành phố.',
    );
    expect(byTestId('agency-form-opening-hours-error')?.textContent?.trim()).toBe(
      'Giờ làm việc là bắt buộc, trừ khi cơ quan hoạt động 24/7.',
    );
  });

  it('shows a stored agency and sends its directory fields back on save', async () => {
    const agency: AgencyView = {
      id: 'ag-1',
      type: 'police',
      name: 'Công an phường Hải Châu',
      provinceCode: '48',
      communeCode: '20242',
      address: null,
      phone: '0236 3822 222',
      email: null,
      services: ['police_protection'],
      coversWholeProvince: false,
      coverageCommuneCodes: ['20242', '20209'],
      open24h: true,
      openingHours: null,
      capacityNote: null,
      acceptingReferrals: true,
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await render('ag-1');
    backend.expectOne('/api/agencies/ag-1').flush(agency);
    await settle(fixture);

    expect(await (await toggle('agency-form-open-24h')).isChecked()).toBe(true);
    expect(byTestId('agency-form-opening-hours')).toBeNull();
    expect(await (await select('agency-form-coverage-communes')).getValueText()).toBe(
      'Phường Hải Châu, Phường Thanh Khê',
    );

    await submit();
    const request = backend.expectOne('/api/agencies/ag-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toMatchObject({
      coversWholeProvince: false,
      coverageCommuneCodes: ['20242', '20209'],
      open24h: true,
      openingHours: null,
      capacityNote: null,
      acceptingReferrals: true,
    });
  });
});
