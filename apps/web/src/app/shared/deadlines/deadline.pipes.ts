import type { PipeTransform } from '@angular/core';
import { Pipe, inject } from '@angular/core';
import { TranslationService } from '../../core/i18n/translation.service';
import { formatDue, formatTimeLeft } from './deadline-display';

/** `{{ deadline.dueAt | vnDue }}` → "hết ngày 12/05/2026". Impure: follows the language switch. */
@Pipe({ name: 'vnDue', pure: false })
export class DueDatePipe implements PipeTransform {
  private readonly translation = inject(TranslationService);

  transform(value: string | Date | null | undefined): string {
    return value ? formatDue(this.translation, value) : '';
  }
}

/** `{{ deadline.dueAt | timeLeft: now() }}` → "còn 2 ngày 3 giờ" / "quá hạn 1 ngày 4 giờ". */
@Pipe({ name: 'timeLeft', pure: false })
export class TimeLeftPipe implements PipeTransform {
  private readonly translation = inject(TranslationService);

  transform(value: string | Date | null | undefined, now: Date): string {
    return value ? formatTimeLeft(this.translation, now, value) : '';
  }
}
