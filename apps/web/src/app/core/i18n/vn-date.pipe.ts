import type { PipeTransform } from '@angular/core';
import { Pipe } from '@angular/core';
import { formatDate } from '@angular/common';

/** Vietnam's offset has no daylight saving, so a fixed offset is exact. */
export const VIETNAM_UTC_OFFSET = '+0700';
export const VIETNAMESE_DATE_TIME = 'dd/MM/yyyy HH:mm';

/** Dates are always Vietnamese format in Vietnam time, whatever the UI language. */
export function formatVietnamDateTime(value: string | Date): string {
  return formatDate(value, VIETNAMESE_DATE_TIME, 'vi', VIETNAM_UTC_OFFSET);
}

@Pipe({ name: 'vnDate' })
export class VnDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined): string {
    return value ? formatVietnamDateTime(value) : '';
  }
}

/** A calendar day (`YYYY-MM-DD`, no time or zone) in Vietnamese order: `DD/MM/YYYY`. */
export function formatVietnamDay(day: string): string {
  return day.split('-').reverse().join('/');
}

@Pipe({ name: 'vnDay' })
export class VnDayPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return value ? formatVietnamDay(value) : '';
  }
}
