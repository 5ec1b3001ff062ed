import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { CasePlanView } from '@caunoi/shared/contracts';
import type { CasePlanContent, CasePlanStatus, CasePlanStep } from '@caunoi/shared/domain';
import {
  casePlanTransition,
  changedCasePlanParts,
  checkCasePlan,
  identifyPlanActions,
  normaliseCasePlan,
  planActionClockSteps,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import type { Tx } from '../../../database/unit-of-work';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { NotificationOutbox } from '../../notifications/notification-outbox';
import { ReferralsRepository } from '../../referrals/referrals.repository';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import { CaseAccess } from '../case-access';
import { nextVersion } from '../versioned-record';
import type { CaseWithPeople } from '../cases.repository';
import type { SaveCasePlanDto } from './case-plan.dto';
import type { CasePlanRow } from './case-plans.repository';
import { CasePlansRepository } from './case-plans.repository';

const REFUSALS = {
  plan_submitted: 'a version of the plan waits for a supervisor: it is decided first',
  no_plan: 'the case has no plan yet',
  plan_not_draft: 'only a draft is submitted: save the change first',
  plan_not_submitted: 'no version of the plan waits for a decision',
} as const;

/**
 * The case action plan: each save is a new version made from the version the editor saw (a stale
 * save is a 409, as the safety plan's); the caseworker submits a version, a supervisor of the centre
 * (never the one who submitted it) approves it or returns it with a comment. Hand-offs notify with
 * the survivor code and a link only.
 */
@Injectable()
export class CasePlansService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly plans: CasePlansRepository,
    private readonly access: CaseAccess,
    private readonly referrals: ReferralsRepository,
    private readonly outbox: NotificationOutbox,
    private readonly deadlines: DeadlinesService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list({ user: actor, ability }: Caller, caseId: string): Promise<CasePlanView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.plans.listForCase(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'case_plan.read',
      subjectType: 'CasePlan',
      fields: ['content'],
      details: { versions: rows.length },
    });
    return rows.map((row) => this.map(row));
  }

  async save(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: SaveCasePlanDto,
  ): Promise<CasePlanView> {
    const now = this.clock.now();
    const content: CasePlanContent = { needs: dto.needs, goals: dto.goals, actions: dto.actions };
    const saved = await this.work.run(async (tx) => {
      const m = tx.manager;
      // The case row's lock orders concurrent saves; a closed case is a 409 there.
      const found = await this.access.loadForUpdate(m, ability, caseId, 'update');
      const problems = checkCasePlan(
        content,
        vietnamDateOf(now),
        await this.referrals.agencyIdsReferredFromCase(m, caseId),
      );
      if (problems.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
      const latest = await this.plans.latest(m, caseId);
      this.step(latest, 'save');
      const version = nextVersion(latest, dto.baseVersion);
      const before = latest ? this.decrypt(latest.contentEnc) : null;
      // Indexes in the problems are those of the request, so ids are given before trimming.
      const identified = identifyPlanActions(before?.actions ?? [], content.actions, randomUUID);
      if (identified.problems.length > 0) {
        throw new FieldErrorException(HttpStatus.BAD_REQUEST, identified.problems);
      }
      const clean = normaliseCasePlan({ ...content, actions: identified.actions });
      const changed = changedCasePlanParts(before, clean);
      const status: CasePlanStatus = dto.submit ? 'submitted' : 'draft';
      const id = await this.plans.insert(m, {
        caseId,
        version,
        status,
        contentEnc: this.cipher.encrypt(JSON.stringify(clean)),
        changedParts: changed,
        createdByUserId: actor.id,
        createdAt: now,
      });
      await tx.audit({
        actor,
        caseId,
        action: 'case_plan.save',
        subjectType: 'CasePlan',
        subjectId: id,
        fields: changed,
        details: { version, status },
      });
      await this.followActions(tx, found, before?.actions ?? [], clean.actions);
      if (dto.submit) await this.submitted(tx, found, actor.id);
      return (await this.plans.latest(m, caseId)) as CasePlanRow;
    });
    return this.map(saved);
  }

  async submit(
    { user: actor, ability }: Caller,
    caseId: string,
    version: number,
  ): Promise<CasePlanView> {
    return this.decide(ability, caseId, version, 'update', 'submit', async (tx, found, latest) => {
      await this.plans.markSubmitted(tx.manager, latest.id, actor.id, this.clock.now());
      await tx.audit({
        actor,
        caseId,
        action: 'case_plan.submit',
        subjectType: 'CasePlan',
        subjectId: latest.id,
        fields: ['status'],
        details: { version },
      });
      await this.submitted(tx, found, actor.id);
    });
  }

  async approve(
    { user: actor, ability }: Caller,
    caseId: string,
    version: number,
  ): Promise<CasePlanView> {
    return this.decide(
      ability,
      caseId,
      version,
      'approve',
      'approve',
      async (tx, found, latest) => {
        this.notOwn(latest, actor.id);
        await this.plans.markDecided(tx.manager, latest.id, {
          status: 'approved',
          userId: actor.id,
          at: this.clock.now(),
          commentEnc: null,
        });
        await tx.audit({
          actor,
          caseId,
          action: 'case_plan.approve',
          subjectType: 'CasePlan',
          subjectId: latest.id,
          fields: ['status'],
          details: { version },
        });
        await this.notifySubmitter(tx, found, latest, 'case_plan.approved');
      },
    );
  }

  async return(
    { user: actor, ability }: Caller,
    caseId: string,
    version: number,
    comment: string,
  ): Promise<CasePlanView> {
    return this.decide(ability, caseId, version, 'approve', 'return', async (tx, found, latest) => {
      this.notOwn(latest, actor.id);
      await this.plans.markDecided(tx.manager, latest.id, {
        status: 'returned',
        userId: actor.id,
        at: this.clock.now(),
        commentEnc: this.cipher.encrypt(comment.trim()),
      });
      await tx.audit({
        actor,
        caseId,
        action: 'case_plan.return',
        subjectType: 'CasePlan',
        subjectId: latest.id,
        fields: ['status', 'comment'],
        details: { version },
      });
      await this.notifySubmitter(tx, found, latest, 'case_plan.returned');
    });
  }

  /**
   * The actions' due-date clocks follow the latest version: a new open action starts one, done meets
   * it, cancelled or removed ends it, a new date ends it and starts another (docs/deadlines.md).
   */
  private async followActions(
    tx: Tx,
    found: CaseWithPeople,
    before: CasePlanContent['actions'],
    after: CasePlanContent['actions'],
  ): Promise<void> {
    for (const step of planActionClockSteps(before, after)) {
      if (step.step === 'start') {
        await this.deadlines.startPlanActionClock(tx, found, { id: step.id, dueOn: step.dueOn });
      } else if (step.step === 'meet') {
        await this.deadlines.meetPlanActionClock(tx, step.id);
      } else {
        await this.deadlines.cancelPlanActionClock(tx, step.id, step.reason);
      }
    }
  }

  /** Submit, approve, return: on the latest version, which must be the one the person saw. */
  private async decide(
    ability: Caller['ability'],
    caseId: string,
    version: number,
    permission: 'update' | 'approve',
    step: CasePlanStep,
    act: (tx: Tx, found: CaseWithPeople, latest: CasePlanRow) => Promise<void>,
  ): Promise<CasePlanView> {
    const row = await this.work.run(async (tx) => {
      const m = tx.manager;
      const found = await this.access.loadForUpdate(m, ability, caseId, permission);
      const latest = await this.plans.latest(m, caseId);
      this.step(latest, step);
      const current = latest as CasePlanRow;
      if (current.version !== version) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'version',
          'stale_version',
          `the latest version is ${current.version}: review it first`,
        );
      }
      await act(tx, found, current);
      return (await this.plans.latest(m, caseId)) as CasePlanRow;
    });
    return this.map(row);
  }

  private step(latest: CasePlanRow | null, step: CasePlanStep): CasePlanStatus {
    const result = casePlanTransition(latest?.status ?? 'none', step);
    if ('refused' in result) {
      throw fieldError(HttpStatus.CONFLICT, 'status', result.refused, REFUSALS[result.refused]);
    }
    return result.next;
  }

  /** The two-person rule: a supervisor never decides a version they submitted. */
  private notOwn(latest: CasePlanRow, actorId: string): void {
    if (latest.submittedByUserId === actorId) {
      throw fieldError(
        HttpStatus.CONFLICT,
        'submittedBy',
        'own_request',
        'another supervisor must decide a plan you submitted',
      );
    }
  }

  /**
   * A version goes to the supervisors. For a child in an emergency it is the support plan of
   * Decree 56/2017: submitting it meets the 5-working-day clock (docs/case-management.md).
   */
  private async submitted(tx: Tx, found: CaseWithPeople, actorId: string): Promise<void> {
    await this.notifySupervisors(tx, found, actorId);
    await this.deadlines.meetChildSupportPlanClock(tx, found.id);
  }

  private async notifySupervisors(tx: Tx, found: CaseWithPeople, actorId: string): Promise<void> {
    const supervisors = await this.outbox.activeUsers(tx.manager, found.agencyId, ['supervisor']);
    await this.notify(
      tx,
      supervisors.filter((id) => id !== actorId),
      'case_plan.submitted',
      found,
    );
  }

  private async notifySubmitter(
    tx: Tx,
    found: CaseWithPeople,
    latest: CasePlanRow,
    kind: string,
  ): Promise<void> {
    const submitter = latest.submittedByUserId ?? latest.createdByUserId;
    await this.notify(
      tx,
      await this.outbox.userOrSupervisors(tx.manager, submitter, found.agencyId),
      kind,
      found,
    );
  }

  /** Codes and a link only: the survivor's code, never a name or the plan. */
  private notify(tx: Tx, userIds: string[], kind: string, found: CaseWithPeople): Promise<void> {
    return this.outbox.send(
      tx.manager,
      userIds,
      kind,
      found.id,
      { survivorCode: found.survivor.code },
      `/cases/${found.id}`,
    );
  }

  private decrypt(contentEnc: string): CasePlanContent {
    return JSON.parse(this.cipher.decrypt(contentEnc)) as CasePlanContent;
  }

  private map(row: CasePlanRow): CasePlanView {
    return {
      id: row.id,
      caseId: row.caseId,
      version: row.version,
      status: row.status,
      content: this.decrypt(row.contentEnc),
      changedParts: row.changedParts,
      createdByUserId: row.createdByUserId,
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
      submittedByUserId: row.submittedByUserId,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      decidedByName: row.decidedByName,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      comment: this.cipher.decryptOptional(row.commentEnc),
    };
  }
}
