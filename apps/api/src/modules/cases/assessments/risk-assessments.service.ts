import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { RiskAssessmentView } from '@caunoi/shared/contracts';
import type {
  RiskAnswers,
  RiskAudience,
  RiskInstrumentContent,
  RiskLevel,
} from '@caunoi/shared/domain';
import {
  assessmentCorrectionEffects,
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
import type { Tx } from '../../../database/unit-of-work';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { AuthenticatedUser } from '../../authz/authenticated-user';
import { DeadlinesService } from '../../deadlines/deadlines.service';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { NotificationOutbox } from '../../notifications/notification-outbox';
import { CaseAccess } from '../case-access';
import type { CaseWithPeople } from '../cases.repository';
import { CaseCorrectionsService } from '../corrections/case-corrections.service';
import { assertCurrentVersion } from '../versioned-record';
import { ChildEmergencyClocks } from '../child-emergencies/child-emergency-clocks';
import type { CorrectRiskAssessmentDto, CreateRiskAssessmentDto } from './risk-assessment.dto';
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
    private readonly corrections: CaseCorrectionsService,
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
      const judged = judge(instrument.content, dto);
      const { scored, override, level } = judged;
      const id = await this.repository.insertAssessment(m, {
        caseId,
        instrumentId: instrument.id,
        ...this.stored(judged),
        assessedByUserId: actor.id,
        assessedAt: this.clock.now(),
      });
      await this.repository.setCaseRiskLevel(m, caseId, level);
      // This assessment is the review the running clock asked for; the next is due by the level.
      await this.deadlines.startCaseReviewClock(
        tx,
        'risk_reassessment',
        found,
        { type: 'RiskAssessment', id },
        this.config.reassessmentDays[level],
      );
      await tx.audit({
        actor,
        caseId,
        action: 'risk_assessment.create',
        subjectType: 'RiskAssessment',
        subjectId: id,
        fields: override ? ['answers', 'overrideLevel', 'overrideReason'] : ['answers'],
        details: {
          level,
          score: scored.score,
          instrumentVersion: instrument.version,
        },
      });
      // A case that reaches high risk needs the supervisor now; staying high does not repeat it.
      if (level === 'high' && riskLevelRank(found.riskLevel) < riskLevelRank('high')) {
        await this.tellSupervisors(tx, found);
      }
      await this.startChildEmergency(tx, actor, found, instrument.audience, level, id);
      const rows = await this.repository.listForCase(caseId, m);
      return rows.find((r) => r.id === id) as RiskAssessmentRow;
    });
    return this.map(created);
  }

  /**
   * Corrects a saved assessment with a reason: the answers are checked and scored again with the
   * assessment's own instrument version (a retired one too), judgement may still only raise the
   * computed level, and the values it replaces are kept in the correction history. A correction of
   * the case's latest assessment moves the case's risk level with it (docs/case-management.md).
   */
  async correct(
    { user: actor, ability }: Caller,
    caseId: string,
    assessmentId: string,
    dto: CorrectRiskAssessmentDto,
  ): Promise<RiskAssessmentView> {
    const corrected = await this.work.run(async (tx) => {
      const m = tx.manager;
      const found = await this.access.loadForUpdate(m, ability, caseId, 'update');
      const row = await this.repository.getForUpdate(m, caseId, assessmentId);
      if (!row) {
        throw fieldError(HttpStatus.NOT_FOUND, 'childId', 'not_found', 'Assessment not found');
      }
      assertCurrentVersion(row.version, dto.version);
      const judged = judge(row.instrumentContent, dto);
      const { answers, scored, override, level } = judged;
      const fields = await this.corrections.record(tx, actor, {
        caseId,
        subjectType: 'RiskAssessment',
        subjectId: assessmentId,
        before: {
          answers: row.answers,
          overrideLevel: row.overrideLevel,
          overrideReason: row.overrideReasonEnc ? this.cipher.decrypt(row.overrideReasonEnc) : null,
          level: row.level,
        },
        after: {
          answers,
          overrideLevel: override ? level : null,
          overrideReason: override?.reason ?? null,
          level,
        },
        reason: dto.reason,
      });
      await this.repository.correct(m, assessmentId, this.stored(judged));
      const effects = assessmentCorrectionEffects({
        isLatest: row.isLatest,
        before: row.level,
        after: level,
        caseLevel: found.riskLevel,
      });
      if (effects.caseLevel) await this.repository.setCaseRiskLevel(m, caseId, effects.caseLevel);
      if (effects.reviewLevel) {
        await this.deadlines.startCaseReviewClock(
          tx,
          'risk_reassessment',
          found,
          { type: 'RiskAssessment', id: assessmentId },
          this.config.reassessmentDays[effects.reviewLevel],
          { end: 'brought_forward', reason: 'risk_assessment_corrected' },
        );
      }
      await tx.audit({
        actor,
        caseId,
        action: 'risk_assessment.correct',
        subjectType: 'RiskAssessment',
        subjectId: assessmentId,
        fields,
        details: { level, previousLevel: row.level, score: scored.score, latest: row.isLatest },
      });
      if (effects.notifySupervisors) await this.tellSupervisors(tx, found);
      if (row.isLatest) {
        await this.startChildEmergency(
          tx,
          actor,
          found,
          row.instrumentAudience,
          level,
          assessmentId,
        );
      }
      const rows = await this.repository.listForCase(caseId, m);
      return rows.find((r) => r.id === assessmentId) as RiskAssessmentRow;
    });
    return this.map(corrected);
  }

  /** A judged assessment as its row stores it (the judgement's reason encrypted). */
  private stored(j: Judged) {
    return {
      answers: j.answers,
      score: j.scored.score,
      computedLevel: j.scored.computedLevel,
      overrideLevel: j.override ? j.level : null,
      overrideReasonEnc: j.override ? this.cipher.encrypt(j.override.reason) : null,
      level: j.level,
    };
  }

  private async tellSupervisors(tx: Tx, found: CaseWithPeople): Promise<void> {
    await this.outbox.send(
      tx.manager,
      await this.outbox.activeUsers(tx.manager, found.agencyId, ['supervisor']),
      'case.high_risk',
      found.id,
      { survivorCode: found.survivor.code },
      `/cases/${found.id}`,
    );
  }

  /** A child assessment reaching high risk is serious danger: the 12-hour clock starts (once). */
  private async startChildEmergency(
    tx: Tx,
    actor: AuthenticatedUser,
    found: CaseWithPeople,
    audience: RiskAudience,
    level: RiskLevel,
    assessmentId: string,
  ): Promise<void> {
    if (!assessmentMarksSeriousDanger({ audience, level, previousCaseLevel: found.riskLevel })) {
      return;
    }
    await this.childEmergency.start(tx, actor, found, this.childEmergency.isChild(found), {
      source: 'assessment',
      sourceId: assessmentId,
      startedAt: this.clock.now(),
      reasonEnc: null,
    });
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
      version: row.version,
    };
  }
}

/**
 * Checks the answers against the instrument version and scores them; judgement may only raise the
 * computed level (400 naming the field otherwise). Items left out are stored as "not known".
 */
type Judged = ReturnType<typeof judge>;

function judge(
  content: RiskInstrumentContent,
  dto: { answers: RiskAnswers; overrideLevel?: RiskLevel | null; overrideReason?: string | null },
) {
  const problems = checkRiskAnswers(content, dto.answers);
  if (problems.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
  const scored = scoreRiskAnswers(content, dto.answers);
  const requested = dto.overrideLevel
    ? { level: dto.overrideLevel, reason: dto.overrideReason ?? null }
    : null;
  const judged = judgedRiskLevel(scored.computedLevel, requested);
  if (judged.problem) throw new FieldErrorException(HttpStatus.BAD_REQUEST, [judged.problem]);
  return {
    answers: Object.fromEntries(
      content.items.map((item) => [item.key, dto.answers[item.key] ?? null]),
    ) as RiskAnswers,
    scored,
    override: requested ? { reason: (requested.reason ?? '').trim() } : null,
    level: judged.level,
  };
}
