import type { HttpErrorResponse } from '@angular/common/http';
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { TokenResponse } from '@caunoi/shared/contracts';
import { Subject } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { authInterceptor } from './auth.interceptor';
import { page } from '../../../testing';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let refreshes: Subject<TokenResponse>[];
  let auth: {
    accessToken: ReturnType<typeof signal<string | null>>;
    refresh: jest.Mock;
    endSession: jest.Mock;
  };

  const tokens = (accessToken: string): TokenResponse => ({
    accessToken,
    accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
    sessionExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    secondFactor: null,
  });
  const unauthorized = { status: 401, statusText: 'Unauthorized' };

  beforeEach(() => {
    refreshes = [];
    auth = {
      accessToken: signal<string | null>('old-token'),
      refresh: jest.fn(() => {
        const answer = new Subject<TokenResponse>();
        refreshes.push(answer);
        return answer;
      }),
      endSession: jest.fn().mockResolvedValue(undefined),
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: auth },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls', () => {
    http.get('/api/users').subscribe();
    const request = backend.expectOne('/api/users');
    expect(request.request.headers.get('Authorization')).toBe('Bearer old-token');
    request.flush(page([]));
  });

  it('sends no token to other origins or to the refresh endpoint', () => {
    http.get('https://example.org/data').subscribe();
    http.post('/api/auth/refresh', null).subscribe();
    expect(backend.expectOne('https://example.org/data').request.headers.has('Authorization')).toBe(
      false,
    );
    expect(backend.expectOne('/api/auth/refresh').request.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 refreshes once and retries with the new token', () => {
    const received: unknown[] = [];
    http.get('/api/users/1').subscribe((body) => received.push(body));

    backend.expectOne('/api/users/1').flush(null, unauthorized);
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    refreshes[0]?.next(tokens('new-token'));
    refreshes[0]?.complete();

    const retry = backend.expectOne('/api/users/1');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush({ id: '1' });
    expect(received).toEqual([{ id: '1' }]);
    expect(auth.endSession).not.toHaveBeenCalled();
  });

  it('gives up after one retry and sends the user to the login page', () => {
    let failure: HttpErrorResponse | undefined;
    http.get('/api/users').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/users').flush(null, unauthorized);
    refreshes[0]?.next(tokens('new-token'));
    refreshes[0]?.complete();
    backend.expectOne('/api/users').flush(null, unauthorized);

    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(auth.endSession).toHaveBeenCalledWith('expired');
    expect(failure?.status).toBe(401);
  });

  it('ends the session when the refresh itself fails', () => {
    let failure: HttpErrorResponse | undefined;
    http.get('/api/agencies').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/agencies').flush(null, unauthorized);
    refreshes[0]?.error(new Error('refresh rejected'));

    expect(auth.endSession).toHaveBeenCalledWith('expired');
    expect(failure?.status).toBe(401);
  });

  it('does not refresh when the login itself is refused', () => {
    http
      .post('/api/auth/login', { username: 'a', password: 'b' })
      .subscribe({ error: () => undefined });
    backend.expectOne('/api/auth/login').flush(null, unauthorized);
    expect(auth.refresh).not.toHaveBeenCalled();
  });

  it('does not revive an idle session for a background poll', () => {
    let failure: HttpErrorResponse | undefined;
    http
      .get('/api/notifications/unread-count', { headers: { 'X-Caunoi-Background': '1' } })
      .subscribe({ error: (e: HttpErrorResponse) => (failure = e) });
    backend.expectOne('/api/notifications/unread-count').flush(null, unauthorized);
    expect(auth.refresh).not.toHaveBeenCalled();
    expect(failure?.status).toBe(401);
  });

  it('routes to the change-password page when the server requires it', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    http.get('/api/users').subscribe({ error: () => undefined });
    backend
      .expectOne('/api/users')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'password_change_required' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(navigate).toHaveBeenCalledWith('/account/password');
  });
});
