import type { PeriodNode, ProtectedLattice } from './lattice';
import { latticeRelations, publishAll, TOTAL_CELL, trueValue } from './lattice';
import { feasibleValues } from './suppression-attack';

/**
 * An audit of one protected lattice against the reader as an attacker (decision 0021), for tests of
 * small lattices (the exact solver is exponential): returns what is wrong, nothing when it holds.
 * - every published number is the true one, and 0 or at least 5;
 * - no suppressed number from 1 to 4 is pinned by all published numbers and the relations between
 *   them (periods, areas, categories, cross-tab margins), and a suppressed month-and-area total can
 *   still be any of 1..4.
 */
export function auditLattice(lattice: ProtectedLattice): string[] {
  const published = publishAll(lattice);
  const problems: string[] = [];
  const small: string[] = [];
  for (const [key, p] of published) {
    const [period, area, cell] = key.split('|');
    const truth = trueValue(lattice, period as PeriodNode, area, cell);
    if (p.kind === 'count') {
      if (p.value !== truth) problems.push(`${key}: published ${p.value}, true ${truth}`);
      if (p.value >= 1 && p.value <= 4) problems.push(`${key}: published ${p.value}`);
    } else if (truth >= 1 && truth <= 4) {
      small.push(key);
    }
  }
  const feasible = feasibleValues(published, latticeRelations(lattice), small, {
    lowerBound: (key) => (key.endsWith(`|${TOTAL_CELL}`) ? 1 : 0),
    maxCount: 60,
    upTo: 6,
  });
  for (const key of small) {
    const values = feasible.get(key) ?? [];
    if (values.length < 2) problems.push(`${key}: pinned to ${values.join(',')}`);
    else if (
      /^M\d\d\|(?!all)[^|]+\|\*$/.test(key) &&
      ![1, 2, 3, 4].every((v) => values.includes(v))
    )
      problems.push(`${key}: narrowed to ${values.join(',')}`);
  }
  return problems;
}
