import type { PeriodNode } from './lattice';
import { monthNode, monthsOfPeriod } from './lattice';

/**
 * The periods a statistic may cover (decision 0021): a month, quarter, half or year of the calendar,
 * or a range of whole months, answered as the fewest whole periods it is made of.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A range covers at most five years. */
export const MAX_RANGE_MONTHS = 60;

export type PeriodRequest =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: number }
  | { kind: 'year'; year: number }
  /** `from` and `to` are `YYYY-MM`, both included. */
  | { kind: 'range'; from: string; to: string };

/** One period of one year's lattice. */
export interface PeriodBlock {
  readonly year: number;
  readonly node: PeriodNode;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` → months since year 0, or null when it is not a month. */
export function parseYearMonth(value: string): number | null {
  const m = MONTH.exec(value);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

/** Why a range is refused, or null when it is fine. */
export function rangeProblem(from: string, to: string): 'invalid' | 'reversed' | 'too_long' | null {
  const start = parseYearMonth(from);
  const end = parseYearMonth(to);
  if (start === null || end === null) return 'invalid';
  if (end < start) return 'reversed';
  if (end - start + 1 > MAX_RANGE_MONTHS) return 'too_long';
  return null;
}

/** The whole periods a request covers, in order. */
export function periodBlocks(request: PeriodRequest): PeriodBlock[] {
  switch (request.kind) {
    case 'month':
      return [{ year: request.year, node: monthNode(request.month) }];
    case 'quarter':
      return [{ year: request.year, node: `Q${request.quarter}` as PeriodNode }];
    case 'half':
      return [{ year: request.year, node: `H${request.half}` as PeriodNode }];
    case 'year':
      return [{ year: request.year, node: 'Y' }];
    case 'range': {
      if (rangeProblem(request.from, request.to) !== null) {
        throw new RangeError('The range is not a valid run of at most 60 months.');
      }
      const end = parseYearMonth(request.to) as number;
      const blocks: PeriodBlock[] = [];
      let at = parseYearMonth(request.from) as number;
      while (at <= end) {
        const year = Math.floor(at / 12);
        const month = (at % 12) + 1;
        const left = end - at + 1;
        const node: PeriodNode =
          month === 1 && left >= 12
            ? 'Y'
            : (month === 1 || month === 7) && left >= 6
              ? (`H${month === 1 ? 1 : 2}` as PeriodNode)
              : (month - 1) % 3 === 0 && left >= 3
                ? (`Q${(month + 2) / 3}` as PeriodNode)
                : monthNode(month);
        blocks.push({ year, node });
        at += monthsOfPeriod(node).length;
      }
      return blocks;
    }
  }
}

/** First and last month of a block, as `YYYY-MM`. */
export function blockMonths(block: PeriodBlock): { from: string; to: string } {
  const months = monthsOfPeriod(block.node);
  const format = (m: number) => `${block.year}-${String(m).padStart(2, '0')}`;
  return { from: format(months[0]), to: format(months[months.length - 1]) };
}
