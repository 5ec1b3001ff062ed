import { coverageRank, suggestAgency } from './directory';
import type { DirectoryEntry } from './directory';

const PROVINCE = '01';
const COMMUNE = '00004';
const NEIGHBOUR = '00008';

type Entry = DirectoryEntry & { phone: string };

let nextId = 0;
const entry = (overrides: Partial<Entry> = {}): Entry => ({
  id: `agency-${++nextId}`,
  type: 'police',
  name: 'Công an xã Ba Đình',
  active: true,
  acceptingReferrals: true,
  provinceCode: PROVINCE,
  coversWholeProvince: false,
  coverageCommuneCodes: [COMMUNE],
  phone: '024 0000 0000',
  ...overrides,
});
const communeWide = (overrides: Partial<Entry> = {}) => entry(overrides);
const provinceWide = (overrides: Partial<Entry> = {}) =>
  entry({ coversWholeProvince: true, coverageCommuneCodes: [], ...overrides });

describe('coverageRank', () => {
  it('ranks an agency naming the commune highest', () => {
    expect(coverageRank(communeWide(), COMMUNE, PROVINCE)).toBe(2);
  });

  it('ranks an agency naming the commune highest even if it also covers the whole province', () => {
    expect(coverageRank(provinceWide({ coverageCommuneCodes: [COMMUNE] }), COMMUNE, PROVINCE)).toBe(
      2,
    );
  });

  it('ranks an agency covering the whole province of the commune next', () => {
    expect(coverageRank(provinceWide(), COMMUNE, PROVINCE)).toBe(1);
  });

  it('does not rank an agency covering the whole of another province', () => {
    expect(coverageRank(provinceWide({ provinceCode: '79' }), COMMUNE, PROVINCE)).toBe(0);
  });

  it('does not rank an agency naming only other communes', () => {
    expect(
      coverageRank(communeWide({ coverageCommuneCodes: [NEIGHBOUR] }), COMMUNE, PROVINCE),
    ).toBe(0);
  });

  it('does not rank an agency with no coverage at all', () => {
    expect(coverageRank(communeWide({ coverageCommuneCodes: [] }), COMMUNE, PROVINCE)).toBe(0);
  });

  it('with no commune known, ranks only agencies covering the whole province', () => {
    expect(coverageRank(communeWide(), null, PROVINCE)).toBe(0);
    expect(coverageRank(provinceWide(), null, PROVINCE)).toBe(1);
    expect(coverageRank(provinceWide({ provinceCode: '79' }), null, PROVINCE)).toBe(0);
  });
});

describe('suggestAgency', () => {
  it('prefers an agency naming the commune to one covering the whole province, in either order', () => {
    // The province-wide one comes first by name, so only the coverage can make the other win.
    const province = provinceWide({ name: 'Công an tỉnh An Giang' });
    const commune = communeWide({ name: 'Công an xã Yên Phong' });
    expect(suggestAgency([province, commune], 'police', COMMUNE, PROVINCE)).toBe(commune);
    expect(suggestAgency([commune, province], 'police', COMMUNE, PROVINCE)).toBe(commune);
  });

  it('falls back to an agency covering the whole province', () => {
    const province = provinceWide();
    const neighbour = communeWide({ coverageCommuneCodes: [NEIGHBOUR] });
    expect(suggestAgency([neighbour, province], 'police', COMMUNE, PROVINCE)).toBe(province);
  });

  it('with no commune known, suggests an agency covering the whole province', () => {
    const province = provinceWide();
    expect(suggestAgency([communeWide(), province], 'police', null, PROVINCE)).toBe(province);
  });

  it('returns the directory entry itself, with the fields the caller added', () => {
    const only = communeWide({ phone: '0203 111 222' });
    expect(suggestAgency([only], 'police', COMMUNE, PROVINCE)?.phone).toBe('0203 111 222');
  });

  describe('leaves out', () => {
    it.each<[string, Partial<Entry>]>([
      ['an inactive agency', { active: false }],
      ['an agency not accepting referrals', { acceptingReferrals: false }],
      ['an agency of another type', { type: 'health' }],
      ['an agency naming only other communes', { coverageCommuneCodes: [NEIGHBOUR] }],
    ])('%s', (_label, overrides) => {
      const excluded = communeWide({ name: 'A', ...overrides });
      expect(suggestAgency([excluded], 'police', COMMUNE, PROVINCE)).toBeNull();
      // A worse-covering but eligible agency is suggested instead.
      const fallback = provinceWide({ name: 'Z' });
      expect(suggestAgency([excluded, fallback], 'police', COMMUNE, PROVINCE)).toBe(fallback);
    });

    it('an agency covering the whole of another province', () => {
      expect(
        suggestAgency([provinceWide({ provinceCode: '79' })], 'police', COMMUNE, PROVINCE),
      ).toBeNull();
    });

    it('an inactive agency even when it accepts referrals, and a paused one even when active', () => {
      const entries = [
        communeWide({ active: false, acceptingReferrals: true }),
        communeWide({ active: true, acceptingReferrals: false }),
        provinceWide({ active: false }),
      ];
      expect(suggestAgency(entries, 'police', COMMUNE, PROVINCE)).toBeNull();
    });
  });

  it('suggests only the type asked for', () => {
    const police = communeWide({ type: 'police', name: 'Công an xã' });
    const health = communeWide({ type: 'health', name: 'Trạm y tế xã' });
    expect(suggestAgency([police, health], 'health', COMMUNE, PROVINCE)).toBe(health);
    expect(suggestAgency([health, police], 'police', COMMUNE, PROVINCE)).toBe(police);
    expect(suggestAgency([police, health], 'legal_aid', COMMUNE, PROVINCE)).toBeNull();
  });

  describe('between agencies covering the commune equally, picks by Vietnamese name order', () => {
    it.each<[string, string, string]>([
      // Vietnamese puts D before Đ; a collation that ignores the stroke puts "Đông" before "Dương".
      ['D before Đ', 'Công an xã Dương Nội', 'Công an xã Đông Anh'],
      // Â is a letter of the A group; comparing code points would put it after B.
      ['Â before B', 'Công an xã Ân Thi', 'Công an xã Bình Minh'],
      // Vietnamese puts A before Ă; a collation that treats Ă as an accented A compares the next letters.
      ['A before Ă', 'Công an xã Az', 'Công an xã Ăn Khê'],
      ['O before Ơ', 'Công an xã Oz', 'Công an xã Ơn'],
    ])('%s', (_label, first, second) => {
      for (const make of [communeWide, provinceWide]) {
        const a = make({ name: first });
        const b = make({ name: second });
        expect(suggestAgency([a, b], 'police', COMMUNE, PROVINCE)).toBe(a);
        expect(suggestAgency([b, a], 'police', COMMUNE, PROVINCE)).toBe(a);
      }
    });

    it('gives the same answer whatever order the directory lists them in', () => {
      const names = [
        'Công an xã Đông Anh',
        'Công an xã Bình Minh',
        'Công an xã Ân Thi',
        'Công an xã Dương Nội',
        'Công an xã Yên Phong',
      ];
      const entries = names.map((name) => communeWide({ name }));
      const orders = [entries, [...entries].reverse(), [entries[2], entries[0], entries[4]]];
      const picked = orders.map((list) => suggestAgency(list, 'police', COMMUNE, PROVINCE)?.name);
      expect(picked).toEqual(['Công an xã Ân Thi', 'Công an xã Ân Thi', 'Công an xã Ân Thi']);
    });
  });

  it('returns null when nothing covers the commune (the caseworker searches the directory)', () => {
    expect(suggestAgency([], 'police', COMMUNE, PROVINCE)).toBeNull();
    expect(
      suggestAgency(
        [communeWide({ coverageCommuneCodes: [] }), provinceWide({ provinceCode: '79' })],
        'police',
        COMMUNE,
        PROVINCE,
      ),
    ).toBeNull();
  });
});

describe('suggestAgency for the agency the law addresses (acceptingOnly: false)', () => {
  it.each([
    [true, null],
    [false, 'committee'],
  ] as const)(
    'with acceptingOnly %s finds a committee that takes no referrals: %s',
    (acceptingOnly, expected) => {
      const committee = entry({
        id: 'committee',
        type: 'commune_committee',
        acceptingReferrals: false,
      });
      expect(
        suggestAgency([committee], 'commune_committee', COMMUNE, PROVINCE, { acceptingOnly })?.id ??
          null,
      ).toBe(expected);
    },
  );

  it('still skips an inactive committee and one covering only other communes', () => {
    const entries = [
      entry({ id: 'inactive', type: 'commune_committee', active: false }),
      entry({ id: 'elsewhere', type: 'commune_committee', coverageCommuneCodes: [NEIGHBOUR] }),
    ];
    expect(
      suggestAgency(entries, 'commune_committee', COMMUNE, PROVINCE, { acceptingOnly: false }),
    ).toBeNull();
  });
});
