import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Vietnam has no daylight saving: UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * `<input type="datetime-local">` values are wall-clock time without a zone. Here they always
 * mean Vietnam time, whatever zone the browser is in: `2026-05-01T10:30` → `2026-05-01T03:30:00.000Z`.
 */
export function fromVietnamLocal(value: string): string {
  const [date, time = '00:00'] = value.split('T');
  return new Date(`${date}T${time.slice(0, 5)}:00+07:00`).toISOString();
}

/** An instant as a datetime-local value in Vietnam time (minutes precision). */
export function toVietnamLocal(instant: string | Date | number): string {
  const shifted = new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS);
  return shifted.toISOString().slice(0, 16);
}

/** Today's date in Vietnam, `YYYY-MM-DD`. */
export function vietnamToday(now: number = Date.now()): string {
  return toVietnamLocal(now).slice(0, 10);
}

/** A datetime-local value in Vietnam time must not be in the future (`{ in_future: true }`). */
export function notInFutureValidator(): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = control.value;
    if (!value) return null;
    return new Date(fromVietnamLocal(value)).getTime() > Date.now() ? { in_future: true } : null;
  };
}

/** A YYYY-MM-DD date (a birth date) must not be after today in Vietnam. */
export function dateNotInFutureValidator(): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = control.value;
    return value && value > vietnamToday() ? { in_future: true } : null;
  };
}
