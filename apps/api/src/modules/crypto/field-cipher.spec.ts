import { loadConfig } from '../../config/app-config';
import { BlindIndexer } from './blind-indexer';
import { FieldCipher } from './field-cipher';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');
const configWith = (ring: string, blind = key(9), previousBlind?: string) =>
  loadConfig({
    JWT_SECRET: 'x'.repeat(32),
    DATA_ENCRYPTION_KEYS: ring,
    BLIND_INDEX_KEY: blind,
    AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 250).toString('base64'),
    ...(previousBlind ? { BLIND_INDEX_PREVIOUS_KEY: previousBlind } : {}),
  });

describe('FieldCipher', () => {
  const cipher = new FieldCipher(configWith(`k1:${key(1)}`));

  it('round-trips Vietnamese text and never shows the plaintext', () => {
    const stored = cipher.encrypt('Nguyễn Thị Thử Nghiệm, 0900000001');
    expect(stored).toMatch(/^v1:k1:/);
    expect(stored).not.toContain('Nguy');
    expect(stored).not.toContain('0900000001');
    expect(cipher.decrypt(stored)).toBe('Nguyễn Thị Thử Nghiệm, 0900000001');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('rejects a tampered ciphertext', () => {
    const stored = cipher.encrypt('secret');
    const parts = stored.split(':');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  it('decrypts with an older key after rotation and encrypts with the new one', () => {
    const old = cipher.encrypt('written before rotation');
    const rotated = new FieldCipher(configWith(`k2:${key(2)},k1:${key(1)}`));
    expect(rotated.decrypt(old)).toBe('written before rotation');
    expect(rotated.encrypt('new')).toMatch(/^v1:k2:/);
  });

  it('refuses a ciphertext relabelled to another key id', () => {
    const rotated = new FieldCipher(configWith(`k2:${key(2)},k1:${key(1)}`));
    const relabelled = rotated.encrypt('x').replace('v1:k2:', 'v1:k1:');
    expect(() => rotated.decrypt(relabelled)).toThrow();
  });
});

describe('BlindIndexer', () => {
  it('is deterministic per key and purpose', () => {
    const a = new BlindIndexer(configWith(`k1:${key(1)}`));
    const b = new BlindIndexer(configWith(`k1:${key(1)}`, key(8)));
    expect(a.digest('phone', '0900000001')).toEqual(a.digest('phone', '0900000001'));
    expect(a.digest('phone', '0900000001')).not.toEqual(a.digest('name_dob', '0900000001'));
    expect(a.digest('phone', '0900000001')).not.toEqual(b.digest('phone', '0900000001'));
  });

  it('while the key changes, lookups try the new key first and then the previous one', () => {
    const before = new BlindIndexer(configWith(`k1:${key(1)}`, key(8)));
    const during = new BlindIndexer(configWith(`k1:${key(1)}`, `b2:${key(9)}`, key(8)));
    expect(during.keyId).toBe('b2');
    expect(during.previousKeyId).toBe('b1');
    const stored = before.digest('phone', '0900000001');
    const candidates = during.lookupDigests('phone', '0900000001');
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toEqual(during.digest('phone', '0900000001'));
    expect(candidates[1]).toEqual(stored);
    expect(before.lookupDigests('phone', '0900000001')).toEqual([stored]);
    expect(during.lookupDigests('phone', null)).toEqual([]);
  });
});
