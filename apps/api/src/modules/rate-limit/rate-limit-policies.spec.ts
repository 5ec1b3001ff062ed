import { parseRateLimit, RATE_LIMIT_POLICIES } from './rate-limit-policies';

describe('parseRateLimit', () => {
  it.each([
    ['60/10m', { limit: 60, windowMs: 600_000 }],
    ['1200/1m', { limit: 1200, windowMs: 60_000 }],
    ['5/30s', { limit: 5, windowMs: 30_000 }],
    [' 3 / 2h ', { limit: 3, windowMs: 7_200_000 }],
    ['1/24h', { limit: 1, windowMs: 86_400_000 }],
  ])('reads %s', (value, expected) => expect(parseRateLimit(value)).toEqual(expected));

  it.each([
    '',
    '60',
    '60/',
    '/10m',
    '0/1m',
    '10/0s',
    '10/25h',
    '10/1d',
    '-1/1m',
    '1.5/1m',
    'ten/1m',
  ])('refuses %j', (value) => expect(parseRateLimit(value)).toBeNull());

  it('has a valid default for every policy', () => {
    for (const policy of Object.values(RATE_LIMIT_POLICIES)) {
      expect(parseRateLimit(policy.fallback)).not.toBeNull();
    }
  });
});
