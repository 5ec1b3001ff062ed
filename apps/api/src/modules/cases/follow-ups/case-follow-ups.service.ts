import { HttpStatus, Injectable } from '@nestjs/common';
import type { FollowUpView } from '@caunoi/shared/contracts';
import type { FollowUpProblem } from '@caunoi/shared/domain';
import { checkFollowUpDate, checkFollowUpOutcome, vietnamDateOf } from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { Tx } from '../../../database/unit-of-work';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import { CaseAccess } from '../case-access';
import type { RecordFollowUpOutcomeDto, ScheduleFollowUpDto } from './case-follow-up.dto';
import { mapFollowUp } from './case-follow-up.dto';
import type { FollowUpRow } from './case-follow-ups.repository';
import { CaseFollowUpsRepository } from './case-follow-ups.repository';

/**
 * Follow-up contacts: each planned one runs a `follow_up` clock (reminder to the caseworker,
 * escalation to the supervisors once the day passes); recording its outcome meets the clock and,
 * with a next date, plans the next contact in the same transaction.
 */
@Injectable()
export class CaseFollowUpsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly followUps: CaseFollowUpsRepository,
    private readonly deadlines: DeadlinesService,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list({ user: actor, ability }: Caller, caseId: string): Promise<FollowUpView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.followUps.list(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'follow_up.read',
      subjectType: 'FollowUp',
      fields: ['note'],
      details: { count: rows.length },
    });
    return rows.map((row) => this.map(row));
  }

  async schedule(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: ScheduleFollowUpDto,
  ): Promise<FollowUpView> {
    const now = this.clock.now();
    throwIfAny(
      HttpStatus.BAD_REQUEST,
      checkFollowUpDate('plannedOn', dto.plannedOn, vietnamDateOf(now)),
    );
    return this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const id = await this.plan(tx, found, dto.plannedOn, dto.method, actor.id, now);
      await tx.audit({
        actor,
        caseId,
        action: 'follow_up.schedule',
        subjectType: 'FollowUp',
        subjectId: id,
        details: { plannedOn: dto.plannedOn, method: dto.method },
      });
      return this.map((await this.followUps.get(tx.manager, caseId, id)) as FollowUpRow);
    });
  }

  async recordOutcome(
    { user: actor, ability }: Caller,
    caseId: string,
    followUpId: string,
    dto: RecordFollowUpOutcomeDto,
  ): Promise<FollowUpView> {
    const now = this.clock.now();
    return this.work.run(async (tx) => {
      const m = tx.manager;
      // The case row's lock orders two people recording the same contact: the second gets a 409.
      const found = await this.access.loadForUpdate(m, ability, caseId, 'update');
      const current = await this.followUps.get(m, caseId, followUpId);
      if (!current)
        throw fieldError(HttpStatus.NOT_FOUND, 'childId', 'not_found', 'Follow-up not found');
      const nextOn = dto.nextOn ?? null;
      const problems = checkFollowUpOutcome(current.status, { nextOn }, vietnamDateOf(now));
      const done = problems.filter((p) => p.code === 'already_recorded');
      throwIfAny(HttpStatus.CONFLICT, done);
      throwIfAny(HttpStatus.BAD_REQUEST, problems);
      const note = dto.note?.trim() ? this.cipher.encrypt(dto.note.trim()) : null;
      await this.followUps.recordOutcome(m, followUpId, {
        outcome: dto.outcome,
        noteEnc: note,
        doneAt: now,
        doneByUserId: actor.id,
      });
      const { onTime } = await this.deadlines.meetFollowUpClock(tx, followUpId);
      let nextId: string | null = null;
      if (nextOn !== null) {
        const method = dto.nextMethod ?? current.method;
        nextId = await this.plan(tx, found, nextOn, method, actor.id, now);
        await this.followUps.linkNext(m, followUpId, nextId);
      }
      await tx.audit({
        actor,
        caseId,
        action: 'follow_up.record',
        subjectType: 'FollowUp',
        subjectId: followUpId,
        fields: note ? ['outcome', 'note'] : ['outcome'],
        details: { outcome: dto.outcome, onTime, nextFollowUpId: nextId },
      });
      return this.map((await this.followUps.get(m, caseId, followUpId)) as FollowUpRow);
    });
  }

  private async plan(
    tx: Tx,
    caseRef: { id: string; agencyId: string },
    plannedOn: string,
    method: ScheduleFollowUpDto['method'],
    userId: string,
    now: Date,
  ): Promise<string> {
    const id = await this.followUps.insert(tx.manager, {
      caseId: caseRef.id,
      plannedOn,
      method,
      createdByUserId: userId,
      createdAt: now,
    });
    await this.deadlines.startFollowUpClock(tx, caseRef, { id, plannedOn });
    return id;
  }

  private map(row: FollowUpRow): FollowUpView {
    return mapFollowUp(row, row.noteEnc ? this.cipher.decrypt(row.noteEnc) : null);
  }
}

function throwIfAny(status: HttpStatus, problems: FollowUpProblem[]): void {
  if (problems.length > 0) throw new FieldErrorException(status, problems);
}
