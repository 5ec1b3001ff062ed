// The bare reference for `npm run bench`: node:http and `pg`, nothing else, doing the SQL the API
// does on each benchmarked path (the same statements, read off PostgreSQL's statement log for one
// request of each kind, in the same order and transactions), so the bench can print the API's
// throughput as a ratio of what the machine gives for that SQL alone. It checks the bearer token
// (HS256 with the stack's JWT_SECRET) and the session row as the API does; it does no validation,
// no decryption, no CASL, no logging: that difference is what the ratio measures.
//
//   node tools/bench/reference-server.mjs   (run.mjs starts it; BENCH_REFERENCE_PORT, default 3990)
//
// It writes synthetic rows like the API scenarios (calls, "Bench Synthetic" cases, audit rows): run
// it against a development database only.

import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { readDotEnv } from '../lib/env.mjs';
import { requireFromRepo } from '../lib/paths.mjs';

const { Pool } = requireFromRepo('pg');

const env = { ...readDotEnv(), ...process.env };
const port = Number(env.BENCH_REFERENCE_PORT || 3990);
// The API's pool size (apps/api/src/database/data-source-options.ts).
const pool = new Pool({ connectionString: env.DATABASE_URL, max: 20 });
const jwtKey = Buffer.from(env.JWT_SECRET ?? '', 'utf8');

const SQL = {
  session: `SELECT s.id AS "sessionId", s.user_id AS "userId", s.last_seen_at AS "lastSeenAt",
              s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt", u.username,
              u.display_name AS "displayName", u.role, u.agency_id AS "agencyId",
              u.must_change_password AS "mustChangePassword", u.disabled_at AS "disabledAt",
              s.second_factor AS "secondFactor",
              (s.second_factor = 'pending' AND EXISTS (
                 SELECT 1 FROM user_second_factors f WHERE f.user_id = u.id AND f.enrolled_at IS NOT NULL
              )) AS "secondFactorEnrolled"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1`,
  caseWithPeople: `SELECT c.*, s.*, au.* FROM cases c INNER JOIN survivors s ON s.id = c.survivor_id
      LEFT JOIN users au ON au.id = c.assigned_user_id WHERE c.id = $1`,
  duplicates: `SELECT c.id, c.agency_id AS "agencyId", c.assigned_user_id AS "assignedUserId", s.code,
              (s.phone_bidx = ANY($2::bytea[])) AS "phoneMatch", (s.name_dob_bidx = ANY($3::bytea[])) AS "nameDobMatch"
         FROM survivors s JOIN cases c ON c.survivor_id = s.id
        WHERE s.id <> $1 AND (s.phone_bidx = ANY($2::bytea[]) OR s.name_dob_bidx = ANY($3::bytea[]))
        ORDER BY c.opened_at DESC LIMIT 20`,
  incidents: 'SELECT * FROM incidents WHERE case_id = $1 ORDER BY occurred_at ASC, id ASC',
  consents: 'SELECT * FROM consent_records WHERE case_id = $1 ORDER BY given_at ASC, id ASC',
  myCases: `SELECT c.id, s.code, c.stage, c.risk_level, c.source, c.assigned_user_id,
       au.display_name AS assigned_user_name, c.child_involved, c.serious_incident, c.opened_at, c.updated_at
  FROM cases c JOIN survivors s ON s.id = c.survivor_id LEFT JOIN users au ON au.id = c.assigned_user_id WHERE (((c.agency_id = $1 AND c.assigned_user_id IS NULL) OR (c.agency_id = $2 AND c.assigned_user_id = $3))) AND c.assigned_user_id = $4 ORDER BY c.opened_at DESC, c.id DESC LIMIT $5`,
  line: `SELECT id, agency_id AS "agencyId", number, name, active, created_at AS "createdAt"
         FROM hotline_lines WHERE id = $1`,
  commune: `SELECT code, name, level, parent_code AS "parentCode", status,
              to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
              to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo", successor_code AS "successorCode",
              search_name AS "searchName", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM administrative_units WHERE code = $1`,
  insertCall: `INSERT INTO calls (agency_id, line_id, operator_user_id, channel, started_at, ended_at, caller_type,
         caller_phone_bidx, caller_phone_bidx_key, survivor_sex, survivor_age_group, commune_code, gbv_type_hint,
         child_involved, danger_now, crime_signs, chairman_notified_at, chairman_notification_means, outcome,
         notes_enc, handed_over_at, handed_to_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       RETURNING id, created_at, updated_at`,
  callCases: `SELECT ii.call_id AS "callId", s.code AS "caseCode", cs.stage AS "caseStage"
         FROM intake_items ii JOIN cases cs ON cs.id = ii.case_id JOIN survivors s ON s.id = cs.survivor_id
        WHERE ii.call_id = ANY($1)`,
  lines: 'SELECT id, number FROM hotline_lines WHERE id = ANY($1::uuid[])',
  // The case file's other reads (each starts with the session and the case with its people).
  caseDeadlines: 'SELECT * FROM deadlines WHERE case_id = $1 ORDER BY created_at DESC',
  stages: 'SELECT * FROM deadline_stages WHERE deadline_id = ANY($1::uuid[]) ORDER BY due_at ASC',
  caseReferrals: 'SELECT * FROM referrals WHERE case_id = $1 ORDER BY sent_at DESC, id DESC',
  serviceRecords: `SELECT * FROM service_records WHERE referral_id = ANY($1::uuid[])
      ORDER BY provided_on ASC, created_at ASC`,
  referralEvents: `SELECT * FROM referral_events WHERE referral_id = ANY($1::uuid[])
      ORDER BY at ASC, seq ASC`,
  agencyNames: 'SELECT id, name, type, phone FROM agencies WHERE id = ANY($1)',
  userNames: 'SELECT id, display_name AS name FROM users WHERE id = ANY($1)',
  childEmergencies: `SELECT e.*, m.display_name AS "markedByName", i.display_name AS "interventionByName"
      FROM child_emergencies e LEFT JOIN users m ON m.id = e.marked_by_user_id
      LEFT JOIN users i ON i.id = e.intervention_by_user_id WHERE e.case_id = $1 ORDER BY e.started_at DESC, e.id`,
  closures: `SELECT c.*, rb.*, db.* FROM case_closures c LEFT JOIN users rb ON rb.id = c.requested_by_user_id
      LEFT JOIN users db ON db.id = c.decided_by_user_id WHERE c.case_id = $1
      ORDER BY c.requested_at DESC, c.created_at DESC`,
  assessments: `SELECT a.*, i.code, i.version, i.audience, i.content, u.display_name AS "assessedByName"
      FROM risk_assessments a JOIN risk_instruments i ON i.id = a.instrument_id
      LEFT JOIN users u ON u.id = a.assessed_by_user_id WHERE a.case_id = $1 ORDER BY a.assessed_at DESC, a.id DESC`,
  safetyPlans: `SELECT p.*, to_char(p.review_on, 'YYYY-MM-DD') AS "reviewOn", u.display_name AS "createdByName"
      FROM safety_plans p LEFT JOIN users u ON u.id = p.created_by_user_id WHERE p.case_id = $1 ORDER BY p.version DESC`,
  casePlans: `SELECT p.*, cu.display_name AS "createdByName", du.display_name AS "decidedByName"
      FROM case_plans p LEFT JOIN users cu ON cu.id = p.created_by_user_id
      LEFT JOIN users du ON du.id = p.decided_by_user_id WHERE p.case_id = $1 ORDER BY p.version DESC`,
  followUps: `SELECT f.*, to_char(f.planned_on, 'YYYY-MM-DD') AS "plannedOn", d.display_name AS "doneByName",
      c.display_name AS "createdByName" FROM case_follow_ups f LEFT JOIN users c ON c.id = f.created_by_user_id
      LEFT JOIN users d ON d.id = f.done_by_user_id WHERE f.case_id = $1
      ORDER BY f.planned_on DESC, f.created_at DESC, f.id`,
  timeline: `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.action, u.display_name AS "actorName",
      a.subject_type AS "subjectType", a.fields FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE a.case_id = $1 AND a.action = ANY($2::text[]) AND ($3::bigint IS NULL OR a.id < $3::bigint)
      ORDER BY a.id DESC LIMIT $4`,
  // The receiving agency's inbox (action needed: sent), keyset page of 25 + 1 on idx_referrals_inbox.
  inbox: `SELECT r.* FROM referrals r WHERE (r.to_agency_id = $1) AND r.status IN ($2)
      ORDER BY r.respond_by ASC, r.id ASC LIMIT 26`,
  agency: 'SELECT * FROM agencies WHERE id = $1 LIMIT 1',
  counter: `INSERT INTO survivor_code_counters (prefix, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last_value = survivor_code_counters.last_value + 1
       RETURNING last_value`,
  insertSurvivor: `INSERT INTO survivors (code, agency_id, anonymous, sex, age_group, disability, ethnic_minority,
      identity_enc, identity_fields, phone_bidx, name_dob_bidx, bidx_key)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      RETURNING id, disability, ethnic_minority, identity_fields, created_at, updated_at`,
  insertCase: `INSERT INTO cases (survivor_id, agency_id, stage, risk_level, source, intake_item_id,
      assigned_user_id, commune_code, child_involved, serious_incident, opened_by_user_id, opened_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, updated_at`,
  insertConsent: `INSERT INTO consent_records (case_id, kind, given_by, method, child_assent, guardian_is_suspect,
      best_interest_reason_enc, agency_types, data_categories, given_at, expires_on, recorded_by_user_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
  calendar: 'SELECT * FROM calendar_days',
  insertDeadline: `INSERT INTO deadlines (kind, subject_type, subject_id, case_id, agency_id, period_unit,
      period_amount, started_at, due_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending')
      RETURNING id, created_at, updated_at`,
  insertStages: `INSERT INTO deadline_stages (deadline_id, stage, kind, audience, offset_ms, due_at)
      VALUES ($1, $2, $3, $4, $5, $6), ($1, $7, $8, $9, $10, $11) RETURNING id`,
};

class Refused extends Error {}

function verifyToken(header) {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  const [head, body, signature] = token?.split('.') ?? [];
  if (!signature) throw new Refused();
  const expected = createHmac('sha256', jwtKey).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refused();
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  if (payload.exp * 1000 < Date.now()) throw new Refused();
  return payload;
}

async function caller(request) {
  const { sid } = verifyToken(request.headers.authorization);
  const {
    rows: [session],
  } = await pool.query(SQL.session, [sid]);
  if (!session || session.revokedAt || session.disabledAt) throw new Refused();
  return session;
}

const AUDIT_CASTS = ['', '::uuid', '', '::uuid', '', '', '', '::text[]', '::uuid', '', '::jsonb'];

/**
 * One INSERT for a request's audit rows, as the API's AuditRepository.append builds it (one row gives the
 * same statement as a single append).
 */
function auditBatch(db, user, rows, requestId) {
  const params = [];
  const values = rows.map(
    ({ action, subjectType, subjectId, fields = [], caseId, details = {} }) => {
      const first = params.length;
      params.push(
        new Date(),
        user.userId,
        user.role,
        user.agencyId,
        action,
        subjectType,
        subjectId,
        fields,
        caseId,
        requestId,
        JSON.stringify(details),
      );
      return `(${AUDIT_CASTS.map((cast, i) => `$${first + i + 1}${cast}`).join(', ')})`;
    },
  );
  return db.query(
    `INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, actor_agency_id, action, subject_type, subject_id, fields, case_id, request_id, details) VALUES ${values.join(', ')}`,
    params,
  );
}

const audit = (db, user, action, subjectType, subjectId, fields, caseId, requestId, details) =>
  auditBatch(db, user, [{ action, subjectType, subjectId, fields, caseId, details }], requestId);

async function inTransaction(work) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** GET /api/cases/:id as its caseworker. */
async function readCase(user, caseId, requestId) {
  const {
    rows: [found],
  } = await pool.query(SQL.caseWithPeople, [caseId]);
  if (!found) return [404, { message: 'not found' }];
  const [duplicates, incidents, consents] = await Promise.all([
    pool.query(SQL.duplicates, [found.survivor_id, [found.phone_bidx], [found.name_dob_bidx]]),
    pool.query(SQL.incidents, [caseId]),
    pool.query(SQL.consents, [caseId]),
  ]);
  await audit(
    pool,
    user,
    'case.read',
    'Case',
    caseId,
    ['overview', 'incidents', 'consents'],
    caseId,
    requestId,
    {},
  );
  return [
    200,
    {
      case: found,
      incidents: incidents.rows,
      consents: consents.rows,
      duplicates: duplicates.rows,
    },
  ];
}

// CASE_TIMELINE_ACTIONS (libs/shared/contracts, audit-actions.ts), as the API sends it.
const TIMELINE_ACTIONS = [
  'case.create',
  'case.update',
  'case.assign',
  'case.reopen',
  'incident.create',
  'incident.update',
  'consent.create',
  'consent.withdraw',
  'risk_assessment.create',
  'risk_assessment.correct',
  'safety_plan.save',
  'case_plan.save',
  'case_plan.submit',
  'case_plan.approve',
  'case_plan.return',
  'follow_up.schedule',
  'follow_up.record',
  'child_emergency.start',
  'child_emergency.intervene',
  'case_note.correct',
  'referral.create',
  'referral.withdraw',
  'referral.review_override',
  'referral.accept',
  'referral.decline',
  'referral.record_service',
  'referral.complete',
  'incident_report.draft',
  'incident_report.update',
  'incident_report.approve',
  'incident_report.submit',
  'incident_report.acknowledge',
  'case_note.create',
  'protective_measure.request',
  'protective_measure.decide',
  'protective_measure.supervision_plan',
  'protective_measure.breach',
  'conference.convene',
  'conference.record',
  'conference.action_create',
  'conference.action_status',
  'case_closure.request',
  'case_closure.return',
  'case_closure.approve',
];

/**
 * The case file's reads besides the case itself (GET /api/cases/:id/<part>): each loads the case
 * with its people (the access check), reads its part and writes one audit row, in the API's order.
 */
const CASE_PARTS = {
  async deadlines(user, found, caseId, requestId) {
    await audit(pool, user, 'deadline.read', 'Case', caseId, [], caseId, requestId, {});
    // Every clock of the case (its report, referral, plan-action, follow-up, review clocks) and their stages.
    const { rows } = await pool.query(SQL.caseDeadlines, [caseId]);
    if (rows.length > 0) await pool.query(SQL.stages, [rows.map((d) => d.id)]);
    return rows;
  },
  async referrals(user, found, caseId, requestId) {
    const { rows } = await pool.query(SQL.caseReferrals, [caseId]);
    await audit(pool, user, 'referral.list', 'Referral', null, [], caseId, requestId, {});
    const ids = rows.map((r) => r.id);
    const [services, events] = await Promise.all([
      pool.query(SQL.serviceRecords, [ids]),
      pool.query(SQL.referralEvents, [ids]),
    ]);
    const agencies = [...new Set(rows.flatMap((r) => [r.from_agency_id, r.to_agency_id]))];
    await pool.query(SQL.agencyNames, [agencies]);
    await pool.query(SQL.userNames, [[...new Set(rows.map((r) => r.referred_by_user_id))]]);
    return { referrals: rows, services: services.rows, events: events.rows };
  },
  'child-emergencies': async (user, found, caseId, requestId) => {
    const { rows } = await pool.query(SQL.childEmergencies, [caseId]);
    await audit(
      pool,
      user,
      'child_emergency.read',
      'ChildEmergency',
      null,
      ['reason', 'intervention'],
      caseId,
      requestId,
      {},
    );
    return rows;
  },
  async closure(user, found, caseId, requestId) {
    const { rows } = await pool.query(SQL.closures, [caseId]);
    await audit(pool, user, 'case_closure.read', 'CaseClosure', null, [], caseId, requestId, {});
    return rows;
  },
  async assessments(user, found, caseId, requestId) {
    const { rows } = await pool.query(SQL.assessments, [caseId]);
    await audit(
      pool,
      user,
      'risk_assessment.read',
      'RiskAssessment',
      null,
      ['answers'],
      caseId,
      requestId,
      {},
    );
    return rows;
  },
  'safety-plans': async (user, found, caseId, requestId) => {
    const { rows } = await pool.query(SQL.safetyPlans, [caseId]);
    await audit(
      pool,
      user,
      'safety_plan.read',
      'SafetyPlan',
      null,
      ['sections'],
      caseId,
      requestId,
      {},
    );
    return rows;
  },
  async plans(user, found, caseId, requestId) {
    const { rows } = await pool.query(SQL.casePlans, [caseId]);
    await audit(pool, user, 'case_plan.read', 'CasePlan', null, ['content'], caseId, requestId, {});
    return rows;
  },
  'follow-ups': async (user, found, caseId, requestId) => {
    const { rows } = await pool.query(SQL.followUps, [caseId]);
    await audit(pool, user, 'follow_up.read', 'FollowUp', null, ['note'], caseId, requestId, {});
    return rows;
  },
  async timeline(user, found, caseId, requestId) {
    const { rows } = await pool.query(SQL.timeline, [caseId, TIMELINE_ACTIONS, null, 51]);
    await audit(pool, user, 'case.timeline_read', 'Case', caseId, [], caseId, requestId, {});
    return { items: rows.slice(0, 50), nextCursor: null };
  },
};

async function readCasePart(user, caseId, part, requestId) {
  const {
    rows: [found],
  } = await pool.query(SQL.caseWithPeople, [caseId]);
  if (!found) return [404, { message: 'not found' }];
  return [200, await CASE_PARTS[part](user, found, caseId, requestId)];
}

async function myCases(user, requestId) {
  const { rows } = await pool.query(SQL.myCases, [
    user.agencyId,
    user.agencyId,
    user.userId,
    user.userId,
    26,
  ]);
  await audit(pool, user, 'case.list', 'Case', null, [], null, requestId, {
    count: rows.length,
    scope: 'mine',
  });
  return [200, { items: rows.slice(0, 25), nextCursor: null }];
}

/** GET /api/referrals?view=action_needed as a liaison: the page, an audit row per item, names. */
async function inbox(user, requestId) {
  const { rows } = await pool.query(SQL.inbox, [user.agencyId, 'sent']);
  const items = rows.slice(0, 25);
  if (items.length > 0) {
    await auditBatch(
      pool,
      user,
      items.map((r) => ({
        action: 'referral.inbox_list',
        subjectType: 'Referral',
        subjectId: r.id,
        caseId: r.case_id,
      })),
      requestId,
    );
  }
  const agencyIds = [...new Set(items.flatMap((r) => [r.from_agency_id, r.to_agency_id]))];
  if (agencyIds.length > 0) await pool.query(SQL.agencyNames, [agencyIds]);
  const userIds = [
    ...new Set(
      items.flatMap((r) => [r.referred_by_user_id, r.override_reviewed_by_user_id]).filter(Boolean),
    ),
  ];
  if (userIds.length > 0) await pool.query(SQL.userNames, [userIds]);
  return [200, { items, nextCursor: rows.length > 25 ? items[24].id : null }];
}

async function logCall(user, body, requestId) {
  await pool.query(SQL.line, [body.lineId]);
  await pool.query(SQL.commune, [body.communeCode]);
  const call = await inTransaction(async (db) => {
    const {
      rows: [row],
    } = await db.query(SQL.insertCall, [
      user.agencyId,
      body.lineId,
      user.userId,
      body.channel,
      body.startedAt,
      null,
      body.callerType,
      null,
      null,
      body.survivorSex,
      body.survivorAgeGroup,
      body.communeCode,
      null,
      body.childInvolved,
      body.dangerNow,
      body.crimeSigns,
      null,
      null,
      body.outcome,
      null,
      null,
      null,
    ]);
    await audit(db, user, 'call.create', 'Call', row.id, Object.keys(body), null, requestId, {});
    return row;
  });
  await pool.query(SQL.callCases, [[call.id]]);
  await pool.query(SQL.lines, [[body.lineId]]);
  return [201, { id: call.id }];
}

/** POST /api/cases: a walk-in with consent, the case-management consent's expiry clock, duplicates. */
async function walkIn(user, body, requestId) {
  await pool.query(SQL.agency, [user.agencyId]);
  const now = new Date();
  const year = String(now.getUTCFullYear());
  const caseId = await inTransaction(async (db) => {
    const {
      rows: [counter],
    } = await db.query(SQL.counter, ['DN', year]);
    const code = `DN-${year}-${String(counter.last_value).padStart(6, '0')}`;
    const phoneBidx = createHmac('sha256', 'bench').update(body.survivor.phone).digest();
    const nameBidx = createHmac('sha256', 'bench').update(body.survivor.fullName).digest();
    const {
      rows: [survivor],
    } = await db.query(SQL.insertSurvivor, [
      code,
      user.agencyId,
      false,
      body.survivor.sex,
      '25_59',
      'unknown',
      'unknown',
      'v1:bench',
      ['fullName', 'dateOfBirth', 'phone'],
      phoneBidx,
      nameBidx,
      'b1',
    ]);
    const {
      rows: [created],
    } = await db.query(SQL.insertCase, [
      survivor.id,
      user.agencyId,
      'intake',
      'unknown',
      'walk_in',
      null,
      user.userId,
      null,
      false,
      false,
      user.userId,
      now,
    ]);
    await audit(db, user, 'case.create', 'Case', created.id, [], created.id, requestId, {
      source: 'walk_in',
    });
    await audit(
      db,
      user,
      'survivor.create',
      'Survivor',
      survivor.id,
      [],
      created.id,
      requestId,
      {},
    );
    const expires = new Date(now.getTime() + 365 * 86_400_000);
    const {
      rows: [consent],
    } = await db.query(SQL.insertConsent, [
      created.id,
      'case_management',
      'survivor',
      'verbal',
      null,
      false,
      null,
      [],
      [],
      now,
      expires.toISOString().slice(0, 10),
      user.userId,
    ]);
    await db.query(SQL.calendar);
    const {
      rows: [deadline],
    } = await db.query(SQL.insertDeadline, [
      'consent_expiry',
      'ConsentRecord',
      consent.id,
      created.id,
      user.agencyId,
      'days',
      365,
      now,
      expires,
    ]);
    await db.query(SQL.insertStages, [
      deadline.id,
      'reminder_14d',
      'reminder',
      'assigned_caseworker',
      -1_209_600_000,
      new Date(expires.getTime() - 1_209_600_000),
      'expired',
      'reminder',
      'assigned_caseworker',
      0,
      expires,
    ]);
    await audit(
      db,
      user,
      'consent.create',
      'ConsentRecord',
      consent.id,
      [],
      created.id,
      requestId,
      {
        kind: 'case_management',
      },
    );
    const duplicates = await db.query(SQL.duplicates, [survivor.id, [phoneBidx], [nameBidx]]);
    await audit(
      db,
      user,
      'survivor.duplicate_check',
      'Survivor',
      survivor.id,
      [],
      created.id,
      requestId,
      {
        hidden: 0,
        matches: duplicates.rowCount,
      },
    );
    return created.id;
  });
  await Promise.all([
    pool.query(SQL.caseWithPeople, [caseId]),
    pool.query(SQL.incidents, [caseId]),
    pool.query(SQL.consents, [caseId]),
  ]);
  return [201, { id: caseId }];
}

async function route(request, body) {
  const url = new URL(request.url, 'http://reference');
  const user = await caller(request);
  const requestId = randomUUID();
  if (request.method === 'GET' && url.pathname === '/api/cases') return myCases(user, requestId);
  const caseMatch = /^\/api\/cases\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (request.method === 'GET' && caseMatch) return readCase(user, caseMatch[1], requestId);
  const partMatch = /^\/api\/cases\/([0-9a-f-]{36})\/([a-z-]+)$/.exec(url.pathname);
  if (request.method === 'GET' && partMatch && Object.hasOwn(CASE_PARTS, partMatch[2])) {
    return readCasePart(user, partMatch[1], partMatch[2], requestId);
  }
  if (request.method === 'GET' && url.pathname === '/api/referrals') return inbox(user, requestId);
  if (request.method === 'POST' && url.pathname === '/api/calls') {
    return logCall(user, JSON.parse(body), requestId);
  }
  if (request.method === 'POST' && url.pathname === '/api/cases') {
    return walkIn(user, JSON.parse(body), requestId);
  }
  return [404, { message: 'no such reference path' }];
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    route(request, Buffer.concat(chunks).toString('utf8'))
      .catch((error) => (error instanceof Refused ? [401, {}] : [500, { message: error.message }]))
      .then(([status, payload]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      });
  });
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`reference listening on ${port}\n`);
});

const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
