import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  stepAt,
  totpAt,
} from './totp';

// RFC 6238 Appendix B (SHA-1): the ASCII secret "12345678901234567890", 8-digit codes.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('at %i s gives the RFC test vector %s', (seconds, expected) => {
    expect(hotp(RFC_SECRET, stepAt(new Date(seconds * 1000)), 8)).toBe(expected);
  });

  it('RFC 4226 Appendix D HOTP values, 6 digits', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676'];
    expect(expected.map((_, i) => hotp(RFC_SECRET, i))).toEqual(expected);
  });

  it('round-trips base32 and decodes what apps display (lower case, spaces, padding)', () => {
    const secret = base32Encode(RFC_SECRET);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret)).toEqual(RFC_SECRET);
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq==')).toEqual(RFC_SECRET);
    expect(base32Decode('not base32!')).toBeNull();
    expect(base32Decode('')).toBeNull();
    expect(base32Decode(newTotpSecret())).toHaveLength(20);
  });

  describe('matching a code', () => {
    const secret = base32Encode(RFC_SECRET);
    const now = new Date(1_234_567_890_000);
    const step = stepAt(now);

    it('accepts the current code and one step either side, nothing further', () => {
      expect(matchTotp(secret, totpAt(secret, now), now, null)).toBe(step);
      expect(matchTotp(secret, totpAt(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(
        step - 1,
      );
      expect(matchTotp(secret, totpAt(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(
        step + 1,
      );
      expect(
        matchTotp(secret, totpAt(secret, new Date(now.getTime() - 90_000)), now, null),
      ).toBeNull();
    });

    it('refuses a code already used, or an older one', () => {
      const code = totpAt(secret, now);
      expect(matchTotp(secret, code, now, step)).toBeNull();
      expect(matchTotp(secret, code, now, step - 1)).toBe(step);
      expect(
        matchTotp(secret, totpAt(secret, new Date(now.getTime() - 30_000)), now, step - 1),
      ).toBeNull();
    });

    it.each(['', '12345', '1234567', 'abcdef', '12 345'])(
      'refuses the malformed code %j',
      (code) => {
        expect(matchTotp(secret, code, now, null)).toBeNull();
      },
    );
  });

  it('builds the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'Cầu Nối', 'giamsat.demo')).toBe(
      'otpauth://totp/C%E1%BA%A7u%20N%E1%BB%91i%3Agiamsat.demo?secret=JBSWY3DPEHPK3PXP&issuer=C%E1%BA%A7u+N%E1%BB%91i&algorithm=SHA1&digits=6&period=30',
    );
  });
});
