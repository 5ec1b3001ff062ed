import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { NotificationView, Page } from '@caunoi/shared/contracts';
import { of } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { NotificationCenterService } from '../../../core/notifications/notification-center.service';
import { NotificationsApiService } from '../../../shared/data/notifications-api.service';
import { NotificationBellComponent } from './notification-bell.component';
import localeVi from '@angular/common/locales/vi';

registerLocaleData(localeVi);

const CASE = '11111111-2222-4333-8444-555555555555';
const REFERRAL = '66666666-7777-4888-8999-000000000000';

const item = (id: string, kind: string, params: NotificationView['params'], link: string | null) =>
  ({
    id,
    kind,
    params,
    link,
    readAt: null,
    createdAt: '2026-05-04T03:00:00.000Z',
  }) as NotificationView;

const ITEMS: NotificationView[] = [
  item(
    'n1',
    'deadline.escalation',
    { deadlineKind: 'incident_report', survivorCode: 'DN-1', dueAt: '2026-05-05T03:00:00.000Z' },
    `/cases/${CASE}`,
  ),
  item(
    'n2',
    'referral.received',
    { referralCode: 'CG-9', urgency: 'emergency' },
    `/inbox/referrals/${REFERRAL}`,
  ),
  item('n3', 'referral.accepted', { referralCode: 'CG-8', survivorCode: 'DN-2' }, `/cases/${CASE}`),
];

async function openBell(role: 'caseworker' | 'police_liaison') {
  localStorage.clear();
  TestBed.configureTestingModule({
    imports: [NotificationBellComponent],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      {
        provide: NotificationsApiService,
        useValue: {
          list: () => of<Page<NotificationView>>({ items: ITEMS, nextCursor: null }),
          markRead: () => of(undefined),
          markAllRead: () => of(undefined),
        },
      },
      {
        provide: NotificationCenterService,
        useValue: { unread: signal(3), set: () => undefined, refresh: () => undefined },
      },
      { provide: AuthService, useValue: { me: signal({ user: { role } }) } },
    ],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  const fixture = TestBed.createComponent(NotificationBellComponent);
  await fixture.whenStable();
  (fixture.nativeElement as HTMLElement)
    .querySelector<HTMLButtonElement>('[data-testid="notifications-bell"]')
    ?.click();
  await fixture.whenStable();
  const rows = Array.from(
    document.querySelectorAll<HTMLElement>('[data-testid="notification-item"]'),
  );
  return { rows, navigate };
}

describe('NotificationBellComponent', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove()));

  it('marks the urgent ones: an escalation and an emergency referral, not a referral update', async () => {
    const { rows } = await openBell('caseworker');
    expect(rows).toHaveLength(3);
    expect(
      rows.map((row) => row.querySelector('[data-testid="notification-urgent"]') !== null),
    ).toEqual([true, true, false]);
    expect(rows[0]?.querySelector('[data-testid="notification-urgent"]')?.textContent?.trim()).toBe(
      'Khẩn',
    );
  });

  it('opens the item a notification is about, where this role sees it', async () => {
    const { rows, navigate } = await openBell('caseworker');
    rows[0]?.click();
    expect(navigate).toHaveBeenCalledWith(`/cases/${CASE}`);
  });

  it('takes a liaison to the referral in its inbox', async () => {
    const { rows, navigate } = await openBell('police_liaison');
    rows[1]?.click();
    expect(navigate).toHaveBeenCalledWith(`/inbox/referrals/${REFERRAL}`);
  });
});
