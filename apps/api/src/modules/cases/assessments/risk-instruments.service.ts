import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { RiskInstrumentView } from '@caunoi/shared/contracts';
import type { RiskInstrumentContent } from '@caunoi/shared/domain';
import { checkRiskInstrument, maxRiskScore } from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { Caller } from '../../authz/caller';
import type { RiskInstrumentRow } from './risk-assessments.repository';
import { RiskAssessmentsRepository } from './risk-assessments.repository';

export function mapInstrument(
  row: RiskInstrumentRow & { assessmentCount?: number },
): RiskInstrumentView {
  return {
    ...(row.assessmentCount === undefined ? {} : { assessmentCount: row.assessmentCount }),
    id: row.id,
    code: row.code,
    version: row.version,
    audience: row.audience,
    status: row.status,
    content: row.content,
    maxScore: maxRiskScore(row.content.items),
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/**
 * Admins keep the risk instruments: a new version starts as a draft, is checked, and once published
 * never changes (the database refuses it too). Publishing retires the previous version; assessments
 * made with it keep pointing at it.
 */
@Injectable()
export class RiskInstrumentsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly repository: RiskAssessmentsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Admins see every version, each with how many assessments were made with it (in use: it stays as
   * it is, and a change is a new version); caseworkers and supervisors the ones new assessments use.
   */
  async list({ ability }: Caller): Promise<RiskInstrumentView[]> {
    const rows = ability.can('create', 'RiskInstrument')
      ? await this.repository.listInstruments()
      : await this.repository.publishedInstruments();
    return rows.map(mapInstrument);
  }

  async get({ ability }: Caller, id: string): Promise<RiskInstrumentView> {
    const row = await this.repository.getInstrument(id);
    // A draft is the admins' work in progress.
    if (!row || (row.status === 'draft' && !ability.can('create', 'RiskInstrument'))) {
      throw new NotFoundException('Risk instrument not found');
    }
    return mapInstrument(row);
  }

  async createDraft(
    { user: actor }: Caller,
    content: RiskInstrumentContent,
  ): Promise<RiskInstrumentView> {
    const clean = normalise(content);
    assertSound(clean);
    const row = await this.work.run(async (tx) => {
      const m = tx.manager;
      const version = await this.repository.nextVersion(m, clean.code);
      const saved = await this.repository.insertDraft(m, {
        content: clean,
        version,
        createdByUserId: actor.id,
      });
      await tx.audit({
        actor,
        action: 'risk_instrument.create',
        subjectType: 'RiskInstrument',
        subjectId: saved.id,
        details: { code: clean.code, version },
      });
      return saved;
    });
    return mapInstrument(row);
  }

  async publish({ user: actor }: Caller, id: string): Promise<RiskInstrumentView> {
    const row = await this.work.run(async (tx) => {
      const m = tx.manager;
      const found = await this.repository.getInstrument(id, m, true);
      if (!found) throw new NotFoundException('Risk instrument not found');
      if (found.status !== 'draft') {
        throw fieldError(
          HttpStatus.CONFLICT,
          'status',
          'not_draft',
          'only a draft can be published; a published version never changes',
        );
      }
      assertSound(found.content);
      await this.repository.nextVersion(m, found.code); // takes the code's lock
      await this.repository.publish(m, id, found.code, this.clock.now());
      await tx.audit({
        actor,
        action: 'risk_instrument.publish',
        subjectType: 'RiskInstrument',
        subjectId: id,
        details: { code: found.code, version: found.version },
      });
      return this.repository.getInstrument(id, m);
    });
    return mapInstrument(row as RiskInstrumentRow);
  }
}

function assertSound(content: RiskInstrumentContent): void {
  const problems = checkRiskInstrument(content);
  if (problems.length > 0) {
    throw new FieldErrorException(HttpStatus.BAD_REQUEST, problems);
  }
}

/** Only the fields an instrument has, trimmed: what is stored is exactly what is checked. */
function normalise(content: RiskInstrumentContent): RiskInstrumentContent {
  const text = (t: { vi: string; en: string }) => ({ vi: t.vi.trim(), en: t.en.trim() });
  return {
    code: content.code,
    audience: content.audience,
    title: text(content.title),
    thresholds: { medium: content.thresholds.medium, high: content.thresholds.high },
    items: content.items.map((item) => ({
      key: item.key,
      kind: item.kind,
      weight: item.weight,
      ...(item.scaleMax !== undefined ? { scaleMax: item.scaleMax } : {}),
      ...(item.critical ? { critical: true } : {}),
      text: text(item.text),
      ...(item.scaleLabels ? { scaleLabels: item.scaleLabels.map(text) } : {}),
    })),
  };
}
