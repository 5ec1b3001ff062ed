import { expiryReason } from './auth.service';

const T0 = new Date('2026-11-22T01:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe('expiryReason', () => {
  const expiresAt = at(12 * 60 * MIN);

  it('keeps a session that was active within 30 minutes', () => {
    expect(expiryReason(T0, expiresAt, at(29 * MIN))).toBeNull();
  });

  it('ends it at exactly 30 idle minutes', () => {
    expect(expiryReason(T0, expiresAt, at(30 * MIN))).toBe('idle_timeout');
  });

  it('ends it at its absolute end even when active a second ago', () => {
    expect(expiryReason(at(12 * 60 * MIN - 1000), expiresAt, expiresAt)).toBe('absolute_timeout');
  });
});
