import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationOutbox } from '../notifications/notification-outbox';
import type { AgencyType, StageAudience, StageKind } from '@caunoi/shared/domain';

export interface ReferralFacts {
  code: string;
  toAgencyId: string;
  toAgencyType: AgencyType;
  referredByUserId: string;
}

/** What a protection clock's stage needs: the measure's code and the agencies at each end. */
export interface MeasureFacts {
  code: string;
  decidingAgencyId: string | null;
  policeAgencyId: string | null;
  requestedByUserId: string;
}

export interface ConferenceActionFacts {
  conferenceId: string;
  conferenceCode: string;
  ownerAgencyId: string;
  convenedByUserId: string;
}

/** A stage as its job names it. */
export interface StageRef {
  deadlineId: string;
  stage: string;
}

/** The notifications one fired stage sends. */
export interface StageNotice {
  stageId: string;
  userIds: string[];
  kind: string;
  caseId: string | null;
  params: Record<string, string | number | boolean | null>;
  link: string | null;
}

/** The facts a stage needs to fire, read under a row lock on the stage. */
export interface LockedStage extends StageRef {
  stageId: string;
  stageDueAt: Date;
  firedAt: Date | null;
  cancelledAt: Date | null;
  audience: StageAudience;
  stageKind: StageKind;
  offsetMs: number;
  deadlineStatus: string;
  deadlineKind: string;
  deadlineDueAt: Date;
  subjectId: string;
  caseId: string | null;
  agencyId: string;
  survivorCode: string | null;
  /** The agency whose clock it is (named in a periodic report's escalation to the province). */
  agencyName: string;
}

@Injectable()
export class StageFiringRepository {
  constructor(private readonly outbox: NotificationOutbox) {}

  /**
   * Locks the stages' rows, in id order (two batches that share a stage wait for each other instead of
   * deadlocking): a second worker on the same stage waits here, then finds it fired. Stages that do not
   * exist are absent from the answer.
   */
  async lockStages(m: EntityManager, refs: readonly StageRef[]): Promise<LockedStage[]> {
    return (await m.query(
      `SELECT s.id AS "stageId", s.deadline_id AS "deadlineId", s.stage, s.due_at AS "stageDueAt",
              s.fired_at AS "firedAt", s.cancelled_at AS "cancelledAt",
              s.audience, s.kind AS "stageKind", s.offset_ms::float8 AS "offsetMs", d.status AS "deadlineStatus",
              d.kind AS "deadlineKind", d.due_at AS "deadlineDueAt", d.subject_id AS "subjectId", d.case_id AS "caseId", d.agency_id AS "agencyId",
              sv.code AS "survivorCode", ag.name AS "agencyName"
         FROM deadline_stages s
         JOIN deadlines d ON d.id = s.deadline_id
         JOIN agencies ag ON ag.id = d.agency_id
         LEFT JOIN cases c ON c.id = d.case_id
         LEFT JOIN survivors sv ON sv.id = c.survivor_id
        WHERE (s.deadline_id, s.stage) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
        ORDER BY s.id
          FOR UPDATE OF s`,
      [refs.map((r) => r.deadlineId), refs.map((r) => r.stage)],
    )) as LockedStage[];
  }

  /** What a referral clock's stage needs: its code, and who sits at each end. */
  async referralFacts(m: EntityManager, referralId: string): Promise<ReferralFacts | null> {
    const [row] = (await m.query(
      `SELECT r.code, r.to_agency_id AS "toAgencyId", a.type AS "toAgencyType",
              r.referred_by_user_id AS "referredByUserId"
         FROM referrals r JOIN agencies a ON a.id = r.to_agency_id WHERE r.id = $1`,
      [referralId],
    )) as ReferralFacts[];
    return row ?? null;
  }

  async measureFacts(m: EntityManager, measureId: string): Promise<MeasureFacts | null> {
    const [row] = (await m.query(
      `SELECT code, deciding_agency_id AS "decidingAgencyId", police_agency_id AS "policeAgencyId",
              requested_by_user_id AS "requestedByUserId"
         FROM protective_measures WHERE id = $1`,
      [measureId],
    )) as MeasureFacts[];
    return row ?? null;
  }

  /** What a conference action's stage needs: the conference code, the owner and the convener. */
  async conferenceActionFacts(
    m: EntityManager,
    actionId: string,
  ): Promise<ConferenceActionFacts | null> {
    const [row] = (await m.query(
      `SELECT cc.id AS "conferenceId", cc.code AS "conferenceCode", ca.owner_agency_id AS "ownerAgencyId",
              cc.convened_by_user_id AS "convenedByUserId"
         FROM conference_actions ca JOIN case_conferences cc ON cc.id = ca.conference_id
        WHERE ca.id = $1`,
      [actionId],
    )) as ConferenceActionFacts[];
    return row ?? null;
  }

  /** Marks the miss on the referral's timeline (the sending case sees it). */
  async recordReferralOverdue(
    m: EntityManager,
    referralId: string,
    stage: string,
    at: Date,
  ): Promise<void> {
    await m.query(
      `INSERT INTO referral_events (referral_id, case_id, event, reason, at)
       SELECT id, case_id, 'response_overdue', $2, $3 FROM referrals WHERE id = $1`,
      [referralId, stage, at],
    );
  }

  /** Active users a stage speaks to. The assigned caseworker falls back to the supervisors when none is assigned. */
  async recipients(
    m: EntityManager,
    audience: StageAudience,
    caseId: string | null,
    agencyId: string,
  ): Promise<string[]> {
    if (audience === 'assigned_caseworker' && caseId) {
      const [assigned] = (await m.query(
        `SELECT u.id FROM cases c JOIN users u ON u.id = c.assigned_user_id WHERE c.id = $1 AND u.disabled_at IS NULL`,
        [caseId],
      )) as { id: string }[];
      if (assigned) return [assigned.id];
    }
    if (audience === 'reporting_officers') {
      const rows = (await m.query(
        `SELECT u.id FROM users u JOIN agencies a ON a.id = u.agency_id
          WHERE u.role = 'reporting_officer' AND u.disabled_at IS NULL AND a.type = 'reporting_authority' AND a.active
            AND a.province_code = (SELECT province_code FROM agencies WHERE id = $1)`,
        [agencyId],
      )) as { id: string }[];
      return rows.map((r) => r.id);
    }
    return this.outbox.activeUsers(m, agencyId, ['supervisor']);
  }

  /**
   * One notification per stage and recipient, for a batch of stages in one INSERT; one that exists
   * already (a retry) is left alone. Returns how many were created per stage id.
   */
  async notifyMany(m: EntityManager, notices: StageNotice[]): Promise<Map<string, number>> {
    const rows: [string, string, string, string | null, string, string | null][] = [];
    for (const n of notices) {
      const params = JSON.stringify(n.params);
      for (const userId of new Set(n.userIds)) {
        rows.push([userId, n.kind, n.stageId, n.caseId, params, n.link]);
      }
    }
    const created = new Map<string, number>();
    if (rows.length === 0) return created;
    const column = (i: number) => rows.map((row) => row[i]);
    const inserted = (await m.query(
      `INSERT INTO notifications (user_id, kind, deadline_stage_id, case_id, params, link)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::jsonb[], $6::text[])
       ON CONFLICT (deadline_stage_id, user_id) WHERE deadline_stage_id IS NOT NULL DO NOTHING
       RETURNING deadline_stage_id AS "stageId"`,
      [0, 1, 2, 3, 4, 5].map(column),
    )) as { stageId: string }[];
    for (const { stageId } of inserted) created.set(stageId, (created.get(stageId) ?? 0) + 1);
    return created;
  }

  async markFired(m: EntityManager, stageIds: string[], at: Date): Promise<void> {
    await m.query(`UPDATE deadline_stages SET fired_at = $2 WHERE id = ANY($1::uuid[])`, [
      stageIds,
      at,
    ]);
  }

  /** Past their due instant with no report: the clocks are breached (they keep escalating). Locked in id order. */
  async markBreached(m: EntityManager, deadlineIds: string[]): Promise<void> {
    if (deadlineIds.length === 0) return;
    await m.query(
      `UPDATE deadlines SET status = 'breached', updated_at = now()
        WHERE id IN (SELECT id FROM deadlines WHERE id = ANY($1::uuid[]) AND status = 'pending'
                      ORDER BY id FOR UPDATE)`,
      [deadlineIds],
    );
  }
}
