import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { RiskAssessmentView } from '@caunoi/shared/contracts';
import {
  assessmentMarksSeriousDanger,
  checkRiskAnswers,
  judgedRiskLevel,
  riskAudienceFor,
  riskLevelRank,
  scoreRiskAnswers,
} from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { UnitOfWork } from '../../../database/unit-of-work';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { NotificationOutbox } from '../../notifications/notification-outbox';
import { CaseAccess } from '../case-access';
import { ChildEmergencyClocks } from '../child-emergencies/child-emergency-clocks';
import type { CreateRiskAssessmentDto } from './risk-assessment.dto';
import type { RiskAssessmentRow } from './risk-assessments.repository';
import { RiskAssessmentsRepository } from './risk-assessments.repository';

/**
 * Assessing a case's risk (IASC step 2): answers checked against the instrument version, the score
 * and level computed by the domain, judgement that may only raise it, and the case's risk level set
 * to the latest assessment's. Reaching high risk tells the centre's supervisors at once.
 */
@Injectable()
export class RiskAssessmentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly work: UnitOfWork,
    private readonly repository: RiskAssessmentsRepository,
    private readonly deadlines: DeadlinesService,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
    private readonly outbox: NotificationOutbox,
    private readonly childEmergency: ChildEmergencyClocks,
    private readonly clock: Clock,
  ) {}

  async list({ user: actor, ability }: Caller, caseId: string): Promise<RiskAssessmentView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.repository.listForCase(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'risk_assessment.read',
      subjectType: 'RiskAssessment',
      fields: rows.some((r) => r.overrideReasonEnc) ? ['answers', 'overrideReason'] : ['answers'],
      details: { count: rows.length },
    });
    return rows.map((row) => this.map(row));
  }

  async create(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: CreateRiskAssessmentDto,
  ): Promise<RiskAssessmentView> {
    // A closed case is refused by loadForUpdate (409 case_closed).
    const created = await this.work.run(async (tx) => {
      const m = tx.manager;
      const found = await this.access.loadForUpdate(m, ability, caseId, 'update');
      const instrument = await this.repository.getInstrument(dto.instrumentId, m);
      if (!instrument || instrument.status !== 'published') {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'instrumentId',
          'not_current',
          'assess with the current published version of an instrument',
        );
      }
      const audience = riskAudienceFor(found.survivor.ageGroup);
      if (instrument.audience !== audience) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          'instrumentId',
          'wrong_audience',
          audience === 'child'
            ? 'the survivor is a child: use the child instrument'
            : 'the survivor is not a child: use the adult instrument',
        );
      }
      const problems = checkRiskAnswers(instrument.content, dto.answers);
      if (problems.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
      const scored = scoreRiskAnswers(instrument.content, dto.answers);
      const override = dto.overrideLevel
        ? { level: dto.overrideLevel, reason: dto.overrideReason ?? null }
        : null;
      const judged = judgedRiskLevel(scored.computedLevel, override);
      if (judged.problem) {
        throw new FieldErrorException(HttpStatus.BAD_REQUEST, [judged.problem]);
      }
      const id = await this.repository.insertAssessment(m, {
        caseId,
        instrumentId: instrument.id,
        answers: Object.fromEntries(
          instrument.content.items.map((item) => [item.key, dto.answers[item.key] ?? null]),
        ),
        score: scored.score,
        computedLevel: scored.computedLevel,
        overrideLevel: override ? judged.level : null,
        overrideReasonEnc: override ? this.cipher.encrypt((override.reason ?? '').trim()) : null,
        level: judged.level,
        assessedByUserId: actor.id,
        assessedAt: this.clock.now(),
      });
      await this.repository.setCaseRiskLevel(m, caseId, judged.level);
      // This assessment is the review the running clock asked for; the next is due by the level.
      await this.deadlines.startCaseReviewClock(
        tx,
        'risk_reassessment',
        found,
        { type: 'RiskAssessment', id },
        this.config.reassessmentDays[judged.level],
      );
      await tx.audit({
        actor,
        caseId,
        action: 'risk_assessment.create',
        subjectType: 'RiskAssessment',
        subjectId: id,
        fields: override ? ['answers', 'overrideLevel', 'overrideReason'] : ['answers'],
        details: {
          level: judged.level,
          score: scored.score,
          instrumentVersion: instrument.version,
        },
      });
      // A case that reaches high risk needs the supervisor now; staying high does not repeat it.
      if (judged.level === 'high' && riskLevelRank(found.riskLevel) < riskLevelRank('high')) {
        await this.outbox.send(
          m,
          await this.outbox.activeUsers(m, found.agencyId, ['supervisor']),
          'case.high_risk',
          caseId,
          { survivorCode: found.survivor.code },
          `/cases/${caseId}`,
        );
      }
      // A child assessment reaching high risk is serious danger: the 12-hour clock starts (once).
      const danger = {
        audience: instrument.audience,
        level: judged.level,
        previousCaseLevel: found.riskLevel,
      };
      if (assessmentMarksSeriousDanger(danger)) {
        await this.childEmergency.start(tx, actor, found, this.childEmergency.isChild(found), {
          source: 'assessment',
          sourceId: id,
          startedAt: this.clock.now(),
          reasonEnc: null,
        });
      }
      const rows = await this.repository.listForCase(caseId, m);
      return rows.find((r) => r.id === id) as RiskAssessmentRow;
    });
    return this.map(created);
  }

  private map(row: RiskAssessmentRow): RiskAssessmentView {
    const scored = scoreRiskAnswers(row.instrumentContent, row.answers);
    return {
      id: row.id,
      caseId: row.caseId,
      instrument: {
        id: row.instrumentId,
        code: row.instrumentCode,
        version: row.instrumentVersion,
        audience: row.instrumentAudience,
      },
      answers: row.answers,
      score: row.score,
      maxScore: scored.maxScore,
      computedLevel: row.computedLevel,
      overrideLevel: row.overrideLevel,
      overrideReason: row.overrideReasonEnc ? this.cipher.decrypt(row.overrideReasonEnc) : null,
      level: row.level,
      criticalYes: scored.criticalYes,
      assessedByName: row.assessedByName,
      assessedAt: row.assessedAt.toISOString(),
    };
  }
}
