import { VnDayPipe, formatVietnamDay } from './vn-date.pipe';

describe('formatVietnamDay', () => {
  it.each([
    ['2026-12-05', '05/12/2026'],
    ['2027-01-31', '31/01/2027'],
  ])('shows %s as %s', (day, shown) => {
    expect(formatVietnamDay(day)).toBe(shown);
  });

  it('shows nothing for a missing day', () => {
    expect(new VnDayPipe().transform(null)).toBe('');
    expect(new VnDayPipe().transform('')).toBe('');
  });
});
