import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  DecidingBody,
  MeasureRequester,
  MeasureStatus,
  ProtectiveMeasureType,
} from '@caunoi/shared/domain';
import { queryNamed } from '../../common/sql';
import type { SqlFilter } from '../authz/accessible-where';

/** The measure's fields the CASL rules on ProtectiveMeasure look at, as SQL. */
export const MEASURE_RULE_COLUMNS = {
  agencyId: 'pm.agency_id',
  assignedUserId: 'c.assigned_user_id',
  decidingAgencyId: 'pm.deciding_agency_id',
  policeAgencyId: 'pm.police_agency_id',
  referringVolunteerId: 'pm.referring_volunteer_id',
} as const;

export interface MeasureRow {
  id: string;
  code: string;
  caseId: string;
  agencyId: string;
  assignedUserId: string | null;
  type: ProtectiveMeasureType;
  status: MeasureStatus;
  requestedBy: MeasureRequester;
  victimConsent: boolean;
  requestedByUserId: string;
  requestedAt: Date;
  decidingBody: DecidingBody;
  decidingAgencyId: string | null;
  policeAgencyId: string | null;
  communeCode: string | null;
  referringVolunteerId: string | null;
  groundsEnc: string | null;
  decision: 'granted' | 'refused' | null;
  decidedAt: Date | null;
  decisionNumber: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  reasonsEnc: string | null;
  supervisingOfficer: string | null;
  supervisionPlanEnc: string | null;
  supervisionPlanAt: Date | null;
  revokedAt: Date | null;
  revocationReasonsEnc: string | null;
  noRenewalAt: Date | null;
  noRenewalReasonEnc: string | null;
  /** Joined for the views: names of the agencies at each end, the commune's name. */
  requestingAgencyName: string;
  decidingAgencyName: string | null;
  policeAgencyName: string | null;
  communeName: string | null;
}

export interface MeasureEventRow {
  measureId: string;
  event: string;
  at: Date;
  details: Record<string, string | null>;
}

const SELECT = `
  SELECT pm.id, pm.code, pm.case_id AS "caseId", pm.agency_id AS "agencyId",
         c.assigned_user_id AS "assignedUserId", pm.type, pm.status, pm.requested_by AS "requestedBy",
         pm.victim_consent AS "victimConsent", pm.requested_by_user_id AS "requestedByUserId",
         pm.requested_at AS "requestedAt", pm.deciding_body AS "decidingBody",
         pm.deciding_agency_id AS "decidingAgencyId", pm.police_agency_id AS "policeAgencyId",
         pm.commune_code AS "communeCode", pm.referring_volunteer_id AS "referringVolunteerId",
         pm.grounds_enc AS "groundsEnc", pm.decision, pm.decided_at AS "decidedAt",
         pm.decision_number AS "decisionNumber", pm.starts_at AS "startsAt", pm.ends_at AS "endsAt",
         pm.reasons_enc AS "reasonsEnc", pm.supervising_officer AS "supervisingOfficer",
         pm.supervision_plan_enc AS "supervisionPlanEnc", pm.supervision_plan_at AS "supervisionPlanAt",
         pm.revoked_at AS "revokedAt", pm.revocation_reasons_enc AS "revocationReasonsEnc",
         pm.no_renewal_at AS "noRenewalAt", pm.no_renewal_reason_enc AS "noRenewalReasonEnc",
         ra.name AS "requestingAgencyName", da.name AS "decidingAgencyName",
         pa.name AS "policeAgencyName", au.name AS "communeName"
    FROM protective_measures pm
    JOIN cases c ON c.id = pm.case_id
    JOIN agencies ra ON ra.id = pm.agency_id
    LEFT JOIN agencies da ON da.id = pm.deciding_agency_id
    LEFT JOIN agencies pa ON pa.id = pm.police_agency_id
    LEFT JOIN administrative_units au ON au.code = pm.commune_code`;

export interface NewMeasure {
  caseId: string;
  agencyId: string;
  type: ProtectiveMeasureType;
  status: MeasureStatus;
  requestedBy: MeasureRequester;
  victimConsent: boolean;
  requestedByUserId: string;
  requestedAt: Date;
  decidingBody: DecidingBody;
  decidingAgencyId: string | null;
  policeAgencyId: string | null;
  communeCode: string | null;
  referringVolunteerId: string | null;
  groundsEnc: string;
}

export interface MeasureDecisionPatch {
  status: MeasureStatus;
  decision: 'granted' | 'refused';
  decidedAt: Date;
  decidedByUserId: string;
  decisionNumber: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  reasonsEnc: string | null;
  clearGrounds: boolean;
}

/** All SQL of protective measures and their history. */
@Injectable()
export class ProtectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, measure: NewMeasure): Promise<string> {
    const [{ n }] = (await m.query(`SELECT nextval('protective_measure_code_seq')::int AS n`)) as {
      n: number;
    }[];
    const code = `BV-${measure.requestedAt.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
    const [row] = (await m.query(
      `INSERT INTO protective_measures (code, case_id, agency_id, type, status, requested_by,
         victim_consent, requested_by_user_id, requested_at, deciding_body, deciding_agency_id,
         police_agency_id, commune_code, referring_volunteer_id, grounds_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        code,
        measure.caseId,
        measure.agencyId,
        measure.type,
        measure.status,
        measure.requestedBy,
        measure.victimConsent,
        measure.requestedByUserId,
        measure.requestedAt,
        measure.decidingBody,
        measure.decidingAgencyId,
        measure.policeAgencyId,
        measure.communeCode,
        measure.referringVolunteerId,
        measure.groundsEnc,
      ],
    )) as { id: string }[];
    return row.id;
  }

  async getById(id: string, m?: EntityManager): Promise<MeasureRow | null> {
    const [row] = (await (m ?? this.dataSource.manager).query(`${SELECT} WHERE pm.id = $1`, [
      id,
    ])) as MeasureRow[];
    return row ?? null;
  }

  /** Locks the measure's row for a change in the caller's transaction, then reads it. */
  async getForUpdate(m: EntityManager, id: string): Promise<MeasureRow | null> {
    await m.query(`SELECT id FROM protective_measures WHERE id = $1 FOR UPDATE`, [id]);
    return this.getById(id, m);
  }

  getForCase(caseId: string): Promise<MeasureRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE pm.case_id = $1 ORDER BY pm.requested_at DESC, pm.id DESC`,
      [caseId],
    ) as Promise<MeasureRow[]>;
  }

  /** A page of the measures the caller may see, by statuses, newest request first. */
  async getInboxPage(
    access: SqlFilter,
    view: 'requests' | 'in_force' | 'closed',
    now: Date,
    after: { requestedAt: string; id: string } | null,
    limit: number,
  ): Promise<MeasureRow[]> {
    const params: Record<string, unknown> = { ...access.params, now, limit };
    // Statuses lag behind time (an order ends at its end): the views read the end too.
    const views = {
      requests: `pm.status = 'requested'`,
      in_force: `pm.status IN ('granted', 'in_force', 'breached') AND (pm.ends_at IS NULL OR pm.ends_at > :now)`,
      closed: `(pm.status IN ('refused', 'revoked', 'ended') OR pm.ends_at <= :now)`,
    } as const;
    let sql = `${SELECT} WHERE (${access.sql}) AND ${views[view]}`;
    if (after) {
      sql += ` AND (pm.requested_at, pm.id) < (:afterAt, :afterId)`;
      params['afterAt'] = after.requestedAt;
      params['afterId'] = after.id;
    }
    sql += ` ORDER BY pm.requested_at DESC, pm.id DESC LIMIT :limit`;
    return queryNamed<MeasureRow>(this.dataSource, sql, params);
  }

  async decide(m: EntityManager, id: string, d: MeasureDecisionPatch): Promise<void> {
    await m.query(
      `UPDATE protective_measures
          SET status = $2, decision = $3, decided_at = $4, decided_by_user_id = $5, decision_number = $6,
              starts_at = $7, ends_at = $8, reasons_enc = $9,
              grounds_enc = CASE WHEN $10 THEN NULL ELSE grounds_enc END, updated_at = now()
        WHERE id = $1`,
      [
        id,
        d.status,
        d.decision,
        d.decidedAt,
        d.decidedByUserId,
        d.decisionNumber,
        d.startsAt,
        d.endsAt,
        d.reasonsEnc,
        d.clearGrounds,
      ],
    );
  }

  async setStatus(m: EntityManager, id: string, status: MeasureStatus): Promise<void> {
    await m.query(`UPDATE protective_measures SET status = $2, updated_at = now() WHERE id = $1`, [
      id,
      status,
    ]);
  }

  async revoke(
    m: EntityManager,
    id: string,
    r: { at: Date; userId: string; reasonsEnc: string },
  ): Promise<void> {
    await m.query(
      `UPDATE protective_measures
          SET status = 'revoked', revoked_at = $2, revoked_by_user_id = $3,
              revocation_reasons_enc = $4, updated_at = now()
        WHERE id = $1`,
      [id, r.at, r.userId, r.reasonsEnc],
    );
  }

  async recordNoRenewal(
    m: EntityManager,
    id: string,
    r: { at: Date; userId: string; reasonEnc: string },
  ): Promise<void> {
    await m.query(
      `UPDATE protective_measures
          SET no_renewal_at = $2, no_renewal_by_user_id = $3, no_renewal_reason_enc = $4,
              updated_at = now()
        WHERE id = $1`,
      [id, r.at, r.userId, r.reasonEnc],
    );
  }

  /**
   * The no-contact orders in force that the caller may report a breach of (filtered by the same
   * rules), with the reference of the community referral the case came from.
   */
  async getBreachTargets(
    access: SqlFilter,
    now: Date,
  ): Promise<{ id: string; code: string; caseId: string; referralReference: string | null }[]> {
    const sql = `
      SELECT pm.id, pm.code, pm.case_id AS "caseId", cr.reference AS "referralReference"
        FROM protective_measures pm
        JOIN cases c ON c.id = pm.case_id
        LEFT JOIN intake_items i ON i.id = c.intake_item_id
        LEFT JOIN community_referrals cr ON cr.id = i.community_referral_id
       WHERE (${access.sql})
         AND pm.type IN ('no_contact_commune', 'no_contact_court')
         AND pm.status IN ('granted', 'in_force', 'breached')
         AND pm.starts_at <= :now AND pm.ends_at > :now
       ORDER BY pm.ends_at, pm.id
       LIMIT 50`;
    return queryNamed<{
      id: string;
      code: string;
      caseId: string;
      referralReference: string | null;
    }>(this.dataSource, sql, { ...access.params, now });
  }

  async recordSupervisionPlan(
    m: EntityManager,
    id: string,
    plan: { officer: string; planEnc: string; at: Date; userId: string },
  ): Promise<void> {
    await m.query(
      `UPDATE protective_measures
          SET supervising_officer = $2, supervision_plan_enc = $3, supervision_plan_at = $4,
              supervision_plan_by_user_id = $5, updated_at = now()
        WHERE id = $1`,
      [id, plan.officer, plan.planEnc, plan.at, plan.userId],
    );
  }

  async insertEvent(
    m: EntityManager,
    measure: { id: string; caseId: string },
    event: string,
    actorUserId: string | null,
    at: Date,
    details: Record<string, string | null> = {},
  ): Promise<void> {
    await m.query(
      `INSERT INTO protective_measure_events (measure_id, case_id, event, actor_user_id, at, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [measure.id, measure.caseId, event, actorUserId, at, JSON.stringify(details)],
    );
  }

  getEvents(measureIds: string[]): Promise<MeasureEventRow[]> {
    if (measureIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT measure_id AS "measureId", event, at, details FROM protective_measure_events
        WHERE measure_id = ANY($1::uuid[]) ORDER BY seq`,
      [measureIds],
    ) as Promise<MeasureEventRow[]>;
  }

  /** The volunteer who referred the case from the community, if it came that way. */
  async referringVolunteer(m: EntityManager, caseId: string): Promise<string | null> {
    const [row] = (await m.query(
      `SELECT cr.submitted_by_user_id AS id FROM cases c
         JOIN intake_items i ON i.id = c.intake_item_id
         JOIN community_referrals cr ON cr.id = i.community_referral_id WHERE c.id = $1`,
      [caseId],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** The pseudonymous survivor code, for the centre's own notices only. */
  async survivorCode(m: EntityManager, caseId: string): Promise<string> {
    const [row] = (await m.query(
      `SELECT s.code FROM cases c JOIN survivors s ON s.id = c.survivor_id WHERE c.id = $1`,
      [caseId],
    )) as { code: string }[];
    return row?.code ?? '';
  }
}
