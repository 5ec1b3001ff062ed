import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { WORKSPACES } from '../../workspaces/workspaces';
import { HotlineConsoleComponent } from './hotline-console.component';
import { settle } from '../../../../testing';

registerLocaleData(localeVi);

const LINE = { id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000111', number: '111', name: 'Tổng đài 111' };
const PROVINCE = {
  id: '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000102',
  number: '1800 1581',
  name: 'Đà Nẵng',
};

describe('HotlineConsoleComponent: a call in progress', () => {
  let backend: HttpTestingController;
  let signedIn = true;
  let lines = [LINE];

  async function open(): Promise<ComponentFixture<HotlineConsoleComponent>> {
    const fixture = TestBed.createComponent(HotlineConsoleComponent);
    fixture.componentRef.setInput(
      'workspace',
      WORKSPACES.find((w) => w.path === 'hotline'),
    );
    await fixture.whenStable();
    for (const request of backend.match((r) => r.method === 'GET')) {
      request.flush(
        request.request.url.endsWith('hotline-lines') ? lines : { items: [], nextCursor: null },
      );
    }
    await settle(fixture);
    return fixture;
  }

  beforeEach(() => {
    localStorage.clear();
    signedIn = true;
    lines = [LINE];
    TestBed.configureTestingModule({
      imports: [HotlineConsoleComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { isSignedIn: () => signedIn, me: () => null } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  it('survives opening another page: the form and the running timer come back', async () => {
    const first = await open();
    first.componentInstance['startCall']();
    const form = first.componentInstance['form'];
    form.controls.notes.setValue('Người gọi hỏi về nơi tạm lánh');
    form.controls.notes.markAsDirty();
    first.destroy();

    const again = await open();
    expect(again.componentInstance['form'].controls.notes.value).toBe(
      'Người gọi hỏi về nơi tạm lánh',
    );
    expect(again.componentInstance['timer'].running()).toBe(true);
    again.destroy();
  });

  it('keeps nothing of a console left untouched', async () => {
    const first = await open();
    first.destroy();
    const again = await open();
    expect(again.componentInstance['timer'].hasStarted()).toBe(false);
    expect(again.componentInstance['form'].dirty).toBe(false);
    again.destroy();
  });

  it('defaults the line from the caller until the operator picks one', async () => {
    lines = [LINE, PROVINCE];
    const fixture = await open();
    const form = fixture.componentInstance['form'];
    expect(form.controls.lineId.value).toBe(PROVINCE.id);

    form.controls.survivorAgeGroup.setValue('7_11');
    await settle(fixture);
    expect(form.controls.lineId.value).toBe(LINE.id);

    form.controls.lineId.setValue(PROVINCE.id);
    form.controls.lineId.markAsDirty();
    form.controls.childInvolved.setValue(true);
    await settle(fixture);
    expect(form.controls.lineId.value).toBe(PROVINCE.id);
    fixture.destroy();
  });
});
