import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../auth/auth.service';
import { TranslationService } from '../i18n/translation.service';
import { NotificationCenterService, UNREAD_POLL_MS } from './notification-center.service';
import { notificationRoute, notificationText } from './notification-text';

const COUNT_URL = '/api/notifications/unread-count';

describe('NotificationCenterService', () => {
  const signedIn = signal(false);
  let backend: HttpTestingController;
  let center: NotificationCenterService;

  beforeEach(() => {
    jest.useFakeTimers();
    signedIn.set(false);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { isSignedIn: signedIn } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    center = TestBed.inject(NotificationCenterService);
    TestBed.tick();
  });

  /** The session starts: the effect starts polling, whose first tick is a 0 ms timer. */
  function signIn(): void {
    signedIn.set(true);
    TestBed.tick();
    jest.advanceTimersByTime(0);
  }

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('asks nothing while signed out', () => {
    jest.advanceTimersByTime(3 * UNREAD_POLL_MS);
    backend.expectNone(COUNT_URL);
    expect(center.unread()).toBe(0);
  });

  it('asks at sign-in, then every 20 s, and updates the count without a reload', () => {
    signIn();
    backend.expectOne(COUNT_URL).flush({ unread: 2 });
    expect(center.unread()).toBe(2);

    jest.advanceTimersByTime(UNREAD_POLL_MS - 1);
    backend.expectNone(COUNT_URL);
    jest.advanceTimersByTime(1);
    backend.expectOne(COUNT_URL).flush({ unread: 5 });
    expect(center.unread()).toBe(5);
  });

  it('asks again when the window regains focus', () => {
    signIn();
    backend.expectOne(COUNT_URL).flush({ unread: 0 });
    window.dispatchEvent(new Event('focus'));
    backend.expectOne(COUNT_URL).flush({ unread: 1 });
    expect(center.unread()).toBe(1);
  });

  it('keeps polling after a failed answer', () => {
    signIn();
    backend.expectOne(COUNT_URL).flush(null, { status: 503, statusText: 'Unavailable' });
    expect(center.unread()).toBe(0);
    jest.advanceTimersByTime(UNREAD_POLL_MS);
    backend.expectOne(COUNT_URL).flush({ unread: 3 });
    expect(center.unread()).toBe(3);
  });

  it('stops polling and clears the count on sign-out', () => {
    signIn();
    backend.expectOne(COUNT_URL).flush({ unread: 4 });
    signedIn.set(false);
    TestBed.tick();
    expect(center.unread()).toBe(0);
    jest.advanceTimersByTime(3 * UNREAD_POLL_MS);
    window.dispatchEvent(new Event('focus'));
    backend.expectNone(COUNT_URL);
  });
});

describe('notification text', () => {
  beforeEach(() => localStorage.clear());

  it('is built from translation keys and coded params only', () => {
    const translation = TestBed.inject(TranslationService);
    const params = {
      deadlineKind: 'incident_report',
      stage: 'reminder_3d',
      survivorCode: 'DN-2026-000123',
      dueAt: '2026-12-04T17:00:00.000Z',
    };
    expect(notificationText(translation, { kind: 'deadline.reminder', params })).toBe(
      'Nhắc hạn: báo cáo vụ việc nghiêm trọng của hồ sơ DN-2026-000123 đến hạn hết ngày 04/12/2026',
    );
    expect(notificationText(translation, { kind: 'deadline.escalation', params })).toBe(
      'Cảnh báo: báo cáo vụ việc nghiêm trọng của hồ sơ DN-2026-000123 chưa nộp, hạn hết ngày 04/12/2026',
    );
    expect(
      notificationText(translation, {
        kind: 'case.duplicate_match',
        params: { survivorCode: 'DN-2026-000123', agencyName: 'Cơ sở Công tác xã hội Tam Kỳ' },
      }),
    ).toBe(
      'Cơ sở Công tác xã hội Tam Kỳ vừa ghi nhận một người có thông tin trùng với hồ sơ DN-2026-000123. Hãy liên hệ để phối hợp nếu cần.',
    );
    expect(notificationText(translation, { kind: 'something.new', params: {} })).toBe(
      'Bạn có một thông báo mới.',
    );
  });

  it('links to the case where this role opens case files', () => {
    const link = '/cases/5a1e7a9e-3f0b-4f7e-9a57-0d1c2b3a4f5e';
    expect(notificationRoute(link, 'caseworker')).toBe(link);
    expect(notificationRoute(link, 'supervisor')).toBe(
      '/team/5a1e7a9e-3f0b-4f7e-9a57-0d1c2b3a4f5e',
    );
    // The province opens the case's report in its inbox (it sees no case file).
    expect(notificationRoute(link, 'reporting_officer')).toBe(
      '/reports?case=5a1e7a9e-3f0b-4f7e-9a57-0d1c2b3a4f5e',
    );
    expect(notificationRoute('https://example.org', 'caseworker')).toBeNull();
    expect(notificationRoute(null, 'caseworker')).toBeNull();
  });
});
