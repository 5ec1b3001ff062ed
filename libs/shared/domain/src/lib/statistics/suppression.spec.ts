import { isPublishableRegion, isValidAtom, partitionIntoAtoms } from './atoms';
import type { LatticeDimension, LatticeRow, PeriodNode, ProtectedLattice } from './lattice';
import {
  cellOf,
  crossCategory,
  latticeKey,
  PERIOD_NODES,
  protectLattice,
  publishAll,
  publishedCell,
  SCOPE_AREA,
  TOTAL_CELL,
  trueValue,
} from './lattice';
import type { PublishedCount } from './suppression';
import { formatPublishedCount } from './suppression';
import { auditLattice } from './lattice-audit';

const SEX: LatticeDimension = { id: 'sex', categories: ['female', 'male', 'unknown'] };

/** Rows for `n` records of one sex in a month and area. */
function records(n: number, month: number, area: string, sex = 'female'): LatticeRow[] {
  return [
    { month, area, cell: TOTAL_CELL, count: n },
    { month, area, cell: cellOf('sex', sex), count: n },
  ];
}

/** Every published number is the true one and never 1..4. */
function expectHonest(lattice: ProtectedLattice, published: Map<string, PublishedCount>) {
  for (const [key, p] of published) {
    if (p.kind !== 'count') continue;
    const [period, area, cell] = key.split('|');
    expect([key, p.value]).toEqual([key, trueValue(lattice, period as PeriodNode, area, cell)]);
    expect([key, p.value === 0 || p.value >= 5]).toEqual([key, true]);
  }
}

/**
 * The reader combines every published number with every relation between them: no suppressed
 * number from 1 to 4 is ever pinned, and a suppressed month-and-area total can still be any of 1..4
 * (`auditLattice`).
 */
function expectNothingSmallRevealed(lattice: ProtectedLattice) {
  expect(auditLattice(lattice)).toEqual([]);
}

describe('atoms', () => {
  it.each([
    [0, 0, true],
    [1, 1, false],
    [4, 1, false],
    [5, 1, true],
    [5, 2, true],
    [5, 3, false], // three leaves of at least 1 in 5 leave each at most 3
    [6, 3, true],
    [7, 5, false], // five leaves in 7: each at most 3
    [8, 5, true],
  ])('%i records in %i non-zero leaves: valid %s', (count, leaves, valid) => {
    expect(isValidAtom(count, leaves)).toBe(valid);
  });

  it('keeps leaves of 0 or 5+ alone and merges a small one where it costs least', () => {
    const partition = partitionIntoAtoms(
      [
        { id: 'a', count: 3 },
        { id: 'b', count: 9 },
        { id: 'c', count: 12 },
        { id: 'z', count: 0 },
      ],
      [
        { leaves: ['a', 'b'], weight: 1 },
        { leaves: ['a', 'b', 'c', 'z'], weight: 10 },
        { leaves: ['c'], weight: 5 },
      ],
    );
    // Merging a with b keeps {a,b} and the total publishable; with c would lose {c} and {a,b}.
    expect(partition.atoms.map((a) => a.leaves)).toEqual([['a', 'b'], ['c'], ['z']]);
    expect(isPublishableRegion(partition, ['a', 'b'])).toBe(true);
    expect(isPublishableRegion(partition, ['a'])).toBe(false);
    expect(isPublishableRegion(partition, ['b'])).toBe(false);
    expect(isPublishableRegion(partition, ['c', 'z'])).toBe(true);
  });

  it('leaves an atom invalid when nothing is left to merge, and publishes nothing that holds it', () => {
    const partition = partitionIntoAtoms(
      [
        { id: 'a', count: 1 },
        { id: 'b', count: 1 },
        { id: 'c', count: 1 },
      ],
      [{ leaves: ['a', 'b', 'c'], weight: 1 }],
    );
    expect(partition.atoms).toEqual([{ leaves: ['a', 'b', 'c'], count: 3, valid: false }]);
    expect(isPublishableRegion(partition, ['a', 'b', 'c'])).toBe(false);
  });

  it('refuses negative, fractional or repeated leaves', () => {
    expect(() => partitionIntoAtoms([{ id: 'a', count: -1 }], [])).toThrow(RangeError);
    expect(() => partitionIntoAtoms([{ id: 'a', count: 0.5 }], [])).toThrow(RangeError);
    expect(() =>
      partitionIntoAtoms(
        [
          { id: 'a', count: 1 },
          { id: 'a', count: 2 },
        ],
        [],
      ),
    ).toThrow(RangeError);
  });
});

describe('protectLattice: single tables', () => {
  it('publishes 0 and 5+ and suppresses 1 to 4 ("<5")', () => {
    const lattice = protectLattice(
      [SEX],
      ['A'],
      [...records(7, 1, 'A'), ...records(2, 1, 'A', 'male')],
    );
    const at = (cell: string) => formatPublishedCount(publishedCell(lattice, 'M01', 'A', cell));
    expect(at(TOTAL_CELL)).toBe('9');
    expect(at(cellOf('sex', 'unknown'))).toBe('0');
    // male (2) is small; female (7) goes with it, or total minus female would be male.
    expect(at(cellOf('sex', 'male'))).toBe('<5');
    expect(at(cellOf('sex', 'female'))).toBe('<5');
    expect(formatPublishedCount(publishedCell(lattice, 'M02', 'A', TOTAL_CELL))).toBe('0');
  });

  it('never shows a count from 1 to 4, for any period, area and cell', () => {
    const rows = [
      ...records(3, 1, 'A'),
      ...records(1, 2, 'B', 'male'),
      ...records(11, 2, 'A'),
      ...records(4, 7, 'B', 'unknown'),
      ...records(6, 12, 'B'),
    ];
    const lattice = protectLattice([SEX], ['A', 'B'], rows);
    expectHonest(lattice, publishAll(lattice));
  });

  it('rejects rows it cannot place', () => {
    expect(() =>
      protectLattice([SEX], ['A'], [{ month: 13, area: 'A', cell: TOTAL_CELL, count: 1 }]),
    ).toThrow(RangeError);
    expect(() =>
      protectLattice([SEX], ['A'], [{ month: 1, area: 'A', cell: 'sex=robot', count: 1 }]),
    ).toThrow(RangeError);
    expect(() =>
      protectLattice([SEX], ['A'], [{ month: 1, area: 'A', cell: TOTAL_CELL, count: -2 }]),
    ).toThrow(RangeError);
    expect(() =>
      protectLattice([SEX], ['A'], [{ month: 1, area: SCOPE_AREA, cell: TOTAL_CELL, count: 1 }]),
    ).toThrow(RangeError);
  });
});

describe('protectLattice: differencing attacks', () => {
  it('a province and the province minus one commune never give the commune\'s "<5"', () => {
    // Commune A had 3 cases in January, B 20: province (23) minus B (20) would be A.
    const lattice = protectLattice(
      [SEX],
      ['A', 'B'],
      [...records(3, 1, 'A'), ...records(20, 1, 'B')],
    );
    const published = publishAll(lattice);
    expect(published.get(latticeKey('M01', 'A', TOTAL_CELL))).toEqual({ kind: 'suppressed' });
    const province = published.get(latticeKey('M01', SCOPE_AREA, TOTAL_CELL));
    const b = published.get(latticeKey('M01', 'B', TOTAL_CELL));
    expect(province?.kind === 'count' && b?.kind === 'count').toBe(false);
    // Nor through the year: the province's year and B's year both published would give A's year.
    for (const period of PERIOD_NODES) {
      const p = published.get(latticeKey(period, SCOPE_AREA, TOTAL_CELL));
      const q = published.get(latticeKey(period, 'B', TOTAL_CELL));
      if (p?.kind === 'count' && q?.kind === 'count') expect(p.value - q.value).not.toBe(3);
    }
    expectHonest(lattice, published);
    expectNothingSmallRevealed(lattice);
  });

  it('two periods: a quarter and two of its months never give the third', () => {
    const lattice = protectLattice(
      [SEX],
      ['A'],
      [...records(2, 1, 'A'), ...records(10, 2, 'A'), ...records(7, 3, 'A', 'male')],
    );
    const published = publishAll(lattice);
    expect(published.get(latticeKey('M01', 'A', TOTAL_CELL))).toEqual({ kind: 'suppressed' });
    const q1 = published.get(latticeKey('Q1', 'A', TOTAL_CELL));
    const feb = published.get(latticeKey('M02', 'A', TOTAL_CELL));
    const mar = published.get(latticeKey('M03', 'A', TOTAL_CELL));
    expect([q1, feb, mar].every((p) => p?.kind === 'count')).toBe(false);
    expectHonest(lattice, published);
    expectNothingSmallRevealed(lattice);
  });

  it('a year, its halves, quarters and months: a "<5" month is never the year minus the rest', () => {
    const lattice = protectLattice(
      [SEX],
      ['A'],
      [...records(40, 5, 'A'), ...records(1, 11, 'A', 'male'), ...records(9, 12, 'A', 'male')],
    );
    const published = publishAll(lattice);
    expect(published.get(latticeKey('M11', 'A', TOTAL_CELL))).toEqual({ kind: 'suppressed' });
    // The quarter stays exact: November is pooled with December only.
    expect(published.get(latticeKey('Q4', 'A', TOTAL_CELL))).toEqual({ kind: 'count', value: 10 });
    expectHonest(lattice, published);
    expectNothingSmallRevealed(lattice);
  });

  it('five communes with one case each: the pooled five never pin each commune at 1', () => {
    const rows = ['A', 'B', 'C', 'D', 'E'].flatMap((a) => records(1, 3, a));
    const lattice = protectLattice([SEX], ['A', 'B', 'C', 'D', 'E'], rows);
    const published = publishAll(lattice);
    // Five leaves of at least 1 summing to 5 would each be 1: the total is not published.
    expect(published.get(latticeKey('M03', SCOPE_AREA, TOTAL_CELL))).toEqual({
      kind: 'suppressed',
    });
    expectHonest(lattice, published);
    expectNothingSmallRevealed(lattice);
  });

  it('a dimension and its total across areas and periods never give a "<5" category', () => {
    const rows = [
      ...records(12, 1, 'A'),
      ...records(2, 1, 'A', 'male'),
      ...records(6, 2, 'B'),
      ...records(1, 2, 'B', 'unknown'),
      ...records(8, 2, 'A', 'male'),
    ];
    const lattice = protectLattice([SEX], ['A', 'B'], rows);
    const published = publishAll(lattice);
    expectHonest(lattice, published);
    expectNothingSmallRevealed(lattice);
  });

  it('a cross-tabulation: channel × sex never gives a "<5" cell through its margins', () => {
    const CHANNEL: LatticeDimension = { id: 'channel', categories: ['hotline', 'walk_in'] };
    const CROSS: LatticeDimension = {
      id: 'channel_sex',
      categories: CHANNEL.categories.flatMap((c) => SEX.categories.map((s) => crossCategory(c, s))),
      crossOf: ['channel', 'sex'],
    };
    const row = (n: number, channel: string, sex: string): LatticeRow[] => [
      { month: 3, area: 'A', cell: TOTAL_CELL, count: n },
      { month: 3, area: 'A', cell: cellOf('channel_sex', crossCategory(channel, sex)), count: n },
    ];
    const lattice = protectLattice(
      [SEX, CHANNEL, CROSS],
      ['A'],
      [
        ...row(9, 'hotline', 'female'),
        ...row(3, 'hotline', 'male'),
        ...row(8, 'walk_in', 'female'),
        ...row(6, 'walk_in', 'male'),
      ],
    );
    const published = publishAll(lattice);
    expect(published.get(latticeKey('M03', 'A', cellOf('channel_sex', 'hotline×male')))).toEqual({
      kind: 'suppressed',
    });
    expect(published.get(latticeKey('M03', 'A', TOTAL_CELL))).toEqual({ kind: 'count', value: 26 });
    expectHonest(lattice, published);
    expectNothingSmallRevealed(lattice);
  });

  it('random sparse lattices: nothing from 1 to 4 is ever published or pinned', () => {
    let seed = 20261205;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 5; trial += 1) {
      const rows: LatticeRow[] = [];
      for (const area of ['A', 'B', 'C']) {
        for (const month of [1, 2, 3, 4]) {
          const n = Math.floor(random() ** 2 * 9);
          for (let i = 0; i < n; i += 1) {
            rows.push(
              ...records(
                1,
                month,
                area,
                random() < 0.7 ? 'female' : random() < 0.8 ? 'male' : 'unknown',
              ),
            );
          }
        }
      }
      const lattice = protectLattice([SEX], ['A', 'B', 'C'], rows);
      const published = publishAll(lattice);
      expectHonest(lattice, published);
      expectNothingSmallRevealed(lattice);
    }
  });

  it('random sparse cross-tabs over two communes: nothing from 1 to 4 is published or pinned', () => {
    const CHANNEL: LatticeDimension = { id: 'channel', categories: ['hotline', 'walk_in'] };
    const CROSS: LatticeDimension = {
      id: 'channel_sex',
      categories: CHANNEL.categories.flatMap((c) =>
        ['female', 'male'].map((x) => crossCategory(c, x)),
      ),
      crossOf: ['channel', 'sex'],
    };
    const TWO_SEXES: LatticeDimension = { id: 'sex', categories: ['female', 'male'] };
    let seed = 4242;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // The exact attacker is exponential: two small lattices keep this test to seconds.
    for (let trial = 0; trial < 2; trial += 1) {
      const rows: LatticeRow[] = [];
      for (const area of ['A', 'B']) {
        for (const month of [1, 2]) {
          const n = Math.floor(random() * 9);
          for (let i = 0; i < n; i += 1) {
            const cell = crossCategory(
              random() < 0.6 ? 'hotline' : 'walk_in',
              random() < 0.7 ? 'female' : 'male',
            );
            rows.push({ month, area, cell: TOTAL_CELL, count: 1 });
            rows.push({ month, area, cell: cellOf('channel_sex', cell), count: 1 });
          }
        }
      }
      const lattice = protectLattice([TWO_SEXES, CHANNEL, CROSS], ['A', 'B'], rows);
      const published = publishAll(lattice);
      expectHonest(lattice, published);
      expectNothingSmallRevealed(lattice);
    }
  });

  it('publishes every period of the calendar year', () => {
    const lattice = protectLattice([SEX], ['A'], records(7, 7, 'A'));
    expect(publishedCell(lattice, 'H2', 'A', TOTAL_CELL)).toEqual({ kind: 'count', value: 7 });
    expect(publishedCell(lattice, 'H1', SCOPE_AREA, TOTAL_CELL)).toEqual({
      kind: 'count',
      value: 0,
    });
    expect(publishedCell(lattice, 'Y', 'nowhere', TOTAL_CELL)).toEqual({ kind: 'count', value: 0 });
  });
});
