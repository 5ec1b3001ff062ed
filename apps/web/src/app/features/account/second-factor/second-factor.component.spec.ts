import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router } from '@angular/router';
import type { SecondFactorStep } from '@caunoi/shared/domain';
import { AuthService } from '../../../core/auth/auth.service';
import { SecondFactorComponent } from './second-factor.component';

const SF = '/api/auth/second-factor';

describe('SecondFactorComponent', () => {
  let fixture: ComponentFixture<SecondFactorComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  const step = signal<SecondFactorStep>('enrol');
  const auth = {
    secondFactor: step,
    secondFactorDone: jest.fn(async () => step.set(null)),
    homeRoute: jest.fn(() => '/team'),
    logout: jest.fn(),
  };
  const navigate = jest.fn(async () => true);

  const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function render(current: SecondFactorStep): Promise<void> {
    localStorage.clear();
    step.set(current);
    TestBed.configureTestingModule({
      imports: [SecondFactorComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: AuthService, useValue: auth },
        { provide: Router, useValue: { navigateByUrl: navigate } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SecondFactorComponent);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function submit(code: string): Promise<void> {
    const input = byTestId('second-factor-code') as HTMLInputElement;
    input.value = code;
    input.dispatchEvent(new Event('input'));
    byTestId('second-factor-submit')?.click();
    fixture.detectChanges();
  }

  async function settle(): Promise<void> {
    // The answer resolves a promise chain (firstValueFrom, then the component's await).
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    backend.verify();
    jest.clearAllMocks();
  });

  it('at the first sign-in shows the QR code and key, then the recovery codes once, then goes on', async () => {
    await render('enrol');
    backend.expectOne({ method: 'POST', url: `${SF}/enrolment` }).flush({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/x',
      qrCode: 'data:image/png;base64,iVBORw0KGgo=',
    });
    await settle();
    expect(text('second-factor-title')).toBe('Xác thực hai lớp');
    expect(byTestId('second-factor-qr')?.getAttribute('src')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
    expect(text('second-factor-secret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');

    await submit('123456');
    const confirm = backend.expectOne({ method: 'POST', url: `${SF}/enrolment/confirm` });
    expect(confirm.request.body).toEqual({ verificationCode: '123456' });
    confirm.flush({ recoveryCodes: ['ABCDE-FGHJK', 'LMNPQ-RSTUV'] });
    await settle();
    expect(text('second-factor-enrolled')).toBe('Đã bật xác thực hai lớp.');
    const codes = Array.from(
      byTestId('second-factor-recovery-codes')?.querySelectorAll('li') ?? [],
    );
    expect(codes.map((li) => li.textContent?.trim())).toEqual(['ABCDE-FGHJK', 'LMNPQ-RSTUV']);
    expect(navigate).not.toHaveBeenCalled();

    byTestId('second-factor-continue')?.click();
    await settle();
    expect(auth.secondFactorDone).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/team');
  });

  it('at later sign-ins asks for the code and says in Vietnamese when it is wrong', async () => {
    await render('verify');
    backend.expectNone(`${SF}/enrolment`);
    expect(byTestId('second-factor-qr')).toBeNull();
    await submit('000000');
    backend.expectOne({ method: 'POST', url: `${SF}/verify` }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'the code is not correct or was already used',
        errors: [{ field: 'verificationCode', code: 'wrong_code', message: 'x' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(text('second-factor-error')).toBe('Mã không đúng hoặc đã được sử dụng.');
    expect(navigate).not.toHaveBeenCalled();

    await submit('654321');
    backend
      .expectOne({ method: 'POST', url: `${SF}/verify` })
      .flush({ method: 'totp', recoveryCodesLeft: 10 });
    await settle();
    expect(navigate).toHaveBeenCalledWith('/team');
  });
});
