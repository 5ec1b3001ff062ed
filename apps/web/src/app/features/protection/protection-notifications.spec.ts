import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { TestBed } from '@angular/core/testing';
import { TranslationService } from '../../core/i18n/translation.service';
import {
  protectionNotificationRoute,
  protectionNotificationText,
} from './protection-notifications';

registerLocaleData(localeVi);

const ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c0000aa';

describe('protection notifications', () => {
  let translation: TranslationService;
  beforeEach(() => {
    translation = TestBed.inject(TranslationService);
  });

  it.each([
    [
      'protection.requested',
      { measureCode: 'BV-2026-000001', dueAt: '2026-12-06T04:24:00.000Z' },
      /^Đề nghị cấm tiếp xúc BV-2026-000001 cần quyết định, hạn .*11:24/,
    ],
    [
      'protection.breach',
      { measureCode: 'BV-2026-000001', kind: 'within_100m' },
      /^Vi phạm lệnh cấm tiếp xúc BV-2026-000001: Đến gần trong phạm vi 100 m/,
    ],
    [
      'protection.decided',
      { measureCode: 'BV-2026-000001', survivorCode: 'DN-2026-000002', decision: 'refused' },
      /^Đề nghị BV-2026-000001 \(hồ sơ DN-2026-000002\) đã có quyết định: Không áp dụng$/,
    ],
    [
      'deadline.escalation',
      {
        deadlineKind: 'no_contact_decision',
        stage: 'escalation_due',
        measureCode: 'BV-2026-000001',
        dueAt: '2026-12-06T04:24:00.000Z',
      },
      /^Quyết định cấm tiếp xúc \(12 giờ\) BV-2026-000001: Báo UBND cấp xã khi đến hạn/,
    ],
  ])('reads %s from its codes', (kind, params, text) => {
    expect(protectionNotificationText(translation, { kind, params })).toMatch(text);
  });

  it('leaves other notifications to the other readers', () => {
    expect(
      protectionNotificationText(translation, {
        kind: 'deadline.reminder',
        params: { deadlineKind: 'incident_report', survivorCode: 'DN-2026-000002' },
      }),
    ).toBeNull();
  });

  it.each([
    ['commune_officer', `/protection/measures/${ID}`],
    ['police_liaison', `/protection/measures/${ID}`],
    ['caseworker', null],
    ['volunteer', null],
  ] as const)('opens a measure link for %s: %s', (role, target) => {
    expect(protectionNotificationRoute(`/protection/measures/${ID}`, role)).toBe(target);
  });
});
