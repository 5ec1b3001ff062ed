import { addLatticeRows } from './lattice';

describe('addLatticeRows', () => {
  it('adds the counts of the same month, area and cell across agencies', () => {
    const centreA = [
      { month: 1, area: 'X', cell: '*', count: 3 },
      { month: 1, area: 'X', cell: 'sex=female', count: 2 },
    ];
    const centreB = [
      { month: 1, area: 'X', cell: '*', count: 4 },
      { month: 2, area: 'X', cell: '*', count: 1 },
    ];
    expect(addLatticeRows([centreA, centreB])).toEqual([
      { month: 1, area: 'X', cell: '*', count: 7 },
      { month: 1, area: 'X', cell: 'sex=female', count: 2 },
      { month: 2, area: 'X', cell: '*', count: 1 },
    ]);
  });

  it('keeps areas and months apart', () => {
    const rows = addLatticeRows([
      [{ month: 1, area: 'X', cell: '*', count: 1 }],
      [{ month: 1, area: 'Y', cell: '*', count: 1 }],
      [{ month: 12, area: 'X', cell: '*', count: 1 }],
    ]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.count === 1)).toBe(true);
  });

  it('gives nothing for no agencies, and one agency its own rows', () => {
    expect(addLatticeRows([])).toEqual([]);
    const one = [{ month: 3, area: 'X', cell: '*', count: 9 }];
    expect(addLatticeRows([one])).toEqual(one);
  });

  it('drops a cell whose counts add to zero, as a count query never returns one', () => {
    expect(addLatticeRows([[{ month: 3, area: 'X', cell: '*', count: 0 }], []])).toEqual([]);
  });
});
