import { HttpStatus, Injectable } from '@nestjs/common';
import type { SafetyPlanView } from '@caunoi/shared/contracts';
import type { SafetyPlanSections } from '@caunoi/shared/domain';
import {
  changedSafetyPlanSections,
  checkSafetyPlan,
  daysBetween,
  normaliseSafetyPlan,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { FieldErrorException } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../../database/unit-of-work';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { CaseAccess } from '../case-access';
import { nextVersion } from '../versioned-record';
import type { SaveSafetyPlanDto } from './safety-plan.dto';
import type { SafetyPlanRow } from './safety-plans.repository';
import { SafetyPlansRepository } from './safety-plans.repository';

/**
 * The case's safety plan: each save is a new version made from the version the editor saw, so two
 * people editing at once never overwrite each other (the second save is a 409 and sees the first).
 */
@Injectable()
export class SafetyPlansService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly plans: SafetyPlansRepository,
    private readonly deadlines: DeadlinesService,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list({ user: actor, ability }: Caller, caseId: string): Promise<SafetyPlanView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.plans.list(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'safety_plan.read',
      subjectType: 'SafetyPlan',
      fields: ['sections'],
      details: { versions: rows.length },
    });
    return rows.map((row) => this.map(row));
  }

  async save(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: SaveSafetyPlanDto,
  ): Promise<SafetyPlanView> {
    const now = this.clock.now();
    const problems = checkSafetyPlan(dto.sections, dto.reviewOn, vietnamDateOf(now));
    if (problems.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
    const sections = normaliseSafetyPlan(dto.sections);
    const saved = await this.work.run(async (tx) => {
      const m = tx.manager;
      // The case row's lock orders concurrent saves of its plan; a closed case is a 409 there.
      const found = await this.access.loadForUpdate(m, ability, caseId, 'update');
      const latest = await this.plans.latest(m, caseId);
      const version = nextVersion(latest, dto.baseVersion);
      const before = latest ? this.decrypt(latest.sectionsEnc) : {};
      const changed = changedSafetyPlanSections(before, sections);
      const id = await this.plans.insert(m, {
        caseId,
        version,
        sectionsEnc: this.cipher.encrypt(JSON.stringify(sections)),
        changedSections: changed,
        reviewOn: dto.reviewOn,
        createdByUserId: actor.id,
        createdAt: now,
      });
      // The review date is a clock: the caseworker is reminded, the supervisors hear if it passes.
      await this.deadlines.startCaseReviewClock(
        tx,
        'safety_plan_review',
        found,
        { type: 'SafetyPlan', id },
        daysBetween(vietnamDateOf(now), dto.reviewOn),
      );
      await tx.audit({
        actor,
        caseId,
        action: 'safety_plan.save',
        subjectType: 'SafetyPlan',
        subjectId: id,
        fields: changed.map((section) => `sections.${section}`),
        details: { version },
      });
      return (await this.plans.latest(m, caseId)) as SafetyPlanRow;
    });
    return this.map(saved);
  }

  private decrypt(sectionsEnc: string): SafetyPlanSections {
    return normaliseSafetyPlan(
      JSON.parse(this.cipher.decrypt(sectionsEnc)) as Record<string, unknown>,
    );
  }

  private map(row: SafetyPlanRow): SafetyPlanView {
    return {
      id: row.id,
      caseId: row.caseId,
      version: row.version,
      sections: this.decrypt(row.sectionsEnc),
      changedSections: row.changedSections,
      reviewOn: row.reviewOn,
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
