import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { AdministrativeUnitView } from '@caunoi/shared/contracts';
import type { UnitChange } from './unit-change-dialog.component';
import { UnitChangeDialogComponent } from './unit-change-dialog.component';
import { dialogTestProviders, page, settle } from '../../../../testing';

const unit = (code: string, name: string): AdministrativeUnitView => ({
  code,
  name,
  level: 'commune',
  parentCode: '48',
  status: 'active',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  successorCode: null,
});
const HAI_CHAU = unit('20242', 'Phường Hải Châu');
const PEERS = [HAI_CHAU, unit('20257', 'Phường Hòa Cường'), unit('20209', 'Phường Thanh Khê')];

describe('UnitChangeDialogComponent', () => {
  let fixture: ComponentFixture<UnitChangeDialogComponent>;
  let element: HTMLElement;
  let backend: HttpTestingController;
  const close = jest.fn();

  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const type = async (id: string, value: string): Promise<void> => {
    const input = byTestId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const select = (id: string) =>
    loader().getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));

  async function render(change: UnitChange): Promise<void> {
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [UnitChangeDialogComponent],
      providers: [...dialogTestProviders({ change, unit: HAI_CHAU }, close), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UnitChangeDialogComponent);
    element = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    if (change === 'merge') {
      backend
        .expectOne(
          (r) => r.url === '/api/administrative-units' && r.params.get('parentCode') === '48',
        )
        .flush(page(PEERS));
      await settle(fixture);
    }
  }

  afterEach(() => backend.verify());

  it('merges the unit with another into a new commune of the same province', async () => {
    await render('merge');
    const others = await select('unit-merge-others');
    await others.open();
    await others.clickOptions({ text: 'Phường Hòa Cường' });
    await others.close();
    await (
      await loader().getHarness(MatRadioGroupHarness)
    ).checkRadioButton({ label: 'Thành đơn vị mới' });
    await type('unit-merge-new-code', ' 20999 ');
    await type('unit-merge-new-name', 'Phường Trung Tâm');
    await type('unit-change-date', '2026-01-01');
    byTestId('unit-change-submit')?.click();
    await settle(fixture);
    const request = backend.expectOne('/api/administrative-units/merge');
    expect(request.request.body).toEqual({
      codes: ['20242', '20257'],
      effectiveOn: '2026-01-01',
      successor: { code: '20999', name: 'Phường Trung Tâm', parentCode: '48' },
    });
  });

  it('offers as successor only units that are not being merged, and requires one', async () => {
    await render('merge');
    const others = await select('unit-merge-others');
    await others.open();
    await others.clickOptions({ text: 'Phường Hòa Cường' });
    await others.close();
    byTestId('unit-change-submit')?.click();
    await settle(fixture);
    backend.expectNone('/api/administrative-units/merge');
    const successor = await select('unit-merge-successor');
    await successor.open();
    const labels = await Promise.all((await successor.getOptions()).map((o) => o.getText()));
    expect(labels).toEqual(['Phường Thanh Khê']);
  });

  it('renames, and shows the API refusal in Vietnamese on the field', async () => {
    await render('rename');
    await type('unit-new-name', 'Phường Thanh Khê');
    await type('unit-change-date', '2026-01-01');
    byTestId('unit-change-submit')?.click();
    await settle(fixture);
    const request = backend.expectOne('/api/administrative-units/20242/rename');
    expect(request.request.body).toEqual({ name: 'Phường Thanh Khê', effectiveFrom: '2026-01-01' });
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'name', code: 'name_taken', message: 'name: name taken' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(element.textContent).toContain('Đã có đơn vị cùng tên trong tỉnh/thành phố này.');
    expect(close).not.toHaveBeenCalled();
  });
});
