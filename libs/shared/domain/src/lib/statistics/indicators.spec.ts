import {
  helpChannelOf,
  INDICATORS,
  POPULATION_DIMENSIONS,
  relationshipGroupOf,
  shareOf,
  statisticsAgeGroupOf,
} from './indicators';
import { blockMonths, periodBlocks, rangeProblem } from './periods';

describe('indicator definitions', () => {
  it('name only dimensions and categories of their population', () => {
    for (const indicator of INDICATORS) {
      const dims = POPULATION_DIMENSIONS[indicator.population];
      for (const part of [indicator.numerator, indicator.denominator ?? indicator.numerator]) {
        const dim = dims.find((d) => d.id === part.dimension);
        expect([indicator.id, dim !== undefined]).toEqual([indicator.id, true]);
        for (const c of part.categories) expect(dim?.categories).toContain(c);
      }
      if (indicator.denominator) {
        for (const c of indicator.numerator.categories)
          expect(indicator.denominator.categories).toContain(c);
      }
    }
  });

  it('groups ages with a child under 16', () => {
    expect(statisticsAgeGroupOf('0_6')).toBe('child_under_16');
    expect(statisticsAgeGroupOf('12_15')).toBe('child_under_16');
    expect(statisticsAgeGroupOf('16_17')).toBe('16_17');
    expect(statisticsAgeGroupOf('60_plus')).toBe('60_plus');
    expect(statisticsAgeGroupOf('unknown')).toBe('unknown');
  });

  it('maps case sources to channels', () => {
    expect(helpChannelOf('call')).toBe('hotline');
    expect(helpChannelOf('community_referral')).toBe('volunteer');
    expect(helpChannelOf('walk_in')).toBe('walk_in');
    expect(helpChannelOf('agency_referral')).toBe('agency');
  });

  it('counts an incident as family violence when any perpetrator is family', () => {
    expect(relationshipGroupOf(['stranger', 'former_spouse'])).toBe('family');
    expect(relationshipGroupOf(['teacher'])).toBe('non_family');
    expect(relationshipGroupOf(['unknown'])).toBe('unknown');
    expect(relationshipGroupOf([])).toBe('unknown');
  });

  it('gives a share only from published numbers and a non-zero denominator', () => {
    expect(shareOf([6], [6, 2 + 4])).toBe(0.5);
    expect(shareOf([null], [6, 6])).toBeNull();
    expect(shareOf([6], [6, null])).toBeNull();
    expect(shareOf([0], [0, 0])).toBeNull();
  });
});

describe('periods', () => {
  it('answers a range as the fewest whole periods', () => {
    expect(periodBlocks({ kind: 'range', from: '2025-02', to: '2026-07' })).toEqual([
      { year: 2025, node: 'M02' },
      { year: 2025, node: 'M03' },
      { year: 2025, node: 'Q2' },
      { year: 2025, node: 'H2' },
      { year: 2026, node: 'H1' },
      { year: 2026, node: 'M07' },
    ]);
    expect(periodBlocks({ kind: 'range', from: '2024-01', to: '2025-12' })).toEqual([
      { year: 2024, node: 'Y' },
      { year: 2025, node: 'Y' },
    ]);
    expect(periodBlocks({ kind: 'range', from: '2026-03', to: '2026-03' })).toEqual([
      { year: 2026, node: 'M03' },
    ]);
  });

  it('names calendar periods as nodes', () => {
    expect(periodBlocks({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual([
      { year: 2026, node: 'Q3' },
    ]);
    expect(periodBlocks({ kind: 'half', year: 2026, half: 1 })).toEqual([
      { year: 2026, node: 'H1' },
    ]);
    expect(blockMonths({ year: 2026, node: 'Q3' })).toEqual({ from: '2026-07', to: '2026-09' });
  });

  it('refuses reversed, malformed and longer-than-five-year ranges', () => {
    expect(rangeProblem('2026-05', '2026-04')).toBe('reversed');
    expect(rangeProblem('2026-13', '2026-14')).toBe('invalid');
    expect(rangeProblem('2020-01', '2025-01')).toBe('too_long');
    expect(rangeProblem('2020-01', '2024-12')).toBeNull();
    expect(() => periodBlocks({ kind: 'range', from: '2026-05', to: '2026-01' })).toThrow(
      RangeError,
    );
  });
});
