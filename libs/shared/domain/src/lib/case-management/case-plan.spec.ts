import type {
  CasePlanAction,
  CasePlanContent,
  CasePlanStatus,
  CasePlanStep,
  PlanActionStatus,
} from './case-plan';
import {
  identifyPlanActions,
  planActionClockSteps,
  planActionStages,
  allowedCasePlanSteps,
  casePlanTransition,
  changedCasePlanParts,
  checkCasePlan,
  normaliseCasePlan,
  overduePlanActions,
} from './case-plan';

const TODAY = '2026-12-05';
const AGENCY = '11111111-1111-4111-8111-111111111111';
const plan = (over: Partial<CasePlanContent> = {}): CasePlanContent => ({
  needs: [{ domain: 'legal', text: 'Cần tư vấn về ly hôn' }],
  goals: [{ domain: 'legal', text: 'Hiểu quyền của mình khi ly hôn' }],
  actions: [
    {
      domain: 'legal',
      text: 'Gặp luật sư trợ giúp pháp lý',
      ownerAgencyId: AGENCY,
      dueOn: '2026-12-20',
      status: 'planned',
    },
  ],
  ...over,
});
const codes = (problems: { field: string; code: string }[]) =>
  problems.map((p) => `${p.field}:${p.code}`);

describe('case plan: the approval table', () => {
  // Every step over every latest status: the next status, or the refusal.
  const table: [CasePlanStatus | 'none', Record<CasePlanStep, string>][] = [
    ['none', { save: 'draft', submit: '!no_plan', approve: '!no_plan', return: '!no_plan' }],
    [
      'draft',
      {
        save: 'draft',
        submit: 'submitted',
        approve: '!plan_not_submitted',
        return: '!plan_not_submitted',
      },
    ],
    [
      'submitted',
      {
        save: '!plan_submitted',
        submit: '!plan_submitted',
        approve: 'approved',
        return: 'returned',
      },
    ],
    [
      'approved',
      {
        save: 'draft',
        submit: '!plan_not_draft',
        approve: '!plan_not_submitted',
        return: '!plan_not_submitted',
      },
    ],
    [
      'returned',
      {
        save: 'draft',
        submit: '!plan_not_draft',
        approve: '!plan_not_submitted',
        return: '!plan_not_submitted',
      },
    ],
  ];
  it.each(table)('from %s', (latest, row) => {
    for (const [step, expected] of Object.entries(row) as [CasePlanStep, string][]) {
      const result = casePlanTransition(latest, step);
      const got = 'refused' in result ? `!${result.refused}` : result.next;
      expect(`${step}: ${got}`).toBe(`${step}: ${expected}`);
    }
  });

  it('offers the steps that are open', () => {
    expect(allowedCasePlanSteps('none')).toEqual(['save']);
    expect(allowedCasePlanSteps('draft')).toEqual(['save', 'submit']);
    expect(allowedCasePlanSteps('submitted')).toEqual(['approve', 'return']);
    expect(allowedCasePlanSteps('approved')).toEqual(['save']);
    expect(allowedCasePlanSteps('returned')).toEqual(['save']);
  });
});

describe('case plan: content', () => {
  it('accepts a plan with a goal and an action owned by a referred agency or the centre', () => {
    expect(checkCasePlan(plan(), TODAY, [AGENCY])).toEqual([]);
    const own = plan();
    own.actions[0] = { ...own.actions[0], ownerAgencyId: null };
    expect(checkCasePlan(own, TODAY, [])).toEqual([]);
  });

  it.each([
    ['no goal', plan({ goals: [] }), ['goals:no_goal']],
    ['only blank goals', plan({ goals: [{ domain: 'health', text: '  ' }] }), ['goals:no_goal']],
    ['no action', plan({ actions: [] }), ['actions:no_action']],
    [
      'an agency the case is not referred to',
      plan({
        actions: [{ ...plan().actions[0], ownerAgencyId: '22222222-2222-4222-8222-222222222222' }],
      }),
      ['actions.0.ownerAgencyId:owner_not_referred'],
    ],
    [
      'due more than a year ahead',
      plan({ actions: [{ ...plan().actions[0], dueOn: '2027-12-07' }] }),
      ['actions.0.dueOn:due_too_far'],
    ],
  ])('refuses %s', (_name, content, expected) => {
    expect(codes(checkCasePlan(content, TODAY, [AGENCY]))).toEqual(expected);
  });

  it('keeps a past due date (an overdue action is carried as it is)', () => {
    const late = plan({ actions: [{ ...plan().actions[0], dueOn: '2026-11-01' }] });
    expect(checkCasePlan(late, TODAY, [AGENCY])).toEqual([]);
  });

  it('trims texts and drops empty entries', () => {
    expect(
      normaliseCasePlan(
        plan({
          needs: [
            { domain: 'health', text: '  Khám thương tích ' },
            { domain: 'shelter', text: ' ' },
          ],
        }),
      ).needs,
    ).toEqual([{ domain: 'health', text: 'Khám thương tích' }]);
  });

  it.each([
    ['planned, due yesterday', 'planned', '2026-12-04', true],
    ['in progress, due yesterday', 'in_progress', '2026-12-04', true],
    ['planned, due today', 'planned', '2026-12-05', false],
    ['done, due long ago', 'done', '2026-10-01', false],
    ['cancelled, due long ago', 'cancelled', '2026-10-01', false],
  ] as const)('overdue: %s → %s', (_name, status, dueOn, overdue) => {
    const content = plan({ actions: [{ ...plan().actions[0], status, dueOn }] });
    expect(overduePlanActions(content, TODAY)).toHaveLength(overdue ? 1 : 0);
  });

  it('names the parts that changed', () => {
    expect(changedCasePlanParts(null, plan())).toEqual(['needs', 'goals', 'actions']);
    const next = plan({ actions: [{ ...plan().actions[0], status: 'done' }] });
    expect(changedCasePlanParts(plan(), next)).toEqual(['actions']);
    expect(changedCasePlanParts(plan(), plan())).toEqual([]);
  });
});

describe('plan action clocks', () => {
  const act = (
    id: string | undefined,
    status: PlanActionStatus,
    dueOn = '2026-12-20',
  ): CasePlanAction => ({
    ...(id === undefined ? {} : { id }),
    domain: 'safety',
    text: `Việc ${id ?? 'mới'}`,
    ownerAgencyId: null,
    dueOn,
    status,
  });

  it('reminds the caseworker 3 and 1 days before and tells the supervisors at the due instant', () => {
    expect(planActionStages().map((s) => [s.stage, s.audience, s.offsetMs / 86_400_000])).toEqual([
      ['reminder_3d', 'assigned_caseworker', -3],
      ['reminder_1d', 'assigned_caseworker', -1],
      ['escalation_due', 'supervisors', 0],
    ]);
  });

  // Before → after for one action `a`: what happens to its clock.
  it.each([
    [
      'new and planned',
      null,
      act('a', 'planned'),
      [{ step: 'start', id: 'a', dueOn: '2026-12-20' }],
    ],
    [
      'new and in progress',
      null,
      act('a', 'in_progress'),
      [{ step: 'start', id: 'a', dueOn: '2026-12-20' }],
    ],
    ['new and already done', null, act('a', 'done'), []],
    ['new and cancelled', null, act('a', 'cancelled'), []],
    ['planned, unchanged', act('a', 'planned'), act('a', 'planned'), []],
    ['planned → in progress', act('a', 'planned'), act('a', 'in_progress'), []],
    ['planned → done', act('a', 'planned'), act('a', 'done'), [{ step: 'meet', id: 'a' }]],
    ['in progress → done', act('a', 'in_progress'), act('a', 'done'), [{ step: 'meet', id: 'a' }]],
    [
      'planned → cancelled',
      act('a', 'planned'),
      act('a', 'cancelled'),
      [{ step: 'cancel', id: 'a', reason: 'action_cancelled' }],
    ],
    [
      'planned → removed',
      act('a', 'planned'),
      null,
      [{ step: 'cancel', id: 'a', reason: 'action_removed' }],
    ],
    [
      'planned, re-dated',
      act('a', 'planned'),
      act('a', 'planned', '2026-12-28'),
      [
        { step: 'cancel', id: 'a', reason: 'due_changed' },
        { step: 'start', id: 'a', dueOn: '2026-12-28' },
      ],
    ],
    ['done, unchanged', act('a', 'done'), act('a', 'done'), []],
    ['done → removed', act('a', 'done'), null, []],
    ['cancelled → removed', act('a', 'cancelled'), null, []],
    ['an old action without an id', act(undefined, 'planned'), null, []],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(planActionClockSteps(before ? [before] : [], after ? [after] : [])).toEqual(expected);
  });

  it('ends clocks before starting any', () => {
    const steps = planActionClockSteps(
      [act('a', 'planned')],
      [act('b', 'planned'), act('a', 'planned', '2026-12-22')],
    );
    expect(steps.map((s) => `${s.step}:${s.id}`)).toEqual(['cancel:a', 'start:a', 'start:b']);
  });

  describe('identity', () => {
    let n = 0;
    const newId = () => `new-${++n}`;
    beforeEach(() => (n = 0));

    it('keeps known ids and gives new actions one', () => {
      const out = identifyPlanActions(
        [act('a', 'planned')],
        [act('a', 'done'), act(undefined, 'planned')],
        newId,
      );
      expect(out.problems).toEqual([]);
      expect(out.actions.map((a) => a.id)).toEqual(['a', 'new-1']);
    });

    it('gives a done or cancelled action set going again a new id (a new clock)', () => {
      const out = identifyPlanActions(
        [act('a', 'done'), act('b', 'cancelled'), act('c', 'done')],
        [act('a', 'planned'), act('b', 'in_progress'), act('c', 'done')],
        newId,
      );
      expect(out.actions.map((a) => a.id)).toEqual(['new-1', 'new-2', 'c']);
    });

    it('refuses an unknown id and a repeated one, naming the field', () => {
      const out = identifyPlanActions(
        [act('a', 'planned')],
        [act('a', 'planned'), act('zzz', 'planned'), act('a', 'planned')],
        newId,
      );
      expect(out.problems.map((p) => [p.field, p.code])).toEqual([
        ['actions.1.id', 'unknown_action'],
        ['actions.2.id', 'duplicate_action'],
      ]);
    });
  });
});
