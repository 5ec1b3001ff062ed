import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { TestBed } from '@angular/core/testing';
import type { NotificationView } from '@caunoi/shared/contracts';
import { notificationText } from '../../../core/notifications/notification-text';
import { TranslationService } from '../../../core/i18n/translation.service';
import { referralNotificationRoute, referralNotificationText } from './referral-notifications';

registerLocaleData(localeVi);

type Notice = Pick<NotificationView, 'kind' | 'params'>;

describe('referral notifications', () => {
  let translation: TranslationService;
  const say = (kind: string, params: Notice['params']): string | null =>
    referralNotificationText(translation, { kind, params });

  beforeEach(() => {
    localStorage.clear();
    translation = TestBed.inject(TranslationService);
  });

  it('tells the receiving agency about a new referral, with its urgency', () => {
    expect(say('referral.received', { referralCode: 'CG-2026-000123', urgency: 'emergency' })).toBe(
      'Cơ quan bạn nhận chuyển gửi mới CG-2026-000123 (mức độ: Khẩn cấp).',
    );
  });

  it("tells the sender what the receiving agency did, with the reason's label", () => {
    const agency = { referralCode: 'CG-2026-000123', agencyName: 'Công an phường Hải Châu' };
    expect(say('referral.accepted', agency)).toBe(
      'Công an phường Hải Châu đã tiếp nhận chuyển gửi CG-2026-000123.',
    );
    expect(say('referral.declined', { ...agency, reason: 'outside_area' })).toBe(
      'Công an phường Hải Châu đã từ chối chuyển gửi CG-2026-000123. Lý do: Ngoài địa bàn phụ trách.',
    );
    expect(say('referral.service_recorded', agency)).toBe(
      'Công an phường Hải Châu đã ghi nhận dịch vụ cho chuyển gửi CG-2026-000123.',
    );
    expect(
      say('referral.service_recorded', {
        ...agency,
        serviceType: 'police_protection',
        outcome: 'provided',
      }),
    ).toBe(
      'Công an phường Hải Châu đã ghi nhận dịch vụ "Bảo vệ của công an" cho chuyển gửi CG-2026-000123 (kết quả: Đã cung cấp).',
    );
    expect(say('referral.completed', agency)).toBe(
      'Công an phường Hải Châu đã hoàn thành chuyển gửi CG-2026-000123.',
    );
  });

  it('tells the receiving agency a referral was withdrawn, and why', () => {
    expect(say('referral.withdrawn', { referralCode: 'CG-1', reason: 'consent_withdrawn' })).toBe(
      'Chuyển gửi CG-1 đã được rút lại. Lý do: Người bị bạo lực rút lại đồng ý.',
    );
  });

  it('tells supervisors that a referral went without consent', () => {
    expect(
      say('referral.override', {
        referralCode: 'CG-1',
        survivorCode: 'DN-2026-000042',
        reason: 'threat_to_life',
      }),
    ).toBe(
      'Chuyển gửi CG-1 của hồ sơ DN-2026-000042 đã được gửi khi chưa có sự đồng ý của người bị bạo lực (lý do: Đe dọa đến tính mạng). Trưởng nhóm cần xem xét.',
    );
  });

  describe('the respond-by clock', () => {
    const clock = { deadlineKind: 'referral_response', referralCode: 'CG-1' };

    it('reminds the receiving agency halfway, then escalates when due', () => {
      expect(
        say('deadline.reminder', {
          ...clock,
          stage: 'reminder_halfway',
          dueAt: '2026-05-12T05:30:00.000Z',
        }),
      ).toBe('Nhắc hạn: chuyển gửi CG-1 cần được phản hồi trước 12/05/2026 12:30.');
      expect(
        say('deadline.escalation', {
          ...clock,
          stage: 'escalation_due',
          dueAt: '2026-05-12T05:30:00.000Z',
        }),
      ).toBe('Quá hạn: chuyển gửi CG-1 chưa được phản hồi, hạn 12/05/2026 12:30.');
    });

    it('tells the sender, with the case code when there is one', () => {
      const notice = { ...clock, stage: 'sender_notice_due', dueAt: '2026-05-12T05:30:00.000Z' };
      expect(say('deadline.escalation', { ...notice, survivorCode: 'DN-2026-000042' })).toBe(
        'Chuyển gửi CG-1 của hồ sơ DN-2026-000042 chưa được phản hồi đúng hạn (12/05/2026 12:30). Có thể chuyển sang cơ quan khác.',
      );
      expect(say('deadline.escalation', notice)).toBe(
        'Chuyển gửi CG-1 chưa được phản hồi đúng hạn (12/05/2026 12:30). Có thể chuyển sang cơ quan khác.',
      );
    });
  });

  it('leaves the incident-report clock to the general texts, which still work', () => {
    const incident: Notice = {
      kind: 'deadline.reminder',
      params: {
        deadlineKind: 'incident_report',
        stage: 'reminder_3d',
        survivorCode: 'DN-2026-000042',
        dueAt: '2026-05-12T17:00:00.000Z',
      },
    };
    expect(referralNotificationText(translation, incident)).toBeNull();
    expect(notificationText(translation, incident)).toBe(
      'Nhắc hạn: báo cáo vụ việc nghiêm trọng của hồ sơ DN-2026-000042 đến hạn hết ngày 12/05/2026',
    );
  });

  it('speaks English after a language switch', () => {
    translation.use('en');
    expect(say('referral.received', { referralCode: 'CG-1', urgency: 'urgent' })).toBe(
      'Your agency received a new referral CG-1 (urgency: Urgent).',
    );
  });

  describe('where a notification leads', () => {
    const link = '/inbox/referrals/44444444-4444-4444-8444-444444444444';

    it('opens the referral in the inbox for every role that works one', () => {
      for (const role of [
        'police_liaison',
        'health_liaison',
        'justice_liaison',
        'caseworker',
        'supervisor',
      ] as const) {
        expect(referralNotificationRoute(link, role)).toBe(link);
      }
    });

    it('leads nowhere for other roles, and leaves case links to the general rules', () => {
      expect(referralNotificationRoute(link, 'reporting_officer')).toBeNull();
      expect(referralNotificationRoute(link, undefined)).toBeNull();
      expect(
        referralNotificationRoute('/cases/44444444-4444-4444-8444-444444444444', 'caseworker'),
      ).toBeNull();
      expect(referralNotificationRoute('/inbox/referrals/../../admin', 'caseworker')).toBeNull();
    });
  });
});
