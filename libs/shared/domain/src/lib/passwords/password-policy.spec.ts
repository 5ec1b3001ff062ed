import { checkPassword, PASSWORD_MIN_LENGTH } from './password-policy';

describe('checkPassword', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(checkPassword('correct horse battery staple')).toBeNull();
    expect(checkPassword('chỉ toàn chữ thường thôi')).toBeNull();
  });

  it('counts characters, not bytes: 12 Vietnamese letters are enough', () => {
    expect(checkPassword('ĐàNẵngĐàNẵngĐ'.slice(0, PASSWORD_MIN_LENGTH))).toBeNull();
    expect(checkPassword('ĐàNẵngĐàNẵn')).toBe('too_short');
  });

  it('refuses anything under 12 characters', () => {
    expect(checkPassword('elevenchars')).toBe('too_short');
  });

  it('refuses over 128 characters', () => {
    expect(checkPassword('a b'.repeat(50))).toBe('too_long');
  });

  it.each(['password1234', 'PASSWORD1234', '123456789012', 'matkhau123456', 'qwertyuiop123'])(
    'refuses the common password %s',
    (p) => expect(checkPassword(p)).toBe('too_common'),
  );

  it.each(['aaaaaaaaaaaa', 'abababababab', 'abcdabcdabcdabcd'])('refuses the repetitive %s', (p) =>
    expect(checkPassword(p)).toBe('too_common'),
  );

  it('refuses a password that contains the username', () => {
    expect(checkPassword('nguyen.van.a is my login', 'nguyen.van.a')).toBe('contains_username');
    expect(checkPassword('a different phrase entirely', 'nguyen.van.a')).toBeNull();
  });
});
