import {
  SURVIVOR_CODE_PREFIX_BY_PROVINCE,
  formatSurvivorCode,
  isSurvivorCode,
  parseSurvivorCode,
  survivorCodePrefix,
} from './survivor-code';

describe('survivorCodePrefix', () => {
  it('uses the configured prefix for Đà Nẵng', () => {
    expect(SURVIVOR_CODE_PREFIX_BY_PROVINCE['48']).toBe('DN');
    expect(survivorCodePrefix('48')).toBe('DN');
  });

  it.each([
    ['01', 'P01'],
    ['79', 'P79'],
    ['96', 'P96'],
  ])('falls back to P + code for %s', (province, prefix) => {
    expect(survivorCodePrefix(province)).toBe(prefix);
  });

  it('does not take inherited object keys for a prefix', () => {
    // "constructor" is not a province code, so it must be refused rather than read off Object.
    expect(() => survivorCodePrefix('constructor')).toThrow(RangeError);
  });

  it.each(['', '4', '048', 'DN', '4a', ' 48'])('refuses province code %p', (province) => {
    expect(() => survivorCodePrefix(province)).toThrow(RangeError);
  });

  it('gives prefixes that formatSurvivorCode accepts', () => {
    for (const province of ['01', '48', '79']) {
      expect(() => formatSurvivorCode(survivorCodePrefix(province), 2026, 1)).not.toThrow();
    }
  });
});

describe('formatSurvivorCode', () => {
  it.each<[string, number, number, string]>([
    ['DN', 2026, 123, 'DN-2026-000123'],
    ['DN', 2026, 1, 'DN-2026-000001'],
    ['P01', 2000, 999999, 'P01-2000-999999'],
    ['AB12', 2100, 1000000, 'AB12-2100-1000000'],
    ['DN', 2026, 123456789, 'DN-2026-123456789'],
  ])('%s %i %i → %s', (prefix, year, sequence, code) => {
    expect(formatSurvivorCode(prefix, year, sequence)).toBe(code);
  });

  it.each<[string, string, number, number]>([
    ['sequence 0', 'DN', 2026, 0],
    ['negative sequence', 'DN', 2026, -1],
    ['fractional sequence', 'DN', 2026, 1.5],
    ['NaN sequence', 'DN', 2026, Number.NaN],
    ['infinite sequence', 'DN', 2026, Number.POSITIVE_INFINITY],
    ['unsafe sequence', 'DN', 2026, Number.MAX_SAFE_INTEGER + 1],
    ['year 1999', 'DN', 1999, 1],
    ['year 2101', 'DN', 2101, 1],
    ['fractional year', 'DN', 2026.5, 1],
    ['lower-case prefix', 'dn', 2026, 1],
    ['one-letter prefix', 'D', 2026, 1],
    ['five-letter prefix', 'ABCDE', 2026, 1],
    ['prefix with a dash', 'D-N', 2026, 1],
    ['prefix with a diacritic', 'ĐN', 2026, 1],
    ['empty prefix', '', 2026, 1],
  ])('throws RangeError for %s', (_label, prefix, year, sequence) => {
    expect(() => formatSurvivorCode(prefix, year, sequence)).toThrow(RangeError);
  });

  it('carries no personal data: it is built only from prefix, year and sequence', () => {
    // Two survivors of the same province and year differ only in the sequence, whoever they are.
    expect(formatSurvivorCode.length).toBe(3);
    const a = formatSurvivorCode(survivorCodePrefix('48'), 2026, 41);
    const b = formatSurvivorCode(survivorCodePrefix('48'), 2026, 42);
    expect(a.replace(/\d+$/, '')).toBe(b.replace(/\d+$/, ''));
    for (const code of [a, b, formatSurvivorCode('P79', 2030, 1234567)]) {
      expect(code).toMatch(/^[A-Z0-9]{2,4}-\d{4}-\d{6,}$/);
    }
  });
});

describe('parseSurvivorCode', () => {
  it.each<[string, number, number]>([
    ['DN', 2026, 123],
    ['DN', 2026, 1],
    ['P01', 2000, 999999],
    ['AB12', 2100, 1000000],
    ['P79', 2050, 42],
  ])('round-trips %s %i %i', (prefix, year, sequence) => {
    const code = formatSurvivorCode(prefix, year, sequence);
    expect(parseSurvivorCode(code)).toEqual({ prefix, year, sequence });
    expect(isSurvivorCode(code)).toBe(true);
  });

  it('trims surrounding whitespace', () => {
    expect(parseSurvivorCode('  DN-2026-000123\n')).toEqual({
      prefix: 'DN',
      year: 2026,
      sequence: 123,
    });
    expect(isSurvivorCode('\tDN-2026-000123 ')).toBe(true);
  });

  it.each([
    '',
    '   ',
    'dn-2026-000123', // lower case is not accepted
    'Dn-2026-000123',
    'DN-2026-00123', // fewer than 6 digits
    'DN-2026-0001234', // non-canonical padding
    'DN-2026-000000', // sequence 0
    'DN-1999-000001',
    'DN-2101-000001',
    'DN-26-000123',
    'D-2026-000123',
    'ABCDE-2026-000123',
    'DN2026000123',
    'DN_2026_000123',
    'DN-2026-000123-1',
    'DN -2026-000123',
    'DN-2026-000 123',
    'ĐN-2026-000123',
    'DN-2026-99999999999999999999', // beyond safe integers
    'Nguyen Thi Anh',
  ])('rejects %p', (code) => {
    expect(parseSurvivorCode(code)).toBeNull();
    expect(isSurvivorCode(code)).toBe(false);
  });
});
