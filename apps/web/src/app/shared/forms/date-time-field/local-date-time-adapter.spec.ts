import { TestBed } from '@angular/core/testing';
import { vietnamDateOf } from '@caunoi/shared/domain';
import { LocalDateTimeAdapter } from './local-date-time-adapter';

describe('LocalDateTimeAdapter', () => {
  let adapter: LocalDateTimeAdapter;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [LocalDateTimeAdapter] });
    adapter = TestBed.inject(LocalDateTimeAdapter);
  });

  it('reads a day typed the Vietnamese way, and a whole date and time pasted', () => {
    expect(adapter.parse('05/12/2026')).toBe('2026-12-05');
    expect(adapter.parse('2026-12-05T21:07')).toBe('2026-12-05T21:07');
    expect(adapter.isValid(adapter.parse('2026-12-05T24:00') as string)).toBe(false);
  });

  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['9h30', '09:30'],
    ['930', '09:30'],
    ['7', '07:00'],
    ['00:00', '00:00'],
  ])('reads the time %s as %s on today (24-hour)', (typed, time) => {
    expect(adapter.parseTime(typed)).toBe(`${vietnamDateOf(new Date())}T${time}`);
  });

  it.each(['24:00', '12:60', 'trưa', '2 PM'])('refuses the time %s', (typed) => {
    const parsed = adapter.parseTime(typed);
    expect(parsed === null ? false : adapter.isValid(parsed)).toBe(false);
  });

  it('shows the day as dd/MM/yyyy and the time as HH:mm, 24-hour', () => {
    expect(adapter.format('2026-01-09T17:45', 'dd/MM/yyyy')).toBe('09/01/2026');
    expect(adapter.format('2026-01-09T17:45', 'HH:mm')).toBe('17:45');
    expect(adapter.getHours('2026-01-09T17:45')).toBe(17);
    expect(adapter.getMinutes('2026-01-09T17:45')).toBe(45);
  });

  it('sets and adds time within the day, rolling over midnight', () => {
    expect(adapter.setTime('2026-01-09', 8, 5)).toBe('2026-01-09T08:05');
    expect(adapter.addSeconds('2026-01-09T23:30', 30 * 60)).toBe('2026-01-10T00:00');
    expect(adapter.addSeconds('2026-01-09T10:00', 90 * 60)).toBe('2026-01-09T11:30');
    expect(adapter.compareTime('2026-01-09T10:00', '2026-01-09T09:59')).toBeGreaterThan(0);
  });
});
