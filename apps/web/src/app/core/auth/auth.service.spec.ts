import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeResponse, TokenResponse } from '@caunoi/shared/contracts';
import { AuthService } from './auth.service';

const MINUTE = 60_000;

describe('AuthService session refresh', () => {
  let auth: AuthService;
  let backend: HttpTestingController;

  const tokens = (accessToken: string): TokenResponse => ({
    accessToken,
    accessTokenExpiresAt: new Date(Date.now() + 15 * MINUTE).toISOString(),
    sessionExpiresAt: new Date(Date.now() + 12 * 60 * MINUTE).toISOString(),
    secondFactor: null,
  });
  const me: MeResponse = {
    user: {
      id: 'u1',
      username: 'caseworker.demo',
      displayName: 'Cán bộ',
      role: 'caseworker',
      mustChangePassword: false,
      secondFactor: null,
    },
    agency: { id: 'a1', name: 'Trung tâm', type: 'social_work_centre', provinceCode: '48' },
    rules: [],
    idleTimeoutSeconds: 1800,
  };
  const flushMicrotasks = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  beforeEach(async () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    auth = TestBed.inject(AuthService);
    backend = TestBed.inject(HttpTestingController);

    const signedIn = auth.login({ username: 'caseworker.demo', password: 'secret' });
    backend.expectOne('/api/auth/login').flush(tokens('first'));
    await flushMicrotasks();
    backend.expectOne('/api/auth/me').flush(me);
    await signedIn;
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('keeps the token in memory and lands the user on their workspace', () => {
    expect(auth.accessToken()).toBe('first');
    expect(auth.homeRoute()).toBe('/cases');
  });

  it('refreshes a minute before expiry when the user has been active', () => {
    jest.advanceTimersByTime(5 * MINUTE);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    jest.advanceTimersByTime(9 * MINUTE);

    backend.expectOne('/api/auth/refresh').flush(tokens('second'));
    expect(auth.accessToken()).toBe('second');
  });

  it('lets an idle session run down, and refreshes as soon as the user comes back', () => {
    jest.advanceTimersByTime(14 * MINUTE);
    backend.expectNone('/api/auth/refresh');

    jest.advanceTimersByTime(2 * MINUTE);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    backend.expectOne('/api/auth/refresh').flush(tokens('third'));
    expect(auth.accessToken()).toBe('third');
  });
});
