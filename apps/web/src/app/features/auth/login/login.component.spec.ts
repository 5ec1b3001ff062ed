import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LoginComponent, waitParts } from './login.component';
import { settle } from '../../../../testing';

/** Lets the component's async submit handler finish, then renders. */

describe('LoginComponent', () => {
  const setup = async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(LoginComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = (testId: string, value: string): void => {
      const input = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async (): Promise<void> => {
      type('login-username', 'someone');
      type('login-password', 'not-the-password');
      element.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, element, submit, backend: TestBed.inject(HttpTestingController) };
  };

  it('shows one generic message for a wrong username or password', async () => {
    const { fixture, element, submit, backend } = await setup();
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, message: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle(fixture);

    expect(element.querySelector('[data-testid="login-error"]')?.textContent?.trim()).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng.',
    );
  });

  it('tells a client that failed too often how long to wait, and keeps the form closed', async () => {
    const { fixture, element, submit, backend } = await setup();
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, message: 'Too many failed sign-ins', code: 'sign_in_delayed' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '120' } },
      );
    await settle(fixture);

    expect(element.querySelector('[data-testid="login-wait"]')?.textContent?.trim()).toBe(
      'Đăng nhập sai quá nhiều lần từ thiết bị này. Vì an toàn, vui lòng chờ 2 phút rồi thử lại.',
    );
    expect(element.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')?.disabled).toBe(
      true,
    );
    fixture.destroy();
  });

  it('says "too many requests" for a rate limit, counting seconds', async () => {
    const { fixture, element, submit, backend } = await setup();
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, message: 'Too many requests', code: 'rate_limited' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '45' } },
      );
    await settle(fixture);

    expect(element.querySelector('[data-testid="login-wait"]')?.textContent?.trim()).toBe(
      'Có quá nhiều yêu cầu từ thiết bị này. Vui lòng chờ 45 giây rồi thử lại.',
    );
    fixture.destroy();
  });

  it('reads a wait in seconds under a minute, in whole minutes above', () => {
    expect(waitParts(45)).toEqual({ key: 'login.waitSeconds', params: { seconds: 45 } });
    expect(waitParts(0.2)).toEqual({ key: 'login.waitSeconds', params: { seconds: 1 } });
    expect(waitParts(60)).toEqual({ key: 'login.waitMinutes', params: { minutes: 1 } });
    expect(waitParts(61)).toEqual({ key: 'login.waitMinutes', params: { minutes: 2 } });
    expect(waitParts(900)).toEqual({ key: 'login.waitMinutes', params: { minutes: 15 } });
  });
});
