import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  AgencyType,
  Attendance,
  ConferenceActionStatus,
  ConferenceStatus,
} from '@caunoi/shared/domain';
import { CONFERENCE_ACTION_KIND } from '@caunoi/shared/domain';

export interface ConferenceRow {
  id: string;
  code: string;
  caseId: string;
  agencyId: string;
  agencyName: string;
  convenedByUserId: string;
  status: ConferenceStatus;
  scheduledAt: Date;
  agendaEnc: string;
  minutesEnc: string | null;
  reviewOn: string | null;
  cancelledAt: Date | null;
  cancelReasonEnc: string | null;
  rescheduledAt: Date | null;
  rescheduleReasonEnc: string | null;
  survivorCode: string;
  caseAssignedUserId: string | null;
}

export interface InvitationRow {
  conferenceId: string;
  agencyId: string;
  agencyName: string;
  agencyType: AgencyType;
  attendance: Attendance;
}

export interface ActionRow {
  id: string;
  conferenceId: string;
  conferenceCode: string;
  ownerAgencyId: string;
  ownerAgencyName: string;
  descriptionEnc: string;
  dueOn: string;
  dueAt: Date | null;
  status: ConferenceActionStatus;
  noteEnc: string | null;
  statusChangedAt: Date | null;
}

export interface DirectoryAgency {
  id: string;
  type: AgencyType;
  active: boolean;
}

const CONFERENCE = `SELECT cc.id, cc.code, cc.case_id AS "caseId", cc.agency_id AS "agencyId", a.name AS "agencyName",
    cc.convened_by_user_id AS "convenedByUserId", cc.status, cc.scheduled_at AS "scheduledAt",
    cc.agenda_enc AS "agendaEnc", cc.minutes_enc AS "minutesEnc", to_char(cc.review_on, 'YYYY-MM-DD') AS "reviewOn",
    cc.cancelled_at AS "cancelledAt", cc.cancel_reason_enc AS "cancelReasonEnc",
    cc.rescheduled_at AS "rescheduledAt", cc.reschedule_reason_enc AS "rescheduleReasonEnc",
    sv.code AS "survivorCode", c.assigned_user_id AS "caseAssignedUserId"
  FROM case_conferences cc
  JOIN agencies a ON a.id = cc.agency_id
  JOIN cases c ON c.id = cc.case_id
  JOIN survivors sv ON sv.id = c.survivor_id`;

const ACTION = `SELECT ca.id, ca.conference_id AS "conferenceId", cc.code AS "conferenceCode",
    ca.owner_agency_id AS "ownerAgencyId", a.name AS "ownerAgencyName", ca.description_enc AS "descriptionEnc",
    to_char(ca.due_on, 'YYYY-MM-DD') AS "dueOn",
    (SELECT d.due_at FROM deadlines d WHERE d.kind = '${CONFERENCE_ACTION_KIND}' AND d.subject_id = ca.id
      ORDER BY d.created_at DESC LIMIT 1) AS "dueAt",
    ca.status, ca.note_enc AS "noteEnc", ca.status_changed_at AS "statusChangedAt"
  FROM conference_actions ca
  JOIN case_conferences cc ON cc.id = ca.conference_id
  JOIN agencies a ON a.id = ca.owner_agency_id`;

/** Case conferences, their invitations and actions: all SQL of the conferences area. */
@Injectable()
export class ConferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async nextCodeNumber(m: EntityManager): Promise<number> {
    const [row] = (await m.query(`SELECT nextval('conference_code_seq')::int AS n`)) as {
      n: number;
    }[];
    return (row as { n: number }).n;
  }

  /** The agencies of the directory among `ids` (missing ones are not returned). */
  async directoryAgencies(m: EntityManager, ids: string[]): Promise<DirectoryAgency[]> {
    if (ids.length === 0) return [];
    return m.query(`SELECT id, type, active FROM agencies WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async insert(
    m: EntityManager,
    c: {
      code: string;
      caseId: string;
      agencyId: string;
      userId: string;
      scheduledAt: Date;
      agendaEnc: string;
      reviewOn: string | null;
      now: Date;
    },
    invitedAgencyIds: string[],
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO case_conferences (code, case_id, agency_id, convened_by_user_id, scheduled_at,
         agenda_enc, review_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [c.code, c.caseId, c.agencyId, c.userId, c.scheduledAt, c.agendaEnc, c.reviewOn, c.now],
    )) as { id: string }[];
    const id = (row as { id: string }).id;
    await m.query(
      `INSERT INTO conference_invitations (conference_id, agency_id, created_at)
       SELECT $1, unnest($2::uuid[]), $3`,
      [id, invitedAgencyIds, c.now],
    );
    return id;
  }

  async get(id: string, m?: EntityManager, forUpdate = false): Promise<ConferenceRow | null> {
    const rows = (await this.m(m).query(
      `${CONFERENCE} WHERE cc.id = $1${forUpdate ? ' FOR UPDATE OF cc' : ''}`,
      [id],
    )) as ConferenceRow[];
    return rows[0] ?? null;
  }

  listForCase(caseId: string): Promise<ConferenceRow[]> {
    return this.dataSource.query(
      `${CONFERENCE} WHERE cc.case_id = $1 ORDER BY cc.scheduled_at DESC, cc.id`,
      [caseId],
    );
  }

  /** Conferences an agency is invited to, the soonest first (a conference a week ago is still worked). */
  listInvitedFor(agencyId: string, limit: number): Promise<ConferenceRow[]> {
    return this.dataSource.query(
      `${CONFERENCE} JOIN conference_invitations ci ON ci.conference_id = cc.id
        WHERE ci.agency_id = $1 ORDER BY cc.scheduled_at DESC, cc.id LIMIT $2`,
      [agencyId, limit],
    );
  }

  invitations(conferenceIds: string[], m?: EntityManager): Promise<InvitationRow[]> {
    if (conferenceIds.length === 0) return Promise.resolve([]);
    return this.m(m).query(
      `SELECT ci.conference_id AS "conferenceId", ci.agency_id AS "agencyId", a.name AS "agencyName",
              a.type AS "agencyType", ci.attendance
         FROM conference_invitations ci JOIN agencies a ON a.id = ci.agency_id
        WHERE ci.conference_id = ANY($1::uuid[]) ORDER BY a.name, ci.agency_id`,
      [conferenceIds],
    );
  }

  /** Actions of the conferences, by due date; only those owned by `ownerAgencyId` when given. */
  actions(
    conferenceIds: string[],
    ownerAgencyId: string | null = null,
    m?: EntityManager,
  ): Promise<ActionRow[]> {
    if (conferenceIds.length === 0) return Promise.resolve([]);
    return this.m(m).query(
      `${ACTION} WHERE ca.conference_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR ca.owner_agency_id = $2)
        ORDER BY ca.due_on, ca.created_at, ca.id`,
      [conferenceIds, ownerAgencyId],
    );
  }

  async action(m: EntityManager, conferenceId: string, id: string): Promise<ActionRow | null> {
    await m.query(`SELECT 1 FROM conference_actions WHERE id = $1 FOR UPDATE`, [id]);
    const rows = (await m.query(`${ACTION} WHERE ca.conference_id = $1 AND ca.id = $2`, [
      conferenceId,
      id,
    ])) as ActionRow[];
    return rows[0] ?? null;
  }

  /** Whether any action of the conference is still open (the minutes rule reads it). */
  async hasOpenActions(conferenceId: string, m?: EntityManager): Promise<boolean> {
    const [row] = (await this.m(m).query(
      `SELECT EXISTS (SELECT 1 FROM conference_actions WHERE conference_id = $1 AND status = 'open') AS open`,
      [conferenceId],
    )) as { open: boolean }[];
    return row?.open ?? false;
  }

  async record(
    m: EntityManager,
    id: string,
    minutesEnc: string,
    reviewOn: string | null,
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE case_conferences SET status = 'held', minutes_enc = $2, review_on = $3,
         held_at = COALESCE(held_at, $4), updated_at = $4 WHERE id = $1`,
      [id, minutesEnc, reviewOn, now],
    );
  }

  async setAttendance(
    m: EntityManager,
    conferenceId: string,
    attendance: { agencyId: string; attendance: Attendance }[],
  ): Promise<void> {
    for (const a of attendance) {
      await m.query(
        `UPDATE conference_invitations SET attendance = $3 WHERE conference_id = $1 AND agency_id = $2`,
        [conferenceId, a.agencyId, a.attendance],
      );
    }
  }

  async insertAction(
    m: EntityManager,
    a: {
      conferenceId: string;
      ownerAgencyId: string;
      descriptionEnc: string;
      dueOn: string;
      userId: string;
      now: Date;
    },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO conference_actions (conference_id, owner_agency_id, description_enc, due_on,
         created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [a.conferenceId, a.ownerAgencyId, a.descriptionEnc, a.dueOn, a.userId, a.now],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  async setActionStatus(
    m: EntityManager,
    id: string,
    status: ConferenceActionStatus,
    noteEnc: string | null,
    userId: string,
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE conference_actions SET status = $2, note_enc = $3, status_changed_at = $5,
         status_changed_by_user_id = $4 WHERE id = $1`,
      [id, status, noteEnc, userId, now],
    );
  }

  async cancel(
    m: EntityManager,
    id: string,
    c: { reasonEnc: string; userId: string; now: Date },
  ): Promise<void> {
    await m.query(
      `UPDATE case_conferences SET status = 'cancelled', cancelled_at = $2, cancelled_by_user_id = $3,
         cancel_reason_enc = $4, updated_at = $2 WHERE id = $1`,
      [id, c.now, c.userId, c.reasonEnc],
    );
  }

  async reschedule(
    m: EntityManager,
    id: string,
    r: { scheduledAt: Date; reasonEnc: string; now: Date },
  ): Promise<void> {
    await m.query(
      `UPDATE case_conferences SET scheduled_at = $2, rescheduled_at = $3, reschedule_reason_enc = $4,
         updated_at = $3 WHERE id = $1`,
      [id, r.scheduledAt, r.now, r.reasonEnc],
    );
  }

  /** The conference's open actions, locked (a cancellation closes them). */
  async openActionIdsForUpdate(m: EntityManager, conferenceId: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT id FROM conference_actions WHERE conference_id = $1 AND status = 'open' FOR UPDATE`,
      [conferenceId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
