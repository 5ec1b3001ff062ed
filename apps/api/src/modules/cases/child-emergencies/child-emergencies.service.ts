import { HttpStatus, Injectable } from '@nestjs/common';
import type { ChildEmergencyView, DeadlineView } from '@caunoi/shared/contracts';
import { checkChildIntervention } from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import { CaseAccess } from '../case-access';
import type { MarkChildEmergencyDto, RecordChildInterventionDto } from './child-emergency.dto';
import { mapChildEmergency } from './child-emergency.dto';
import { ChildEmergencyClocks } from './child-emergency-clocks';
import type { ChildEmergencyRow } from './child-emergencies.repository';
import { ChildEmergenciesRepository } from './child-emergencies.repository';

/**
 * The child emergency on the case file: the list with both clocks, a caseworker marking serious
 * danger (an assessment and a hotline call mark it on their own), and the intervention taken,
 * which meets the 12-hour clock.
 */
@Injectable()
export class ChildEmergenciesService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly emergencies: ChildEmergenciesRepository,
    private readonly starter: ChildEmergencyClocks,
    private readonly deadlines: DeadlinesService,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list({ user: actor, ability }: Caller, caseId: string): Promise<ChildEmergencyView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.emergencies.list(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'child_emergency.read',
      subjectType: 'ChildEmergency',
      fields: ['reason', 'intervention'],
      details: { count: rows.length },
    });
    return this.map(rows);
  }

  /** A caseworker marks serious danger: 409 on an adult survivor or while one waits already. */
  async mark(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: MarkChildEmergencyDto,
  ): Promise<ChildEmergencyView> {
    const id = await this.work.run(async (tx) => {
      const found = await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const started = await this.starter.start(tx, actor, found, this.starter.isChild(found), {
        source: 'caseworker',
        sourceId: null,
        startedAt: this.clock.now(),
        reasonEnc: this.cipher.encrypt(dto.reason.trim()),
      });
      if ('problems' in started) {
        throw new FieldErrorException(HttpStatus.CONFLICT, started.problems);
      }
      return started.id;
    });
    return this.one(caseId, id);
  }

  async recordIntervention(
    { user: actor, ability }: Caller,
    caseId: string,
    emergencyId: string,
    dto: RecordChildInterventionDto,
  ): Promise<ChildEmergencyView> {
    const now = this.clock.now();
    await this.work.run(async (tx) => {
      const m = tx.manager;
      // The case row's lock orders two people recording at once: the second gets the 409.
      await this.access.loadForUpdate(m, ability, caseId, 'update');
      const current = await this.emergencies.get(caseId, emergencyId, m);
      if (!current) {
        throw fieldError(HttpStatus.NOT_FOUND, 'childId', 'not_found', 'Emergency not found');
      }
      if (current.interventionRecordedAt) {
        throw fieldError(
          HttpStatus.CONFLICT,
          'emergency',
          'already_intervened',
          'the intervention of this emergency is recorded already',
        );
      }
      const note = dto.note?.trim() || null;
      const takenAt = new Date(dto.takenAt);
      const problems = checkChildIntervention(
        { measure: dto.measure, note, takenAt },
        current,
        now,
      );
      if (problems.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
      await this.emergencies.recordIntervention(m, emergencyId, {
        measure: dto.measure,
        noteEnc: note ? this.cipher.encrypt(note) : null,
        takenAt,
        byUserId: actor.id,
        recordedAt: now,
      });
      const { onTime } = await this.deadlines.meetChildEmergencyClock(tx, emergencyId);
      await tx.audit({
        actor,
        caseId,
        action: 'child_emergency.intervene',
        subjectType: 'ChildEmergency',
        subjectId: emergencyId,
        fields: note ? ['measure', 'takenAt', 'note'] : ['measure', 'takenAt'],
        details: { measure: dto.measure, onTime },
      });
    });
    return this.one(caseId, emergencyId);
  }

  /** Read after commit: the clocks are read outside the transaction that wrote them. */
  private async one(caseId: string, id: string): Promise<ChildEmergencyView> {
    const row = (await this.emergencies.get(caseId, id)) as ChildEmergencyRow;
    const [view] = await this.map([row]);
    return view as ChildEmergencyView;
  }

  private async map(rows: ChildEmergencyRow[]): Promise<ChildEmergencyView[]> {
    const clocks = await this.deadlines.forChildEmergencies(rows.map((r) => r.id));
    const clockOf = (kind: string, id: string): DeadlineView | null =>
      clocks.find((c) => c.kind === kind && c.subjectId === id) ?? null;
    return rows.map((row) =>
      mapChildEmergency(
        row,
        {
          reason: this.cipher.decryptOptional(row.reasonEnc),
          note: this.cipher.decryptOptional(row.interventionNoteEnc),
        },
        {
          emergency: clockOf('child_emergency', row.id),
          supportPlan: clockOf('child_support_plan', row.id),
        },
      ),
    );
  }
}
