import { registerLocaleData } from '@angular/common';
import localeVi from '@angular/common/locales/vi';
import { TestBed } from '@angular/core/testing';
import { WorkingCalendar, computeDueAt } from '@caunoi/shared/domain';
import { TranslationService } from '../../core/i18n/translation.service';
import { formatCalendarDate, formatDue, formatTimeLeft, stageLabel } from './deadline-display';

registerLocaleData(localeVi);

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('deadline display', () => {
  let translation: TranslationService;
  const now = new Date('2026-05-10T03:00:00.000Z');
  const at = (ms: number): Date => new Date(now.getTime() + ms);

  beforeEach(() => {
    localStorage.clear();
    translation = TestBed.inject(TranslationService);
  });

  describe('time left in Vietnamese', () => {
    it('counts down in days and hours while the clock runs', () => {
      expect(formatTimeLeft(translation, now, at(2 * DAY + 3 * HOUR + 59_000))).toBe(
        'còn 2 ngày 3 giờ',
      );
      expect(formatTimeLeft(translation, now, at(DAY))).toBe('còn 1 ngày');
    });

    it('switches to hours and minutes, then minutes, on the last day', () => {
      expect(formatTimeLeft(translation, now, at(3 * HOUR + 20 * 60_000))).toBe(
        'còn 3 giờ 20 phút',
      );
      expect(formatTimeLeft(translation, now, at(45 * 60_000 + 30_000))).toBe('còn 45 phút');
    });

    it('says "quá hạn" once the due instant has passed, and at the instant itself', () => {
      expect(formatTimeLeft(translation, now, at(-(DAY + 4 * HOUR)))).toBe('quá hạn 1 ngày 4 giờ');
      expect(formatTimeLeft(translation, now, now)).toBe('quá hạn 0 phút');
    });

    it('follows the language switch, with English plurals', () => {
      translation.use('en');
      expect(formatTimeLeft(translation, now, at(2 * DAY + HOUR))).toBe('2 days 1 hour left');
      expect(formatTimeLeft(translation, now, at(-DAY))).toBe('overdue by 1 day');
    });
  });

  describe('the due day ("hết ngày")', () => {
    it('shows a day-based deadline as the end of its last day, not as 00:00 of the next', () => {
      // 00:00 on 13/05 in Vietnam is 17:00 UTC on 12/05: the period ends at 24:00 on 12/05.
      expect(formatDue(translation, '2026-05-12T17:00:00.000Z')).toBe('hết ngày 12/05/2026');
    });

    it('agrees with the Civil Code arithmetic: discovered Friday 01/05, 10 days → Monday 11/05', () => {
      const discovered = new Date('2026-05-01T10:00:00+07:00');
      const due = computeDueAt(discovered, { unit: 'days', amount: 10 }, new WorkingCalendar([]));
      expect(formatDue(translation, due)).toBe('hết ngày 11/05/2026');
    });

    it('rolls over a month and a year end', () => {
      expect(formatDue(translation, '2026-12-31T17:00:00.000Z')).toBe('hết ngày 31/12/2026');
      expect(formatDue(translation, '2026-05-31T17:00:00.000Z')).toBe('hết ngày 31/05/2026');
    });

    it('shows any other instant (an hour-based clock) as Vietnam date and time', () => {
      expect(formatDue(translation, '2026-05-12T05:30:00.000Z')).toBe('12/05/2026 12:30');
    });

    it('speaks English when asked, keeping the Vietnamese date format', () => {
      translation.use('en');
      expect(formatDue(translation, '2026-05-12T17:00:00.000Z')).toBe('end of 12/05/2026');
    });
  });

  it('formats calendar dates the Vietnamese way', () => {
    expect(formatCalendarDate('2099-09-02')).toBe('02/09/2099');
  });

  describe('stage labels per kind', () => {
    it('labels the 10-day report stages as before', () => {
      expect(stageLabel(translation, 'incident_report', 'reminder_3d')).toBe(
        'Nhắc cán bộ phụ trách trước 3 ngày',
      );
      expect(stageLabel(translation, 'incident_report', 'escalation_due')).toBe(
        'Báo trưởng nhóm khi đến hạn',
      );
    });

    it("labels a referral's respond-by stages for who they reach, not the report's", () => {
      expect(stageLabel(translation, 'referral_response', 'reminder_halfway')).toBe(
        'Nhắc cơ quan nhận khi đã qua một nửa thời hạn',
      );
      expect(stageLabel(translation, 'referral_response', 'escalation_due')).toBe(
        'Cảnh báo cơ quan nhận khi hết hạn mà chưa phản hồi',
      );
      expect(stageLabel(translation, 'referral_response', 'sender_notice_due')).toBe(
        'Báo người chuyển gửi để chuyển sang cơ quan khác',
      );
    });

    it('falls back to the code for a stage nobody labelled', () => {
      expect(stageLabel(translation, 'referral_response', 'something_new')).toBe('something_new');
    });
  });
});
