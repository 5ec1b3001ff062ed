import type { MergeFacts, MergeRequest, UnitState } from './administrative-unit-changes';
import {
  checkMerge,
  checkRename,
  checkRetire,
  currentSuccessor,
  MERGE_SOURCES_MAX,
} from './administrative-unit-changes';

const TODAY = '2026-12-05';
const unit = (over: Partial<UnitState> = {}): UnitState => ({
  code: '20242',
  name: 'Phường Hải Châu',
  level: 'commune',
  parentCode: '48',
  status: 'active',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  successorCode: null,
  ...over,
});
const province = (over: Partial<UnitState> = {}): UnitState =>
  unit({ code: '48', name: 'Thành phố Đà Nẵng', level: 'province', parentCode: null, ...over });

describe('checkRename', () => {
  const facts = {
    unit: unit(),
    currentNameFrom: '2025-07-01',
    siblingNames: ['Phường Thanh Khê'],
    today: TODAY,
  };

  it('accepts a new name from a date after the current name began, up to today', () => {
    expect(
      checkRename(facts, { name: 'Phường Hải Châu Mới', effectiveFrom: '2026-01-01' }),
    ).toBeNull();
    expect(checkRename(facts, { name: 'Phường Hải Châu Mới', effectiveFrom: TODAY })).toBeNull();
  });

  it('accepts a spelling correction of the same name (accents differ)', () => {
    expect(checkRename(facts, { name: 'Phường Hải Chầu', effectiveFrom: '2026-01-01' })).toBeNull();
  });

  it.each([
    [{ name: '  ', effectiveFrom: '2026-01-01' }, 'name', 'required'],
    [{ name: 'x'.repeat(201), effectiveFrom: '2026-01-01' }, 'name', 'too_long'],
    [{ name: 'Phường Hải Châu', effectiveFrom: '2026-01-01' }, 'name', 'unchanged'],
    [{ name: 'phuong thanh khe', effectiveFrom: '2026-01-01' }, 'name', 'name_taken'],
    [{ name: 'Phường Mới', effectiveFrom: '2026-02-30' }, 'effectiveFrom', 'invalid_date'],
    [{ name: 'Phường Mới', effectiveFrom: '2026-12-06' }, 'effectiveFrom', 'in_future'],
    [{ name: 'Phường Mới', effectiveFrom: '2025-07-01' }, 'effectiveFrom', 'not_after_start'],
    [{ name: 'Phường Mới', effectiveFrom: '2025-06-30' }, 'effectiveFrom', 'not_after_start'],
  ])('refuses %j: %s %s', (request, field, code) => {
    expect(checkRename(facts, request)).toEqual({ field, code });
  });

  it('measures the date from the current name, not from the unit', () => {
    const renamed = { ...facts, currentNameFrom: '2026-03-01' };
    expect(checkRename(renamed, { name: 'Phường Mới', effectiveFrom: '2026-02-01' })).toEqual({
      field: 'effectiveFrom',
      code: 'not_after_start',
    });
  });

  it('refuses a retired unit', () => {
    const retired = unit({ status: 'retired', effectiveTo: '2026-01-01' });
    expect(
      checkRename({ ...facts, unit: retired }, { name: 'Mới', effectiveFrom: '2026-02-01' }),
    ).toEqual({
      field: 'code',
      code: 'unit_retired',
    });
  });
});

describe('checkRetire', () => {
  it('ends an active commune after it began and not in the future', () => {
    expect(
      checkRetire({ unit: unit(), activeChildren: 0, today: TODAY }, { effectiveTo: '2026-01-01' }),
    ).toBeNull();
    expect(
      checkRetire({ unit: unit(), activeChildren: 0, today: TODAY }, { effectiveTo: '2026-12-06' }),
    ).toEqual({
      field: 'effectiveTo',
      code: 'in_future',
    });
    expect(
      checkRetire({ unit: unit(), activeChildren: 0, today: TODAY }, { effectiveTo: '2025-07-01' }),
    ).toEqual({
      field: 'effectiveTo',
      code: 'not_after_start',
    });
  });

  it('refuses a province that still has communes in force, and a unit already retired', () => {
    expect(
      checkRetire(
        { unit: province(), activeChildren: 94, today: TODAY },
        { effectiveTo: '2026-01-01' },
      ),
    ).toEqual({
      field: 'code',
      code: 'has_active_communes',
    });
    expect(
      checkRetire(
        { unit: province(), activeChildren: 0, today: TODAY },
        { effectiveTo: '2026-01-01' },
      ),
    ).toBeNull();
    const retired = unit({ status: 'retired', effectiveTo: '2026-01-01' });
    expect(
      checkRetire(
        { unit: retired, activeChildren: 0, today: TODAY },
        { effectiveTo: '2026-02-01' },
      ),
    ).toEqual({
      field: 'code',
      code: 'unit_retired',
    });
  });
});

describe('checkMerge', () => {
  const a = unit({ code: '20242', name: 'Phường Hải Châu' });
  const b = unit({ code: '20257', name: 'Phường Hòa Cường', effectiveFrom: '2025-09-01' });
  const target = unit({ code: '20209', name: 'Phường Thanh Khê' });
  const base: MergeFacts = {
    sources: [a, b],
    activeChildren: [0, 0],
    successor: target,
    newSuccessorParent: province(),
    newSuccessorCodeTaken: false,
    siblingNames: ['Phường Thanh Khê'],
    today: TODAY,
  };
  const intoExisting: MergeRequest = {
    codes: ['20242', '20257'],
    effectiveOn: '2026-01-01',
    successor: { kind: 'existing', code: '20209' },
  };
  const intoNew: MergeRequest = {
    codes: ['20242', '20257'],
    effectiveOn: '2026-01-01',
    successor: { kind: 'new', code: '20999', name: 'Phường Trung Tâm', parentCode: '48' },
  };

  it('merges active units of one level into an existing or a new unit', () => {
    expect(checkMerge(base, intoExisting)).toBeNull();
    expect(checkMerge({ ...base, successor: null }, intoNew)).toBeNull();
  });

  it('merges one unit into an existing one (absorption)', () => {
    expect(
      checkMerge(
        { ...base, sources: [a], activeChildren: [0] },
        { ...intoExisting, codes: ['20242'] },
      ),
    ).toBeNull();
  });

  it.each<[string, Partial<MergeFacts>, Partial<MergeRequest>, string, string]>([
    ['no source', { sources: [], activeChildren: [] }, { codes: [] }, 'codes', 'required'],
    ['a repeated source', { sources: [a, a] }, { codes: ['20242', '20242'] }, 'codes', 'duplicate'],
    ['an unknown source', { sources: [a, null] }, {}, 'codes.1', 'not_found'],
    [
      'a retired source',
      { sources: [a, unit({ code: '20257', status: 'retired', effectiveTo: '2026-01-01' })] },
      {},
      'codes.1',
      'unit_retired',
    ],
    [
      'a province and a commune',
      { sources: [a, province()] },
      { codes: ['20242', '48'] },
      'codes',
      'level_mismatch',
    ],
    [
      'a province with communes',
      { sources: [province()], activeChildren: [94] },
      { codes: ['48'] },
      'codes.0',
      'has_active_communes',
    ],
    ['an unknown successor', { successor: null }, {}, 'successor.code', 'not_found'],
    [
      'a retired successor',
      { successor: unit({ code: '20209', status: 'retired', effectiveTo: '2026-01-01' }) },
      {},
      'successor.code',
      'unit_retired',
    ],
    [
      'a province successor for communes',
      { successor: province() },
      { successor: { kind: 'existing', code: '48' } },
      'successor.code',
      'level_mismatch',
    ],
    ['a date in the future', {}, { effectiveOn: '2026-12-06' }, 'effectiveOn', 'in_future'],
    [
      'a date not after the latest source began',
      {},
      { effectiveOn: '2025-09-01' },
      'effectiveOn',
      'not_after_start',
    ],
  ])('refuses %s', (_what, facts, request, field, code) => {
    expect(checkMerge({ ...base, ...facts }, { ...intoExisting, ...request })).toEqual({
      field,
      code,
    });
  });

  it('refuses a successor that is one of the sources (the cycle a merge could make)', () => {
    expect(
      checkMerge(
        { ...base, successor: a },
        { ...intoExisting, successor: { kind: 'existing', code: '20242' } },
      ),
    ).toEqual({
      field: 'successor.code',
      code: 'successor_is_source',
    });
  });

  it('refuses more sources than a merger has', () => {
    const codes = Array.from({ length: MERGE_SOURCES_MAX + 1 }, (_, i) => String(20000 + i));
    expect(checkMerge(base, { ...intoExisting, codes })).toEqual({
      field: 'codes',
      code: 'too_many',
    });
  });

  it.each<
    [
      string,
      Partial<MergeFacts>,
      Partial<Extract<MergeRequest['successor'], { kind: 'new' }>>,
      string,
      string,
    ]
  >([
    ['a badly formed code', {}, { code: '209' }, 'successor.code', 'invalid_code'],
    ['a code in use', { newSuccessorCodeTaken: true }, {}, 'successor.code', 'code_taken'],
    ['no name', {}, { name: ' ' }, 'successor.name', 'required'],
    [
      'a name in use under the parent',
      {},
      { name: 'Phường Thanh Khê' },
      'successor.name',
      'name_taken',
    ],
    ['an unknown parent', { newSuccessorParent: null }, {}, 'successor.parentCode', 'not_found'],
    [
      'a retired parent',
      { newSuccessorParent: province({ status: 'retired', effectiveTo: '2026-01-01' }) },
      {},
      'successor.parentCode',
      'unit_retired',
    ],
    [
      'a commune as parent',
      { newSuccessorParent: target },
      {},
      'successor.parentCode',
      'not_found',
    ],
  ])('refuses a new successor with %s', (_what, facts, successor, field, code) => {
    const request = {
      ...intoNew,
      successor: {
        ...(intoNew.successor as Extract<MergeRequest['successor'], { kind: 'new' }>),
        ...successor,
      },
    };
    expect(checkMerge({ ...base, successor: null, ...facts }, request)).toEqual({ field, code });
  });

  it('a new province has no parent', () => {
    const provinces = {
      ...base,
      sources: [province(), province({ code: '49', name: 'Tỉnh Khác' })],
      activeChildren: [0, 0],
      successor: null,
      siblingNames: [],
    };
    const request: MergeRequest = {
      codes: ['48', '49'],
      effectiveOn: '2026-01-01',
      successor: { kind: 'new', code: '50', name: 'Tỉnh Mới', parentCode: null },
    };
    expect(checkMerge(provinces, request)).toBeNull();
    expect(
      checkMerge(provinces, {
        ...request,
        successor: { ...request.successor, parentCode: '48' } as MergeRequest['successor'],
      }),
    ).toEqual({
      field: 'successor.parentCode',
      code: 'not_allowed',
    });
    expect(
      checkMerge(provinces, {
        ...request,
        successor: { kind: 'new', code: '500', name: 'Tỉnh Mới', parentCode: null },
      }),
    ).toEqual({
      field: 'successor.code',
      code: 'invalid_code',
    });
  });
});

describe('currentSuccessor', () => {
  const successors: Record<string, string | null> = {
    A: 'B',
    B: 'C',
    C: null,
    D: null,
    X: 'Y',
    Y: 'X',
  };
  const of = (code: string) => successors[code] ?? null;

  it('follows the chain to the unit in force', () => {
    expect(currentSuccessor('A', of)).toEqual({ code: 'C', hops: 2 });
    expect(currentSuccessor('B', of)).toEqual({ code: 'C', hops: 1 });
  });

  it('a unit without successor is its own', () => {
    expect(currentSuccessor('C', of)).toEqual({ code: 'C', hops: 0 });
    expect(currentSuccessor('D', of)).toEqual({ code: 'D', hops: 0 });
  });

  it('stops on a cycle instead of looping', () => {
    expect(() => currentSuccessor('X', of)).toThrow(RangeError);
  });
});
