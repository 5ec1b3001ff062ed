import { HttpStatus, Injectable } from '@nestjs/common';
import type { CreateIncidentRequest } from '@caunoi/shared/contracts';
import type { ClassificationAnswers, GbvType } from '@caunoi/shared/domain';
import { CLASSIFICATION_QUESTIONS, classifyIncident } from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { AdministrativeUnitLookup } from '../administrative-units/administrative-unit-lookup';
import type { IncidentEntity } from './incident.entity';

// A few minutes of clock skew between a browser and the server is not "in the future".
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Checks the facts of an incident that class-validator cannot, and derives its GBVIMS type. */
@Injectable()
export class IncidentInput {
  constructor(
    private readonly units: AdministrativeUnitLookup,
    private readonly clock: Clock,
  ) {}

  /** `keepCommune`: the commune the incident already names, which may stay after its unit retired. */
  async prepare(
    dto: CreateIncidentRequest,
    prefix: string,
    keepCommune: string | null = null,
  ): Promise<
    Omit<
      IncidentEntity,
      'id' | 'caseId' | 'descriptionEnc' | 'createdByUserId' | 'version' | 'createdAt' | 'updatedAt'
    >
  > {
    const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
    const now = this.clock.now().getTime() + CLOCK_SKEW_MS;
    const occurredAt = new Date(dto.occurredAt);
    const discoveredAt = new Date(dto.discoveredAt);
    if (occurredAt.getTime() > now) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field('occurredAt'),
        'in_future',
        'occurredAt cannot be in the future',
      );
    }
    if (discoveredAt.getTime() > now) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field('discoveredAt'),
        'in_future',
        'discoveredAt cannot be in the future',
      );
    }
    if (discoveredAt < occurredAt) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field('discoveredAt'),
        'before_occurred',
        'discoveredAt cannot be before the incident happened',
      );
    }
    const gbvType = this.classify(dto.classificationAnswers, field('classificationAnswers'));
    if (dto.serious && dto.seriousReasons.length === 0) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field('seriousReasons'),
        'serious_reason_required',
        'a serious incident needs at least one reason',
      );
    }
    if (!dto.serious && dto.seriousReasons.length > 0) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field('seriousReasons'),
        'reasons_without_serious',
        'seriousReasons are only for a serious incident',
      );
    }
    await this.units.requireCommune(dto.communeCode, field('communeCode'), { keep: keepCommune });
    return {
      occurredAt,
      occurredPrecision: dto.occurredPrecision,
      discoveredAt,
      communeCode: dto.communeCode,
      classificationAnswers: dto.classificationAnswers,
      gbvType,
      dvForms: dto.dvForms,
      contextFlags: dto.contextFlags,
      perpetrators: dto.perpetrators.map((p) => ({
        relationship: p.relationship,
        sex: p.sex,
        ageGroup: p.ageGroup,
      })),
      injuries: dto.injuries,
      serious: dto.serious,
      seriousReasons: dto.seriousReasons,
    };
  }

  /** The worker answers questions; the type follows from the answers (DOMAIN.md §4). */
  private classify(answers: Record<string, unknown>, field: string): GbvType {
    const problems = Object.entries(answers)
      .filter(
        ([key, value]) =>
          !(CLASSIFICATION_QUESTIONS as readonly string[]).includes(key) ||
          typeof value !== 'boolean',
      )
      .map(([key]) => ({
        field: `${field}.${key}`,
        code: 'unknown_question',
        message: `${key} is not a classification question with a yes/no answer`,
      }));
    if (problems.length > 0) throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
    const result = classifyIncident(answers as ClassificationAnswers);
    if (!result.ok) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        `${field}.${result.missing}`,
        'classification_incomplete',
        `answer the classification question "${result.missing}" first`,
      );
    }
    return result.gbvType;
  }
}
