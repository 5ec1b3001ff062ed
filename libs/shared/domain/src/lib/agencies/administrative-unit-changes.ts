import { isValidCalendarDate } from '../deadlines/calendar';
import { normaliseName } from '../intake/normalise';
import type { AdministrativeUnitLevel } from './agency-type';

/**
 * Administrative units are versioned: a unit is in force from `effectiveFrom` until `effectiveTo`
 * (exclusive; null while in force). Renaming keeps the code and closes the old name's period;
 * retiring ends the unit; merging retires several units into one successor (an existing unit or a
 * new one), so records that name an old unit can still be counted under the unit that carries it
 * on. Changes are recorded on or after the day they take effect, never scheduled ahead.
 *
 * These rules are shared by the API (which enforces them) and the web (which explains them).
 */

export const ADMINISTRATIVE_UNIT_STATUSES = ['active', 'retired'] as const;
export type AdministrativeUnitStatus = (typeof ADMINISTRATIVE_UNIT_STATUSES)[number];

/** Official code formats: two digits for a province, five for a commune. */
export const ADMINISTRATIVE_UNIT_CODE_PATTERN: Readonly<Record<AdministrativeUnitLevel, RegExp>> = {
  province: /^\d{2}$/,
  commune: /^\d{5}$/,
};
export const ADMINISTRATIVE_UNIT_NAME_MAX = 200;
/** How many units one merge may retire: a real merger joins a handful. */
export const MERGE_SOURCES_MAX = 20;

/** A unit as the rules see it (and as the API shows it: `AdministrativeUnitView`). */
export interface UnitState {
  code: string;
  name: string;
  level: AdministrativeUnitLevel;
  parentCode: string | null;
  status: AdministrativeUnitStatus;
  /** First day in force. */
  effectiveFrom: string;
  /** First day no longer in force; null while in force. */
  effectiveTo: string | null;
  /** The unit a retired unit was merged into. */
  successorCode: string | null;
}

/** A refusal, named after the request field it concerns (the API answers 4xx with it). */
export interface UnitChangeError {
  field: string;
  code: string;
}

/** Facts the caller looked up for a rule; the rules themselves do no I/O. */
export interface RenameFacts {
  unit: UnitState;
  /** Start of the current name's period. */
  currentNameFrom: string;
  /** Names of the other units in force under the same parent. */
  siblingNames: readonly string[];
  today: string;
}

export function checkRename(
  facts: RenameFacts,
  request: { name: string; effectiveFrom: string },
): UnitChangeError | null {
  const { unit } = facts;
  if (unit.status !== 'active') return { field: 'code', code: 'unit_retired' };
  const nameError = checkNewName(request.name, facts.siblingNames, 'name');
  if (nameError) return nameError;
  if (request.name.trim() === unit.name) return { field: 'name', code: 'unchanged' };
  return checkChangeDate(
    request.effectiveFrom,
    facts.currentNameFrom,
    facts.today,
    'effectiveFrom',
  );
}

export interface RetireFacts {
  unit: UnitState;
  /** Communes in force under the unit (a province cannot end while it still has some). */
  activeChildren: number;
  today: string;
}

export function checkRetire(
  facts: RetireFacts,
  request: { effectiveTo: string },
): UnitChangeError | null {
  const { unit } = facts;
  if (unit.status !== 'active') return { field: 'code', code: 'unit_retired' };
  if (facts.activeChildren > 0) return { field: 'code', code: 'has_active_communes' };
  return checkChangeDate(request.effectiveTo, unit.effectiveFrom, facts.today, 'effectiveTo');
}

export interface MergeFacts {
  /** The units named by `codes`, in request order; null where no unit has that code. */
  sources: readonly (UnitState | null)[];
  /** Active communes under each source, same order. */
  activeChildren: readonly number[];
  /** The existing successor when the request names one; null if it does not exist. */
  successor: UnitState | null;
  /** For a new successor: the parent it names (null if none or not found), and whether its code is free. */
  newSuccessorParent: UnitState | null;
  newSuccessorCodeTaken: boolean;
  /** Names in force under the new successor's parent. */
  siblingNames: readonly string[];
  today: string;
}

export type MergeSuccessor =
  | { kind: 'existing'; code: string }
  | { kind: 'new'; code: string; name: string; parentCode: string | null };

export interface MergeRequest {
  codes: readonly string[];
  effectiveOn: string;
  successor: MergeSuccessor;
}

export function checkMerge(facts: MergeFacts, request: MergeRequest): UnitChangeError | null {
  if (request.codes.length === 0) return { field: 'codes', code: 'required' };
  if (request.codes.length > MERGE_SOURCES_MAX) return { field: 'codes', code: 'too_many' };
  if (new Set(request.codes).size !== request.codes.length) {
    return { field: 'codes', code: 'duplicate' };
  }
  const sources: UnitState[] = [];
  for (const [i, source] of facts.sources.entries()) {
    if (!source) return { field: `codes.${i}`, code: 'not_found' };
    if (source.status !== 'active') return { field: `codes.${i}`, code: 'unit_retired' };
    if ((facts.activeChildren[i] ?? 0) > 0)
      return { field: `codes.${i}`, code: 'has_active_communes' };
    sources.push(source);
  }
  const level = sources[0]?.level;
  if (!level || sources.some((s) => s.level !== level))
    return { field: 'codes', code: 'level_mismatch' };

  const successor = request.successor;
  if (successor.kind === 'existing') {
    const existing = facts.successor;
    if (!existing) return { field: 'successor.code', code: 'not_found' };
    if (request.codes.includes(existing.code))
      return { field: 'successor.code', code: 'successor_is_source' };
    if (existing.status !== 'active') return { field: 'successor.code', code: 'unit_retired' };
    if (existing.level !== level) return { field: 'successor.code', code: 'level_mismatch' };
  } else {
    if (!ADMINISTRATIVE_UNIT_CODE_PATTERN[level].test(successor.code)) {
      return { field: 'successor.code', code: 'invalid_code' };
    }
    if (facts.newSuccessorCodeTaken) return { field: 'successor.code', code: 'code_taken' };
    const nameError = checkNewName(successor.name, facts.siblingNames, 'successor.name');
    if (nameError) return nameError;
    if (level === 'province') {
      if (successor.parentCode !== null)
        return { field: 'successor.parentCode', code: 'not_allowed' };
    } else {
      const parent = facts.newSuccessorParent;
      if (!parent || parent.level !== 'province')
        return { field: 'successor.parentCode', code: 'not_found' };
      if (parent.status !== 'active')
        return { field: 'successor.parentCode', code: 'unit_retired' };
    }
  }
  const latestStart =
    sources
      .map((s) => s.effectiveFrom)
      .sort()
      .at(-1) ?? '';
  return checkChangeDate(request.effectiveOn, latestStart, facts.today, 'effectiveOn');
}

/**
 * The code that carries a unit on today: follow successors to the end. A unit in force, or retired
 * without a successor, is its own. Throws on a cycle, which the rules above never create.
 */
export function currentSuccessor(
  code: string,
  successorOf: (code: string) => string | null,
): { code: string; hops: number } {
  const seen = new Set<string>([code]);
  let current = code;
  for (;;) {
    const next = successorOf(current);
    if (next === null) return { code: current, hops: seen.size - 1 };
    if (seen.has(next)) throw new RangeError(`Successor cycle at administrative unit ${next}`);
    seen.add(next);
    current = next;
  }
}

function checkNewName(
  raw: string,
  siblingNames: readonly string[],
  field: string,
): UnitChangeError | null {
  const name = raw.trim();
  if (name === '') return { field, code: 'required' };
  if (name.length > ADMINISTRATIVE_UNIT_NAME_MAX) return { field, code: 'too_long' };
  const key = normaliseName(name);
  if (siblingNames.some((s) => normaliseName(s) === key)) return { field, code: 'name_taken' };
  return null;
}

/** A change takes effect after the period it ends began, and not later than today. */
function checkChangeDate(
  date: string,
  periodStart: string,
  today: string,
  field: string,
): UnitChangeError | null {
  if (!isValidCalendarDate(date)) return { field, code: 'invalid_date' };
  if (date > today) return { field, code: 'in_future' };
  if (date <= periodStart) return { field, code: 'not_after_start' };
  return null;
}
