import { DEMO_PASSWORD } from '@caunoi/shared/contracts';
import type { AppConfig } from '../../config/app-config';
import {
  fewestWordsCovering,
  lettersOf,
  PasswordPolicy,
  withoutDiacritics,
} from './password-policy.service';
import { VIETNAMESE_PASSWORD_WORDS } from './vietnamese-password-words';
import { WEAK_PASSWORDS } from '../../../test-support/weak-passwords';

const production = new PasswordPolicy({ nodeEnv: 'production' } as AppConfig);
const development = new PasswordPolicy({ nodeEnv: 'development' } as AppConfig);

describe('PasswordPolicy', () => {
  it.each(WEAK_PASSWORDS)('refuses the weak password %s', (password) => {
    expect(production.problem(password)).toMatch(/^(too_common|too_guessable)$/);
  });

  it.each([
    'correct horse battery staple',
    'chỉ toàn chữ thường thôi',
    'a long synthetic test passphrase',
    'Sông Hàn mùa thu có gió lạnh',
    'x7#Kq!mZ2@vL9$pR',
    'tram-bien-gio-lua-78',
  ])('accepts the strong password %s', (password) => {
    expect(production.problem(password)).toBeNull();
  });

  it('says which rule a password breaks', () => {
    expect(production.problem('short')).toBe('too_short');
    expect(production.problem('matkhau123456')).toBe('too_common');
    expect(production.problem('zyxwvutsrqponmlk')).toBe('too_guessable');
    expect(production.problem('~!@#$%^&*()_+{}')).toBe('too_guessable');
    expect(production.problem('nguyen.van.an is my login', { username: 'nguyen.van.an' })).toBe(
      'contains_username',
    );
  });

  it("refuses a password made of the holder's own name", () => {
    const owner = { username: 'h.xuan', displayName: 'Phạm Hồng Xuân' };
    expect(production.problem('phamhongxuan1988', owner)).not.toBeNull();
  });

  it('refuses the published demo password in production only, and anything like it everywhere', () => {
    expect(production.problem(DEMO_PASSWORD)).toBe('demo_password');
    expect(production.problem(DEMO_PASSWORD.toUpperCase())).toBe('demo_password');
    expect(development.problem(DEMO_PASSWORD)).toBeNull();
    expect(development.problem('CauNoi@DaNang2027')).toBe('too_common');
  });

  it('throws a 400 naming the field and the reason', () => {
    expect(() => production.assertAcceptable('matkhau123456', {}, 'newPassword')).toThrow(
      expect.objectContaining({
        status: 400,
        response: expect.objectContaining({
          errors: [expect.objectContaining({ field: 'newPassword', code: 'too_common' })],
        }),
      }),
    );
  });

  it('finds the fewest words that spell the letters of a password', () => {
    const words = new Set(['nguyen', 'van', 'an', 'a', 'n']);
    expect(fewestWordsCovering('nguyenvanan', words)).toBe(3);
    expect(fewestWordsCovering('nguyenx', words)).toBe(Infinity);
    expect(fewestWordsCovering('', words)).toBe(0);
    expect(lettersOf('Hà Nội@1990!')).toBe('hanoi');
  });

  it('strips Vietnamese diacritics', () => {
    expect(withoutDiacritics('Mật khẩu Đà Nẵng đẹp')).toBe('Mat khau Da Nang dep');
  });

  it('carries a Vietnamese dictionary of several hundred words', () => {
    expect(VIETNAMESE_PASSWORD_WORDS.length).toBeGreaterThan(400);
    expect(VIETNAMESE_PASSWORD_WORDS).toEqual(expect.arrayContaining(['matkhau', 'anhyeuem']));
  });
});
