import {
  CASE_STAGE_TRANSITIONS,
  OPEN_CASE_STAGES,
  canMoveCase,
  transitionNeedsSupervisor,
} from './case-stages';
import { CASE_STAGES } from './vocabulary';
import type { CaseStage } from './vocabulary';

const ALLOWED = new Set<string>([
  'intake>assessment',
  'intake>closure_pending',
  'assessment>case_planning',
  'assessment>closure_pending',
  'case_planning>implementation',
  'case_planning>closure_pending',
  'implementation>follow_up',
  'implementation>closure_pending',
  'follow_up>implementation',
  'follow_up>closure_pending',
  'closure_pending>closed',
  'closure_pending>follow_up',
  'closed>reopened',
  'reopened>assessment',
  'reopened>closure_pending',
]);

const SUPERVISED = new Set<string>(['closure_pending>closed', 'closed>reopened']);

const ALL_PAIRS: [CaseStage, CaseStage][] = CASE_STAGES.flatMap((from) =>
  CASE_STAGES.map((to): [CaseStage, CaseStage] => [from, to]),
);

describe('canMoveCase', () => {
  it('covers all 64 stage pairs', () => {
    expect(ALL_PAIRS).toHaveLength(64);
  });

  it.each(ALL_PAIRS)('%s → %s', (from, to) => {
    expect(canMoveCase(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it('never moves a case to the stage it is in', () => {
    for (const stage of CASE_STAGES) expect(canMoveCase(stage, stage)).toBe(false);
  });

  it('lets every open stage except closure_pending go to closure_pending', () => {
    for (const stage of OPEN_CASE_STAGES) {
      expect(canMoveCase(stage, 'closure_pending')).toBe(stage !== 'closure_pending');
    }
  });

  it('only reaches closed through closure_pending', () => {
    for (const stage of CASE_STAGES) {
      expect(canMoveCase(stage, 'closed')).toBe(stage === 'closure_pending');
    }
  });
});

describe('CASE_STAGE_TRANSITIONS', () => {
  it('lists each target once and only known stages', () => {
    for (const stage of CASE_STAGES) {
      const targets = CASE_STAGE_TRANSITIONS[stage];
      expect(new Set(targets).size).toBe(targets.length);
      for (const target of targets) expect(CASE_STAGES).toContain(target);
    }
  });

  it('reaches every stage from intake', () => {
    const seen = new Set<CaseStage>(['intake']);
    const queue: CaseStage[] = ['intake'];
    for (let stage = queue.shift(); stage !== undefined; stage = queue.shift()) {
      for (const next of CASE_STAGE_TRANSITIONS[stage]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STAGES].sort());
  });
});

describe('transitionNeedsSupervisor', () => {
  it.each(ALL_PAIRS)('%s → %s', (from, to) => {
    expect(transitionNeedsSupervisor(from, to)).toBe(SUPERVISED.has(`${from}>${to}`));
  });
});

describe('OPEN_CASE_STAGES', () => {
  it('is every stage except closed, in vocabulary order', () => {
    expect(OPEN_CASE_STAGES).toEqual([
      'intake',
      'assessment',
      'case_planning',
      'implementation',
      'follow_up',
      'closure_pending',
      'reopened',
    ]);
  });
});
