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

/** The facts a stage needs to fire, read under a row lock on the stage. */
export interface LockedStage {
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

  /** Locks the stage row: a second worker on the same stage waits here, then finds it fired. */
  async lockStage(
    m: EntityManager,
    deadlineId: string,
    stage: string,
  ): Promise<LockedStage | null> {
    const [row] = (await m.query(
      `SELECT s.id AS "stageId", s.due_at AS "stageDueAt", s.fired_at AS "firedAt", s.cancelled_at AS "cancelledAt",
              s.audience, s.kind AS "stageKind", s.offset_ms::float8 AS "offsetMs", d.status AS "deadlineStatus",
              d.kind AS "deadlineKind", d.due_at AS "deadlineDueAt", d.subject_id AS "subjectId", d.case_id AS "caseId", d.agency_id AS "agencyId",
              sv.code AS "survivorCode", ag.name AS "agencyName"
         FROM deadline_stages s
         JOIN deadlines d ON d.id = s.deadline_id
         JOIN agencies ag ON ag.id = d.agency_id
         LEFT JOIN cases c ON c.id = d.case_id
         LEFT JOIN survivors sv ON sv.id = c.survivor_id
        WHERE s.deadline_id = $1 AND s.stage = $2
          FOR UPDATE OF s`,
      [deadlineId, stage],
    )) as LockedStage[];
    return row ?? null;
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

  async notify(
    m: EntityManager,
    stageId: string,
    userIds: string[],
    kind: string,
    caseId: string | null,
    params: Record<string, string | number | boolean | null>,
    link: string | null,
  ): Promise<number> {
    let created = 0;
    for (const userId of userIds) {
      const rows = (await m.query(
        `INSERT INTO notifications (user_id, kind, deadline_stage_id, case_id, params, link)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (deadline_stage_id, user_id) WHERE deadline_stage_id IS NOT NULL DO NOTHING RETURNING id`,
        [userId, kind, stageId, caseId, JSON.stringify(params), link],
      )) as unknown[];
      created += rows.length;
    }
    return created;
  }

  async markFired(m: EntityManager, stageId: string, at: Date): Promise<void> {
    await m.query(`UPDATE deadline_stages SET fired_at = $2 WHERE id = $1`, [stageId, at]);
  }

  /** Past its due instant with no report: the clock is breached (it keeps escalating). */
  async markBreached(m: EntityManager, stageId: string): Promise<void> {
    await m.query(
      `UPDATE deadlines SET status = 'breached', updated_at = now()
        WHERE id = (SELECT deadline_id FROM deadline_stages WHERE id = $1) AND status = 'pending'`,
      [stageId],
    );
  }
}
