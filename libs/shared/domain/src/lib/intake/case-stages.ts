import { CASE_STAGES } from './vocabulary';
import type { CaseStage } from './vocabulary';

/**
 * IASC case-management steps. Any open stage may move to closure (the survivor may stop at any
 * time); a pending closure that is not approved goes back to follow-up because the stage it came
 * from is not tracked. A reopened case starts again with a fresh assessment.
 */
export const CASE_STAGE_TRANSITIONS: Readonly<Record<CaseStage, readonly CaseStage[]>> = {
  intake: ['assessment', 'closure_pending'],
  assessment: ['case_planning', 'closure_pending'],
  case_planning: ['implementation', 'closure_pending'],
  implementation: ['follow_up', 'closure_pending'],
  follow_up: ['implementation', 'closure_pending'],
  closure_pending: ['closed', 'follow_up'],
  closed: ['reopened'],
  reopened: ['assessment', 'closure_pending'],
};

/** Every stage in which the case is still being worked (closure pending approval included). */
export const OPEN_CASE_STAGES: readonly CaseStage[] = CASE_STAGES.filter(
  (stage) => stage !== 'closed',
);

export function canMoveCase(from: CaseStage, to: CaseStage): boolean {
  return CASE_STAGE_TRANSITIONS[from].includes(to);
}

/** A supervisor approves every closure and every reopening (DOMAIN.md §1, supervisor role). */
export function transitionNeedsSupervisor(from: CaseStage, to: CaseStage): boolean {
  return (
    (from === 'closure_pending' && to === 'closed') || (from === 'closed' && to === 'reopened')
  );
}
