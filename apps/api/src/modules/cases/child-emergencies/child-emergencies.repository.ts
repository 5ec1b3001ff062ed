import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ChildEmergencySource, ChildInterventionMeasure } from '@caunoi/shared/domain';

export interface ChildEmergencyRow {
  id: string;
  caseId: string;
  source: ChildEmergencySource;
  sourceId: string | null;
  reasonEnc: string | null;
  markedByName: string | null;
  startedAt: Date;
  interventionMeasure: ChildInterventionMeasure | null;
  interventionNoteEnc: string | null;
  interventionTakenAt: Date | null;
  interventionByName: string | null;
  interventionRecordedAt: Date | null;
}

const FROM = `child_emergencies e
  LEFT JOIN users m ON m.id = e.marked_by_user_id
  LEFT JOIN users i ON i.id = e.intervention_by_user_id`;
const COLUMNS = `e.id, e.case_id AS "caseId", e.source, e.source_id AS "sourceId",
  e.reason_enc AS "reasonEnc", m.display_name AS "markedByName", e.started_at AS "startedAt",
  e.intervention_measure AS "interventionMeasure", e.intervention_note_enc AS "interventionNoteEnc",
  e.intervention_taken_at AS "interventionTakenAt", i.display_name AS "interventionByName",
  e.intervention_recorded_at AS "interventionRecordedAt"`;

@Injectable()
export class ChildEmergenciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A case's emergencies, latest first (a handful over a case's life). */
  list(caseId: string): Promise<ChildEmergencyRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE e.case_id = $1 ORDER BY e.started_at DESC, e.id`,
      [caseId],
    );
  }

  async get(caseId: string, id: string, m?: EntityManager): Promise<ChildEmergencyRow | null> {
    const rows = (await (m ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE e.case_id = $1 AND e.id = $2`,
      [caseId, id],
    )) as ChildEmergencyRow[];
    return rows[0] ?? null;
  }

  /** Whether an emergency of the case waits for its intervention (the caller holds the case's lock). */
  async hasOpen(m: EntityManager, caseId: string): Promise<boolean> {
    const rows = (await m.query(
      `SELECT 1 FROM child_emergencies WHERE case_id = $1 AND intervention_recorded_at IS NULL`,
      [caseId],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(
    m: EntityManager,
    e: {
      caseId: string;
      source: ChildEmergencySource;
      sourceId: string | null;
      reasonEnc: string | null;
      markedByUserId: string;
      startedAt: Date;
    },
  ): Promise<string> {
    const rows = (await m.query(
      `INSERT INTO child_emergencies (case_id, source, source_id, reason_enc, marked_by_user_id, started_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [e.caseId, e.source, e.sourceId, e.reasonEnc, e.markedByUserId, e.startedAt],
    )) as { id: string }[];
    return (rows[0] as { id: string }).id;
  }

  async recordIntervention(
    m: EntityManager,
    id: string,
    r: {
      measure: ChildInterventionMeasure;
      noteEnc: string | null;
      takenAt: Date;
      byUserId: string;
      recordedAt: Date;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE child_emergencies SET intervention_measure = $2, intervention_note_enc = $3,
              intervention_taken_at = $4, intervention_by_user_id = $5, intervention_recorded_at = $6
        WHERE id = $1 AND intervention_recorded_at IS NULL`,
      [id, r.measure, r.noteEnc, r.takenAt, r.byUserId, r.recordedAt],
    );
  }
}
