import { nameAndBirthDateKey, normaliseName, normalisePhone } from './normalise';

describe('normalisePhone', () => {
  it.each([
    ['+84 90 123 4567', '0901234567'],
    ['+84901234567', '0901234567'],
    ['84901234567', '0901234567'],
    ['84 90 123 4567', '0901234567'],
    ['0901234567', '0901234567'],
    ['090 123 4567', '0901234567'],
    ['090.123.4567', '0901234567'],
    ['090-123-4567', '0901234567'],
    ['(090) 123-4567', '0901234567'],
    ['090\u00a0123\u00a04567', '0901234567'],
    ['\t0901234567\n', '0901234567'],
    ['+84 (0) 90 123 4567', '0901234567'],
    ['+840901234567', '0901234567'],
    ['028 3822 1234', '02838221234'],
    ['(028) 3822-1234', '02838221234'],
    ['+84 28 3822 1234', '02838221234'],
    ['842838221234', '02838221234'],
    ['111', '111'],
    ['113', '113'],
    ['115', '115'],
    ['1800 1581', '18001581'],
    ['1800.1581', '18001581'],
    ['1900-1234', '19001234'],
  ])('%p → %p', (raw, normalised) => {
    expect(normalisePhone(raw)).toBe(normalised);
  });

  it('gives the same key for every way of typing one number', () => {
    const typings = [
      '+84 90 123 4567',
      '0901234567',
      '84901234567',
      '090.123.4567',
      '(090) 1234567',
    ];
    expect(new Set(typings.map(normalisePhone))).toEqual(new Set(['0901234567']));
  });

  it.each([
    '',
    '   ',
    'abc',
    'không có',
    '0901234567x',
    '09O1234567', // letter O for zero
    '12345',
    '090123456', // 9 digits
    '090123456789', // 12 digits
    '901234567', // missing trunk 0
    '+84 123', // country code, too few digits
    '+84 90 123 45', // country code, 8 digits
    '+84 9012345678901', // country code, too many digits
    '8490123456', // 84 + 8 digits is neither international nor national
    '+1 415 555 0100',
    '+44 20 7946 0958',
    '0084901234567', // international dialling prefix is not handled
    '09+01234567',
    '090/123/4567',
    '000', // not a short service number
    '911',
    '1111',
    '1800158', // 7 digits
    '180015811', // 9 digits
    '18011581', // 8 digits but not 1800/1900
    '2838221234',
    '+',
    '84',
  ])('rejects %p', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe('normaliseName', () => {
  it('matches "Nguyễn  Thị Ánh" with "nguyen thi anh"', () => {
    expect(normaliseName('Nguyễn  Thị Ánh')).toBe('nguyen thi anh');
    expect(normaliseName('nguyen thi anh')).toBe('nguyen thi anh');
  });

  it.each([
    ['a', 'aàáảãạăằắẳẵặâầấẩẫậ', 'AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ'],
    ['e', 'eèéẻẽẹêềếểễệ', 'EÈÉẺẼẸÊỀẾỂỄỆ'],
    ['i', 'iìíỉĩị', 'IÌÍỈĨỊ'],
    ['o', 'oòóỏõọôồốổỗộơờớởỡợ', 'OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ'],
    ['u', 'uùúủũụưừứửữự', 'UÙÚỦŨỤƯỪỨỬỮỰ'],
    ['y', 'yỳýỷỹỵ', 'YỲÝỶỸỴ'],
    ['d', 'dđ', 'DĐ'],
  ])('strips every Vietnamese mark from %s', (base, lower, upper) => {
    for (const letter of [...lower, ...upper]) {
      expect(normaliseName(letter)).toBe(base);
    }
    expect(normaliseName(lower)).toBe(base.repeat([...lower].length));
  });

  it('strips each of the five tones from each vowel with a hat, breve or horn', () => {
    // ă â ê ô ơ ư, each with sắc, huyền, hỏi, ngã, nặng written as combining marks.
    const tones = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
    for (const [vowel, base] of [
      ['ă', 'a'],
      ['â', 'a'],
      ['ê', 'e'],
      ['ô', 'o'],
      ['ơ', 'o'],
      ['ư', 'u'],
    ]) {
      for (const tone of tones) expect(normaliseName(`${vowel}${tone}`)).toBe(base);
    }
  });

  it('treats precomposed and decomposed input alike', () => {
    const precomposed = 'Trần Thị Hường';
    const decomposed = precomposed.normalize('NFD');
    expect(decomposed).not.toBe(precomposed);
    expect(normaliseName(decomposed)).toBe('tran thi huong');
    expect(normaliseName(precomposed)).toBe('tran thi huong');
  });

  it.each([
    ['Đặng Văn Đức', 'dang van duc'],
    ['LÊ THỊ HỒNG', 'le thi hong'],
    ['  Phạm\tQuỳnh\n Anh  ', 'pham quynh anh'],
    ['Võ Thị Sáu', 'vo thi sau'],
    ['Bùi Thị Xuân', 'bui thi xuan'],
    ['Ngô Thị Ngọc Bích', 'ngo thi ngoc bich'],
    ['Hà\u00a0Thu', 'ha thu'],
  ])('%p → %p', (raw, normalised) => {
    expect(normaliseName(raw)).toBe(normalised);
  });

  it.each(['', ' ', '\t\n', '\u0301'])('gives null for %p', (raw) => {
    expect(normaliseName(raw)).toBeNull();
  });
});

describe('nameAndBirthDateKey', () => {
  it('joins the normalised name and the birth date', () => {
    expect(nameAndBirthDateKey('Nguyễn  Thị Ánh', '1990-05-17')).toBe('nguyen thi anh|1990-05-17');
    expect(nameAndBirthDateKey('nguyen thi anh', '1990-05-17')).toBe(
      nameAndBirthDateKey('NGUYỄN THỊ ÁNH', '1990-05-17'),
    );
  });

  it('accepts a leap-day birth date in a leap year', () => {
    expect(nameAndBirthDateKey('Lan', '2000-02-29')).toBe('lan|2000-02-29');
  });

  it.each(['', '1990-5-17', '17/05/1990', '1990-02-30', '1991-02-29', '1990-13-01', '1990-05-17 '])(
    'gives null for birth date %p',
    (birthDate) => {
      expect(nameAndBirthDateKey('Lan', birthDate)).toBeNull();
    },
  );

  it('gives null for an empty name', () => {
    expect(nameAndBirthDateKey('   ', '1990-05-17')).toBeNull();
  });
});
