import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { TestBed } from '@angular/core/testing';
import { TranslationService } from '../i18n/translation.service';
import { notificationRoute, notificationText } from './notification-text';

registerLocaleData(localeVi);

describe('notificationText', () => {
  it('tells an admin of an audit log alert in words, in Vietnamese first, without any data of the log', () => {
    const translation = TestBed.inject(TranslationService);
    const alert = {
      kind: 'audit.integrity_alert',
      params: { incidentId: '7', problem: 'row_rewritten', problems: 1 },
    };
    translation.use('vi');
    expect(notificationText(translation, alert)).toBe(
      'Cảnh báo an ninh: nhật ký truy cập có dấu hiệu bị sửa hoặc xóa. Báo ngay cho bộ phận vận hành (xem /api/health, chạy audit:verify).',
    );
    translation.use('en');
    expect(notificationText(translation, alert)).toMatch(/^Security alert: the access log/);
  });

  it('falls back to a generic text for a kind it does not know', () => {
    const translation = TestBed.inject(TranslationService);
    translation.use('en');
    expect(notificationText(translation, { kind: 'something.new', params: {} })).toBe(
      'You have a new notification.',
    );
  });

  it("a case review clock speaks of its own kind: not reassessed, where a report is 'not submitted'", () => {
    const translation = TestBed.inject(TranslationService);
    translation.use('vi');
    const params = { survivorCode: 'DN-2026-000123', dueAt: '2026-12-12T16:59:59.999Z' };
    expect(
      notificationText(translation, {
        kind: 'deadline.escalation',
        params: { ...params, deadlineKind: 'risk_reassessment' },
      }),
    ).toMatch(/^Cảnh báo: hồ sơ DN-2026-000123 chưa được đánh giá lại nguy cơ, hạn /);
    expect(
      notificationText(translation, {
        kind: 'deadline.escalation',
        params: { ...params, deadlineKind: 'incident_report' },
      }),
    ).toMatch(/^Cảnh báo: báo cáo vụ việc nghiêm trọng của hồ sơ DN-2026-000123 chưa nộp, hạn /);
  });

  it('a plan action clock reminds and alerts by the case code only', () => {
    const translation = TestBed.inject(TranslationService);
    translation.use('vi');
    const params = {
      survivorCode: 'DN-2026-000123',
      dueAt: '2026-12-12T17:00:00.000Z',
      deadlineKind: 'plan_action',
    };
    expect(notificationText(translation, { kind: 'deadline.reminder', params })).toBe(
      'Nhắc: hồ sơ DN-2026-000123 có việc cần làm trong kế hoạch hỗ trợ đến hạn hết ngày 12/12/2026',
    );
    expect(notificationText(translation, { kind: 'deadline.escalation', params })).toMatch(
      /^Cảnh báo: hồ sơ DN-2026-000123 có việc cần làm trong kế hoạch hỗ trợ quá hạn mà chưa xong/,
    );
  });

  it("tells a volunteer their referral's status by its reference, and leads to their referrals", () => {
    const translation = TestBed.inject(TranslationService);
    translation.use('vi');
    const accepted = { kind: 'community_referral.accepted', params: { reference: 'CR-7F3A2C' } };
    expect(notificationText(translation, accepted)).toBe(
      'Giới thiệu CR-7F3A2C đã được tiếp nhận và mở hồ sơ.',
    );
    translation.use('en');
    expect(
      notificationText(translation, { ...accepted, kind: 'community_referral.received' }),
    ).toBe('The centre received referral CR-7F3A2C.');
    expect(notificationRoute('/community', 'volunteer')).toBe('/community');
    expect(notificationRoute('/community', 'caseworker')).toBeNull();
  });
});
