import type { CasePlanContent, CasePlanStatus, CasePlanStep } from './case-plan';
import {
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
