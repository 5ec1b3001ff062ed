import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { SetPasswordComponent } from './set-password.component';
import { settle } from '../../../../testing';

const URL = '/api/account-setup/password';

describe('SetPasswordComponent', () => {
  let fixture: ComponentFixture<SetPasswordComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  const byTestId = (id: string): HTMLElement | null =>
    element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string): string => byTestId(id)?.textContent?.trim() ?? '';

  async function type(id: string, value: string): Promise<void> {
    const input = byTestId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function fill(code: string, password = 'một mật khẩu tự chọn'): Promise<void> {
    await type('set-password-username', 'tran.thi.b');
    await type('set-password-code', code);
    await type('set-password-new', password);
    await type('set-password-repeat', password);
    byTestId('set-password-submit')?.click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SetPasswordComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SetPasswordComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('sends the username, the code and the new password, then sends the holder to sign in', async () => {
    await fill('abcd-efgh-jkmn-pqrs');
    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({
      username: 'tran.thi.b',
      code: 'abcd-efgh-jkmn-pqrs',
      newPassword: 'một mật khẩu tự chọn',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(text('set-password-done')).toBe('Đã đặt mật khẩu. Hãy đăng nhập bằng mật khẩu mới.');
    expect(byTestId('set-password-to-login')?.getAttribute('href')).toBe('/login');
  });

  it('says in Vietnamese, on the code, that a code is wrong, used or expired', async () => {
    await fill('WRONG-CODE-XXXX-YYYY');
    backend.expectOne(URL).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'code', code: 'invalid_one_time_code', message: 'x' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text('set-password-code-error')).toMatch(/^Mã không đúng với tên đăng nhập này/);
    expect(byTestId('set-password-done')).toBeNull();
  });

  it('checks the password policy before asking the server', async () => {
    await fill('ABCD-EFGH-JKMN-PQRS', 'ngắn');
    expect(text('set-password-new-error')).toContain('ít nhất 12 ký tự');
    backend.expectNone(URL);
  });
});
