import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  RiskAnswers,
  RiskAudience,
  RiskInstrumentContent,
  RiskLevel,
} from '@caunoi/shared/domain';
import type { RiskInstrumentStatus } from '@caunoi/shared/contracts';

export interface RiskInstrumentRow {
  id: string;
  code: string;
  version: number;
  audience: RiskAudience;
  status: RiskInstrumentStatus;
  content: RiskInstrumentContent;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface RiskAssessmentRow {
  id: string;
  caseId: string;
  instrumentId: string;
  instrumentCode: string;
  instrumentVersion: number;
  instrumentAudience: RiskAudience;
  instrumentContent: RiskInstrumentContent;
  answers: RiskAnswers;
  score: number;
  computedLevel: RiskLevel;
  overrideLevel: RiskLevel | null;
  overrideReasonEnc: string | null;
  level: RiskLevel;
  assessedByName: string | null;
  assessedAt: Date;
  version: number;
}

export interface NewRiskAssessment {
  caseId: string;
  instrumentId: string;
  answers: RiskAnswers;
  score: number;
  computedLevel: RiskLevel;
  overrideLevel: RiskLevel | null;
  overrideReasonEnc: string | null;
  level: RiskLevel;
  assessedByUserId: string;
  assessedAt: Date;
}

const INSTRUMENT_COLUMNS = `id, code, version, audience, status, content,
  created_at AS "createdAt", published_at AS "publishedAt"`;

/** Risk instruments and the assessments made with them (raw SQL: both are small, flat reads). */
/** An assessment with its instrument version, as the case file and a correction read it (the joins: a, i). */
const ASSESSMENT_COLUMNS = `a.id, a.case_id AS "caseId", a.instrument_id AS "instrumentId",
  i.code AS "instrumentCode", i.version AS "instrumentVersion", i.audience AS "instrumentAudience",
  i.content AS "instrumentContent", a.answers, a.score, a.computed_level AS "computedLevel",
  a.override_level AS "overrideLevel", a.override_reason_enc AS "overrideReasonEnc", a.level,
  a.assessed_at AS "assessedAt", a.version`;

@Injectable()
export class RiskAssessmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(m?: EntityManager) {
    return m ?? this.dataSource.manager;
  }

  /** Every version, newest first within each code: the admin's list. */
  async listInstruments(): Promise<(RiskInstrumentRow & { assessmentCount: number })[]> {
    return this.q().query(
      `SELECT ${INSTRUMENT_COLUMNS},
              (SELECT count(*)::int FROM risk_assessments a WHERE a.instrument_id = risk_instruments.id)
                AS "assessmentCount"
         FROM risk_instruments ORDER BY code, version DESC`,
    );
  }

  async publishedInstruments(): Promise<RiskInstrumentRow[]> {
    return this.q().query(
      `SELECT ${INSTRUMENT_COLUMNS} FROM risk_instruments WHERE status = 'published' ORDER BY code`,
    );
  }

  async getInstrument(
    id: string,
    m?: EntityManager,
    lock = false,
  ): Promise<RiskInstrumentRow | null> {
    const rows = (await this.q(m).query(
      `SELECT ${INSTRUMENT_COLUMNS} FROM risk_instruments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as RiskInstrumentRow[];
    return rows[0] ?? null;
  }

  /** The next version number of a code, under a lock on the code so two drafts never share one. */
  async nextVersion(m: EntityManager, code: string): Promise<number> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('risk_instrument:' || $1))`, [code]);
    const [row] = (await m.query(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM risk_instruments WHERE code = $1`,
      [code],
    )) as { next: number }[];
    return Number(row?.next ?? 1);
  }

  async insertDraft(
    m: EntityManager,
    draft: { content: RiskInstrumentContent; version: number; createdByUserId: string },
  ): Promise<RiskInstrumentRow> {
    const [row] = (await m.query(
      `INSERT INTO risk_instruments (code, version, audience, content, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${INSTRUMENT_COLUMNS}`,
      [
        draft.content.code,
        draft.version,
        draft.content.audience,
        JSON.stringify(draft.content),
        draft.createdByUserId,
      ],
    )) as RiskInstrumentRow[];
    return row as RiskInstrumentRow;
  }

  /** Retires the code's published version and publishes this one. */
  async publish(m: EntityManager, id: string, code: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE risk_instruments SET status = 'retired' WHERE code = $1 AND status = 'published'`,
      [code],
    );
    await m.query(
      `UPDATE risk_instruments SET status = 'published', published_at = $2 WHERE id = $1`,
      [id, at],
    );
  }

  async insertAssessment(m: EntityManager, a: NewRiskAssessment): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO risk_assessments (case_id, instrument_id, answers, score, computed_level,
         override_level, override_reason_enc, level, assessed_by_user_id, assessed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        a.caseId,
        a.instrumentId,
        JSON.stringify(a.answers),
        a.score,
        a.computedLevel,
        a.overrideLevel,
        a.overrideReasonEnc,
        a.level,
        a.assessedByUserId,
        a.assessedAt,
      ],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  /** A case's assessments, newest first (a case has a handful: no pagination needed). */
  async listForCase(caseId: string, m?: EntityManager): Promise<RiskAssessmentRow[]> {
    return this.q(m).query(
      `SELECT ${ASSESSMENT_COLUMNS}, u.display_name AS "assessedByName"
         FROM risk_assessments a
         JOIN risk_instruments i ON i.id = a.instrument_id
         LEFT JOIN users u ON u.id = a.assessed_by_user_id
        WHERE a.case_id = $1
        ORDER BY a.assessed_at DESC, a.id DESC`,
      [caseId],
    );
  }

  /** Locks one assessment of the case for a correction; its instrument version comes with it. */
  async getForUpdate(
    m: EntityManager,
    caseId: string,
    id: string,
  ): Promise<(RiskAssessmentRow & { isLatest: boolean }) | null> {
    const rows = (await m.query(
      `SELECT ${ASSESSMENT_COLUMNS}, NULL AS "assessedByName",
              NOT EXISTS (SELECT 1 FROM risk_assessments l
                           WHERE l.case_id = a.case_id
                             AND (l.assessed_at, l.id) > (a.assessed_at, a.id)) AS "isLatest"
         FROM risk_assessments a
         JOIN risk_instruments i ON i.id = a.instrument_id
        WHERE a.case_id = $1 AND a.id = $2
          FOR UPDATE OF a`,
      [caseId, id],
    )) as (RiskAssessmentRow & { isLatest: boolean })[];
    return rows[0] ?? null;
  }

  /** Writes a corrected assessment and raises its version. */
  async correct(
    m: EntityManager,
    id: string,
    c: Pick<
      NewRiskAssessment,
      'answers' | 'score' | 'computedLevel' | 'overrideLevel' | 'overrideReasonEnc' | 'level'
    >,
  ): Promise<void> {
    await m.query(
      `UPDATE risk_assessments
          SET answers = $2, score = $3, computed_level = $4, override_level = $5,
              override_reason_enc = $6, level = $7, version = version + 1
        WHERE id = $1`,
      [
        id,
        JSON.stringify(c.answers),
        c.score,
        c.computedLevel,
        c.overrideLevel,
        c.overrideReasonEnc,
        c.level,
      ],
    );
  }

  async setCaseRiskLevel(m: EntityManager, caseId: string, level: RiskLevel): Promise<void> {
    await m.query(`UPDATE cases SET risk_level = $2, updated_at = now() WHERE id = $1`, [
      caseId,
      level,
    ]);
  }
}
