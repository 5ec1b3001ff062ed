import { TestBed } from '@angular/core/testing';
import { TranslationService } from '../i18n/translation.service';
import { notificationText } from './notification-text';

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
});
