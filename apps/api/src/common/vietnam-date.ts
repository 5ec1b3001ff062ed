import { VIETNAM_TIME_ZONE } from '@caunoi/shared/domain';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Vietnam at an instant, as YYYY-MM-DD (ages and codes follow Vietnam's calendar). */
export function vietnamDate(at: Date): string {
  return formatter.format(at);
}
