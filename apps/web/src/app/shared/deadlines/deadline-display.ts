import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { DeadlineKind } from '@caunoi/shared/domain';
import { timeLeft, vietnamDateOf } from '@caunoi/shared/domain';
import { interval, map } from 'rxjs';
import type { TranslationService } from '../../core/i18n/translation.service';
import { formatVietnamDateTime } from '../../core/i18n/vn-date.pipe';

const DAY_MS = 24 * 60 * 60 * 1000;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `2026-09-02` → `02/09/2026`, the Vietnamese way, whatever the UI language. */
export function formatCalendarDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** True when the instant is 00:00 Vietnam time, i.e. "24:00 of the day before". */
export function isVietnamMidnight(instant: Date): boolean {
  return (instant.getTime() + VIETNAM_OFFSET_MS) % DAY_MS === 0;
}

/**
 * A due instant as people read it. Day-based clocks (Civil Code Art. 148) end at 24:00 of their
 * last day, stored as the exclusive instant 00:00 of the next Vietnam day: shown as "hết ngày
 * <last day>", never as the next day. Any other instant (hour-based clocks) is shown as it is.
 */
export function formatDue(translation: TranslationService, dueAt: string | Date): string {
  const due = new Date(dueAt);
  if (!isVietnamMidnight(due)) return formatVietnamDateTime(due);
  const lastDay = vietnamDateOf(new Date(due.getTime() - 1));
  return translation.t('deadline.endOfDay', { date: formatCalendarDate(lastDay) });
}

/**
 * Time left in words, two units at most: "còn 2 ngày 3 giờ", "còn 5 giờ 10 phút", "quá hạn 1 ngày
 * 4 giờ". Uses the domain's `timeLeft`, so the web and the API agree on when a clock is overdue.
 */
export function formatTimeLeft(
  translation: TranslationService,
  now: Date,
  dueAt: string | Date,
): string {
  const left = timeLeft(now, new Date(dueAt));
  const unit = (n: number, one: 'deadline.day' | 'deadline.hour' | 'deadline.minute'): string =>
    translation.t(n === 1 ? one : (`${one}s` as const), { n });
  let span: string;
  if (left.days > 0) {
    span = [
      unit(left.days, 'deadline.day'),
      left.hours > 0 ? unit(left.hours, 'deadline.hour') : '',
    ]
      .filter(Boolean)
      .join(' ');
  } else if (left.hours > 0) {
    span = [
      unit(left.hours, 'deadline.hour'),
      left.minutes > 0 ? unit(left.minutes, 'deadline.minute') : '',
    ]
      .filter(Boolean)
      .join(' ');
  } else {
    span = unit(left.minutes, 'deadline.minute');
  }
  return translation.t(left.overdue ? 'deadline.overdueBy' : 'deadline.left', { span });
}

/**
 * A stage's label. The same stage code can mean different things per kind (`escalation_due` tells
 * the supervisors of a report, but the receiving agency of a referral), so the kind's own key
 * (`deadline.stage.referral_response.escalation_due`) comes first; `reminder_3d` → "Nhắc … trước
 * 3 ngày"; then the shared key; then the code itself.
 */
export function stageLabel(
  translation: TranslationService,
  kind: DeadlineKind,
  stage: string,
): string {
  const own = `deadline.stage.${kind}.${stage}`;
  if (translation.hasKey(own)) return translation.t(own);
  const reminder = /^reminder_(\d+)d$/.exec(stage);
  if (reminder) return translation.t('deadline.stage.reminder', { n: Number(reminder[1]) });
  const key = `deadline.stage.${stage}`;
  return translation.hasKey(key) ? translation.t(key) : stage;
}

/** The current time as a signal that moves every `periodMs`, so "time left" counts down on screen. */
export function injectNow(periodMs = 30_000): Signal<Date> {
  return toSignal(interval(periodMs).pipe(map(() => new Date())), { initialValue: new Date() });
}
