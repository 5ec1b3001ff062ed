import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LoginComponent, lockoutMinutes } from './login.component';

/** Lets the component's async submit handler finish, then renders. */
async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

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

  it('tells a locked-out user how many minutes to wait', async () => {
    const { fixture, element, submit, backend } = await setup();
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, message: 'Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '1500' } },
      );
    await settle(fixture);

    expect(element.querySelector('[data-testid="login-error"]')?.textContent).toContain(
      'sau 25 phút',
    );
  });

  it('rounds Retry-After seconds up to whole minutes', () => {
    expect(lockoutMinutes('61')).toBe(2);
    expect(lockoutMinutes('1')).toBe(1);
    expect(lockoutMinutes(null)).toBe(30);
  });
});
