import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { FormControl } from '@angular/forms';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { AdministrativeUnitView } from '@caunoi/shared/contracts';
import { CommunePickerComponent } from './commune-picker.component';
import { page, settle } from '../../../../testing';

const unit = (code: string, name: string, parentCode: string | null): AdministrativeUnitView => ({
  code,
  name,
  level: parentCode ? 'commune' : 'province',
  parentCode,
  status: 'active',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  successorCode: null,
});
const PROVINCES = [unit('01', 'Thành phố Hà Nội', null), unit('48', 'Thành phố Đà Nẵng', null)];
const DA_NANG = [unit('20242', 'Phường Hải Châu', '48'), unit('20209', 'Phường Thanh Khê', '48')];
const HA_NOI = [unit('00004', 'Phường Ba Đình', '01'), unit('00008', 'Phường Ngọc Hà', '01')];

@Component({
  imports: [CommunePickerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<cn-commune-picker [control]="control" testId="commune" [allowNone]="true" />`,
})
class HostComponent {
  readonly control = new FormControl<string | null>(null);
}

describe('CommunePickerComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let backend: HttpTestingController;

  const select = (id: string) =>
    TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: `[data-testid="${id}"]` }),
    );
  const flushCommunes = (province: string, items: AdministrativeUnitView[]) =>
    backend
      .expectOne(
        (r) =>
          r.url === '/api/administrative-units' &&
          r.params.get('level') === 'commune' &&
          r.params.get('parentCode') === province,
      )
      .flush(page(items));

  async function render(initial: string | null = null): Promise<void> {
    TestBed.configureTestingModule({
      imports: [HostComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.control.setValue(initial);
    await settle(fixture);
    backend
      .expectOne(
        (r) => r.url === '/api/administrative-units' && r.params.get('level') === 'province',
      )
      .flush(page(PROVINCES));
  }

  afterEach(() => backend.verify());

  it('starts in the home province, loads only its communes, and sets the code chosen', async () => {
    await render();
    flushCommunes('48', DA_NANG);
    await settle(fixture);
    expect(await (await select('commune-province')).getValueText()).toBe('Thành phố Đà Nẵng');
    const communes = await select('commune');
    await communes.open();
    expect((await communes.getOptions()).length).toBe(3); // "not known" and the two communes
    await communes.clickOptions({ text: 'Phường Thanh Khê' });
    expect(fixture.componentInstance.control.value).toBe('20209');
  });

  it('another province lists its communes and clears a commune of the first one', async () => {
    await render();
    flushCommunes('48', DA_NANG);
    await settle(fixture);
    fixture.componentInstance.control.setValue('20242');
    const province = await select('commune-province');
    await province.open();
    await province.clickOptions({ text: 'Thành phố Hà Nội' });
    flushCommunes('01', HA_NOI);
    await settle(fixture);
    expect(fixture.componentInstance.control.value).toBeNull();
    const communes = await select('commune');
    await communes.open();
    await communes.clickOptions({ text: 'Phường Ngọc Hà' });
    expect(fixture.componentInstance.control.value).toBe('00008');
  });

  it('a value of another province shows that province', async () => {
    await render('00004');
    flushCommunes('48', DA_NANG);
    backend
      .expectOne((r) => r.url === '/api/administrative-units' && r.params.get('codes') === '00004')
      .flush(page([HA_NOI[0] as AdministrativeUnitView]));
    await settle(fixture);
    flushCommunes('01', HA_NOI);
    await settle(fixture);
    expect(await (await select('commune-province')).getValueText()).toBe('Thành phố Hà Nội');
    expect(await (await select('commune')).getValueText()).toBe('Phường Ba Đình');
  });
});
