import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_USERNAMES } from '@caunoi/shared/contracts';
import type { GbvType } from '@caunoi/shared/domain';
import { CLASSIFICATION_QUESTIONS, GBV_TYPE_FOR_QUESTION } from '@caunoi/shared/domain';
import { emptyIdentity } from '../cases/survivor-identity';
import { DEMO_AGENCIES, DEMO_PROVINCE } from './demo-data';

/**
 * Synthetic case records for the statistics bench (issues 12 and 14): N cases of the demo province in
 * bulk SQL (one `INSERT … SELECT` per table and batch), never through the API. Every generated survivor
 * code starts with `SYN-` and every generated referral code with `SYN-R`; everything else generated
 * hangs off those cases. No person is real; identities are one fixed synthetic document, encrypted once
 * with the stack's key and reused, so a generated case reads back like any other.
 */
export const BENCH_SURVIVOR_PREFIX = 'SYN-';
export const BENCH_REFERRAL_PREFIX = 'SYN-R';

export interface BenchDataOptions {
  cases: number;
  /** Calendar years covered, ending with the year of `now` (default 5). */
  years?: number;
  /** Cases per transaction (default 50,000). */
  batch?: number;
  now: Date;
}

export interface BenchDataSummary {
  cases: number;
  incidents: number;
  referrals: number;
  serviceRecords: number;
  incidentReportClocks: number;
  incidentReports: number;
  riskAssessments: number;
  safetyPlans: number;
  from: string;
  to: string;
}

/** What the generator needs to encrypt: FieldCipher's `encrypt`, called a few times in all. */
export interface BenchCipher {
  encrypt(plaintext: string): string;
}

/** `CASE WHEN r < w1 THEN v1 WHEN r < w1 + w2 … ELSE vn END` for weighted categories (weights sum to 1). */
function pick(r: string, weighted: readonly (readonly [string, number])[]): string {
  let at = 0;
  const branches = weighted.slice(0, -1).map(([value, weight]) => {
    at += weight;
    return `WHEN ${r} < ${at.toFixed(4)} THEN '${value}'`;
  });
  return `(CASE ${branches.join(' ')} ELSE '${weighted[weighted.length - 1]?.[0]}' END)`;
}

/** Distributions, loosely after the seeds' and hotlines' reported shares (synthetic, not data). */
const SEX = [
  ['female', 0.78],
  ['male', 0.17],
  ['other', 0.01],
  ['unknown', 0.04],
] as const;
const AGE = [
  ['0_6', 0.03],
  ['7_11', 0.05],
  ['12_15', 0.08],
  ['16_17', 0.05],
  ['18_24', 0.14],
  ['25_59', 0.55],
  ['60_plus', 0.06],
  ['unknown', 0.04],
] as const;
const SOURCE = [
  ['call', 0.45],
  ['walk_in', 0.35],
  ['community_referral', 0.2],
] as const;
const GBV = [
  ['rape', 0.06],
  ['sexual_assault', 0.08],
  ['physical_assault', 0.38],
  ['forced_marriage', 0.02],
  ['denial_of_resources', 0.08],
  ['psychological_abuse', 0.33],
  ['non_gbv', 0.05],
] as const satisfies readonly (readonly [GbvType, number])[];
const RELATIONSHIP = [
  ['spouse', 0.4],
  ['former_spouse', 0.05],
  ['cohabiting_partner', 0.05],
  ['dating_partner', 0.04],
  ['parent', 0.08],
  ['in_law', 0.05],
  ['sibling', 0.03],
  ['other_relative', 0.03],
  ['neighbour_or_family_friend', 0.06],
  ['employer', 0.02],
  ['schoolmate', 0.02],
  ['other_community_member', 0.04],
  ['stranger', 0.06],
  ['unknown', 0.07],
] as const;
const RISK = [
  ['high', 0.25],
  ['medium', 0.4],
  ['low', 0.35],
] as const;
const YES_NO_UNKNOWN = (yes: number, no: number) =>
  [
    ['yes', yes],
    ['no', no],
    ['unknown', 1 - yes - no],
  ] as const;
/** Each DV form / context flag independently, with its share. */
const DV_FORM_SHARES = [
  ['psychological', 0.7],
  ['physical', 0.45],
  ['sexual', 0.1],
  ['economic', 0.2],
] as const;
const CONTEXT_SHARES = [
  ['domestic_violence', 0.75],
  ['intimate_partner_violence', 0.55],
  ['child_sexual_abuse', 0.04],
  ['early_marriage', 0.02],
  ['trafficking', 0.01],
  ['sexual_exploitation', 0.01],
] as const;
/** Receiving agencies with their share, service asked for and the liaison who records it. */
const TARGETS = [
  [DEMO_AGENCIES.police.id, 0.35, 'police_protection', DEMO_USERNAMES.police_liaison],
  [DEMO_AGENCIES.policeThanhKhe.id, 0.15, 'police_protection', DEMO_USERNAMES.police_liaison],
  [DEMO_AGENCIES.health.id, 0.3, 'psychosocial_counselling', DEMO_USERNAMES.health_liaison],
  [DEMO_AGENCIES.legalAid.id, 0.2, 'legal_aid', DEMO_USERNAMES.justice_liaison],
] as const;

/** The classification answers that give each type (earlier questions "no", the deciding one "yes"). */
function classificationAnswers(): Record<string, Record<string, boolean>> {
  const out: Record<string, Record<string, boolean>> = {};
  CLASSIFICATION_QUESTIONS.forEach((question, i) => {
    out[GBV_TYPE_FOR_QUESTION[question]] = Object.fromEntries(
      CLASSIFICATION_QUESTIONS.slice(0, i + 1).map((q, j) => [q, j === i]),
    );
  });
  out['non_gbv'] = Object.fromEntries(CLASSIFICATION_QUESTIONS.map((q) => [q, false]));
  return out;
}

/** Vietnam keeps UTC+7 all year. */
const vietnamYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 7 * 3600_000);

/** How many generated cases the database holds (0: none). */
export async function countBenchCases(db: DataSource | EntityManager): Promise<number> {
  const [row] = (await db.query(
    `SELECT count(*)::int AS n FROM survivors WHERE code LIKE '${BENCH_SURVIVOR_PREFIX}%'`,
  )) as { n: number }[];
  return row?.n ?? 0;
}

async function userIds(db: DataSource): Promise<Record<string, string>> {
  const rows = (await db.query(`SELECT username, id FROM users WHERE username = ANY($1)`, [
    Object.values(DEMO_USERNAMES),
  ])) as { username: string; id: string }[];
  const ids = Object.fromEntries(rows.map((r) => [r.username, r.id]));
  for (const name of [
    DEMO_USERNAMES.caseworker,
    DEMO_USERNAMES.supervisor,
    ...TARGETS.map((t) => t[3]),
  ]) {
    if (!ids[name]) throw new Error(`demo user ${name} is missing: seed the demo data first`);
  }
  return ids;
}

/**
 * Fills the database with `cases` synthetic cases of the demo province, spread over `years` calendar
 * years up to `now`, in batches (one transaction each). Refuses when generated cases exist already.
 */
export async function generateBenchData(
  db: DataSource,
  cipher: BenchCipher,
  options: BenchDataOptions,
  progress: (done: number) => void = () => undefined,
): Promise<BenchDataSummary> {
  const existing = await countBenchCases(db);
  if (existing > 0) {
    throw new Error(
      `the database already holds ${existing} generated cases (survivor codes ${BENCH_SURVIVOR_PREFIX}…)`,
    );
  }
  const users = await userIds(db);
  const instrumentRows = (await db.query(
    `SELECT audience, id FROM risk_instruments WHERE published_at IS NOT NULL ORDER BY version DESC`,
  )) as { audience: string; id: string }[];
  const instrument = (audience: string) => {
    const found = instrumentRows.find((r) => r.audience === audience);
    if (!found) throw new Error(`no published ${audience} risk instrument`);
    return found.id;
  };
  const communes = (
    (await db.query(
      `SELECT code FROM administrative_units
        WHERE parent_code = $1 AND level = 'commune' AND effective_to IS NULL ORDER BY code`,
      [DEMO_PROVINCE.code],
    )) as { code: string }[]
  ).map((r) => r.code);
  if (communes.length === 0) throw new Error('the demo province has no communes');

  const years = options.years ?? 5;
  const from = vietnamYearStart(options.now.getUTCFullYear() - years + 1);
  const batch = options.batch ?? 50_000;
  // Encrypted once, reused by every row that carries them.
  const identity = cipher.encrypt(
    JSON.stringify({ ...emptyIdentity(), fullName: 'Bench Synthetic', dateOfBirth: '1990-01-01' }),
  );
  const reason = cipher.encrypt('Bench synthetic referral');
  const sections = cipher.encrypt(JSON.stringify({ safe_places: 'Bench synthetic place' }));

  const summary: BenchDataSummary = {
    cases: 0,
    incidents: 0,
    referrals: 0,
    serviceRecords: 0,
    incidentReportClocks: 0,
    incidentReports: 0,
    riskAssessments: 0,
    safetyPlans: 0,
    from: from.toISOString(),
    to: options.now.toISOString(),
  };
  for (let start = 1; start <= options.cases; start += batch) {
    const end = Math.min(options.cases, start + batch - 1);
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL synchronous_commit = off`);
      await fillBatch(tx, {
        start,
        end,
        from,
        now: options.now,
        communes,
        users,
        adult: instrument('adult'),
        child: instrument('child'),
        identity,
        reason,
        sections,
        summary,
      });
    });
    progress(end);
  }
  return summary;
}

interface BatchContext {
  start: number;
  end: number;
  from: Date;
  now: Date;
  communes: string[];
  users: Record<string, string>;
  adult: string;
  child: string;
  identity: string;
  reason: string;
  sections: string;
  summary: BenchDataSummary;
}

/** Runs one `INSERT … SELECT` and says how many rows it wrote. */
async function insert(tx: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [row] = (await tx.query(
    `WITH written AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM written`,
    params,
  )) as { n: number }[];
  return row?.n ?? 0;
}

async function fillBatch(tx: EntityManager, b: BatchContext): Promise<void> {
  const caseworker = b.users[DEMO_USERNAMES.caseworker];
  const supervisor = b.users[DEMO_USERNAMES.supervisor];
  // The flags drawn "yes" from an array of random numbers, one per flag.
  const yesFlags = (shares: readonly (readonly [string, number])[], draws: string) =>
    `array_remove(ARRAY[${shares
      .map(([flag, share], i) => `CASE WHEN ${draws}[${i + 1}] < ${share} THEN '${flag}' END`)
      .join(', ')}]::text[], NULL)`;
  const communeCount = b.communes.length;
  // One row per case with its random draws and what follows from them. Communes are skewed (a few
  // urban wards get most cases); times are uniform over the years up to now.
  await tx.query(`DROP TABLE IF EXISTS syn`);
  await tx.query(
    `CREATE TEMP TABLE syn ON COMMIT DROP AS
     SELECT g, gen_random_uuid() AS survivor_id, gen_random_uuid() AS case_id,
            gen_random_uuid() AS incident_id,
            CASE WHEN r_agency < 0.85 THEN $1::uuid ELSE $2::uuid END AS agency_id,
            ${pick('r_source', SOURCE)} AS source,
            ${pick('r_sex', SEX)} AS sex,
            ${pick('r_age', AGE)} AS age_group,
            r_anon < 0.4 AS anonymous,
            ${pick('r_dis', YES_NO_UNKNOWN(0.06, 0.7))} AS disability,
            ${pick('r_eth', YES_NO_UNKNOWN(0.1, 0.65))} AS ethnic_minority,
            ($3::text[])[1 + floor(${communeCount} * r_commune * r_commune)::int] AS commune,
            r_nocommune < 0.1 AS no_case_commune,
            $4::timestamptz + r_time * ($5::timestamptz - $4::timestamptz) AS opened_at,
            r_incident < 0.93 AS has_incident,
            ${pick('r_type', GBV)} AS gbv_type,
            r_dv, r_ctx,
            ${pick('r_rel', RELATIONSHIP)} AS relationship,
            r_serious < 0.08 AS serious,
            CASE WHEN r_refs < 0.4 THEN 0 WHEN r_refs < 0.75 THEN 1 WHEN r_refs < 0.93 THEN 2 ELSE 3 END
              AS referral_count,
            CASE WHEN r_risk < 0.55 THEN ${pick('r_level', RISK)} END AS risk,
            r_plan, r_stage, r_report, r_delay
       FROM (
         SELECT g, random() AS r_agency, random() AS r_source, random() AS r_sex, random() AS r_age,
                random() AS r_anon, random() AS r_dis, random() AS r_eth, random() AS r_commune,
                random() AS r_nocommune, random() AS r_time, random() AS r_incident, random() AS r_type,
                ARRAY[random(), random(), random(), random()] AS r_dv,
                ARRAY[random(), random(), random(), random(), random(), random()] AS r_ctx,
                random() AS r_rel, random() AS r_serious, random() AS r_refs, random() AS r_risk,
                random() AS r_level, random() AS r_plan, random() AS r_stage, random() AS r_report,
                random() AS r_delay
           FROM generate_series($6::int, $7::int) g
       ) draws`,
    [
      DEMO_AGENCIES.socialWorkCentre.id,
      DEMO_AGENCIES.socialWorkCentreQuangNam.id,
      b.communes,
      b.from,
      b.now,
      b.start,
      b.end,
    ],
  );
  const childAges = `('0_6', '7_11', '12_15')`;
  b.summary.cases += await insert(
    tx,
    `INSERT INTO survivors (id, code, agency_id, anonymous, sex, age_group, identity_enc, identity_fields,
                            disability, ethnic_minority, created_at, updated_at)
     SELECT survivor_id, '${BENCH_SURVIVOR_PREFIX}' || lpad(g::text, 9, '0'), agency_id, anonymous, sex,
            age_group, CASE WHEN anonymous THEN NULL ELSE $1 END,
            CASE WHEN anonymous THEN '{}'::text[] ELSE '{fullName,dateOfBirth}'::text[] END,
            disability, ethnic_minority, opened_at, opened_at
       FROM syn`,
    [b.identity],
  );
  // Older cases are mostly closed; this year's are spread over the working stages.
  await tx.query(
    `INSERT INTO cases (id, survivor_id, agency_id, stage, risk_level, source, assigned_user_id,
                        commune_code, child_involved, serious_incident, opened_by_user_id, opened_at,
                        updated_at)
     SELECT case_id, survivor_id, agency_id,
            CASE WHEN opened_at < $2::timestamptz - interval '1 year' AND r_stage < 0.85 THEN 'closed'
                 ELSE (ARRAY['intake', 'assessment', 'case_planning', 'implementation', 'follow_up'])
                        [1 + floor(r_stage * 5)::int] END,
            COALESCE(risk, 'unknown'), source, CASE WHEN agency_id = $3 THEN $1::uuid END,
            CASE WHEN no_case_commune THEN NULL ELSE commune END, age_group IN ${childAges},
            has_incident AND serious, $1, opened_at, opened_at
       FROM syn`,
    [caseworker, b.now, DEMO_AGENCIES.socialWorkCentre.id],
  );
  // The incident: occurred up to 30 days before the case opened, discovered in between.
  b.summary.incidents += await insert(
    tx,
    `INSERT INTO incidents (id, case_id, occurred_at, occurred_precision, discovered_at, commune_code,
                            classification_answers, gbv_type, dv_forms, context_flags, perpetrators,
                            serious, serious_reasons, created_by_user_id, created_at, updated_at)
     SELECT incident_id, case_id, opened_at - r_delay * interval '30 days', 'day',
            opened_at - r_delay * r_delay * interval '30 days', commune, $1::jsonb -> gbv_type, gbv_type,
            CASE WHEN ctx @> '{domestic_violence}' THEN dv ELSE '{}'::text[] END, ctx,
            jsonb_build_array(jsonb_build_object('relationship', relationship, 'sex', 'male',
                                                 'ageGroup', '25_59')),
            serious, CASE WHEN serious THEN '{repeated_violence}'::text[] ELSE '{}'::text[] END,
            $2, opened_at, opened_at
       FROM (SELECT syn.*, ${yesFlags(DV_FORM_SHARES, 'r_dv')} AS dv,
                    ${yesFlags(CONTEXT_SHARES, 'r_ctx')} AS ctx
               FROM syn WHERE has_incident) s`,
    [JSON.stringify(classificationAnswers()), caseworker],
  );
  // Referrals: 0-3 per case, each to one of the demo agencies, answered on time, late, withdrawn
  // or not at all (pending or overdue by now).
  await tx.query(`DROP TABLE IF EXISTS syn_ref`);
  const [police, policeThanhKhe, health] = TARGETS.map((t) => t[1]);
  const upTo = [police, police + policeThanhKhe, police + policeThanhKhe + health];
  await tx.query(
    `CREATE TEMP TABLE syn_ref ON COMMIT DROP AS
     SELECT r.*,
            CASE WHEN answer < 0.70 THEN sent_at + r_answer * (respond_by - sent_at)
                 WHEN answer < 0.85 THEN respond_by + r_answer * interval '3 days' END AS answered_at
       FROM (
         SELECT s.*, s.sent_at + CASE s.urgency WHEN 'emergency' THEN interval '1 hour'
                                                WHEN 'urgent' THEN interval '24 hours'
                                                ELSE interval '72 hours' END AS respond_by
           FROM (
             SELECT gen_random_uuid() AS id, syn.g * 4 + k AS n, syn.case_id,
                    syn.agency_id AS from_agency_id, syn.opened_at,
                    least(syn.opened_at + d.r_sent * interval '10 days', $1::timestamptz) AS sent_at,
                    d.answer, d.r_answer, d.r_outcome,
                    CASE WHEN d.rt < ${upTo[0]} THEN $2::uuid WHEN d.rt < ${upTo[1]} THEN $3::uuid
                         WHEN d.rt < ${upTo[2]} THEN $4::uuid ELSE $5::uuid END AS to_agency_id,
                    CASE WHEN d.rt < ${upTo[1]} THEN '${TARGETS[0][2]}'
                         WHEN d.rt < ${upTo[2]} THEN '${TARGETS[2][2]}' ELSE '${TARGETS[3][2]}' END AS service,
                    CASE WHEN d.rt < ${upTo[1]} THEN $6::uuid WHEN d.rt < ${upTo[2]} THEN $7::uuid
                         ELSE $8::uuid END AS liaison,
                    ${pick('d.ru', [
                      ['emergency', 0.1],
                      ['urgent', 0.3],
                      ['routine', 0.6],
                    ])} AS urgency
               FROM syn
               CROSS JOIN LATERAL generate_series(1, syn.referral_count) k
               CROSS JOIN LATERAL (
                 SELECT random() + k * 0 AS rt, random() + k * 0 AS ru, random() + k * 0 AS r_sent,
                        random() + k * 0 AS answer, random() + k * 0 AS r_answer,
                        random() + k * 0 AS r_outcome
               ) d
           ) s
       ) r`,
    [
      b.now,
      TARGETS[0][0],
      TARGETS[1][0],
      TARGETS[2][0],
      TARGETS[3][0],
      b.users[TARGETS[0][3]],
      b.users[TARGETS[2][3]],
      b.users[TARGETS[3][3]],
    ],
  );
  b.summary.referrals += await insert(
    tx,
    `INSERT INTO referrals (id, code, case_id, from_agency_id, to_agency_id, referred_by_user_id, services,
                            urgency, reason_enc, packet, status, sent_at, respond_by, responded_at,
                            responded_on_time, decline_reason, withdraw_reason, closed_at,
                            created_at, updated_at)
     SELECT id, '${BENCH_REFERRAL_PREFIX}' || lpad(n::text, 10, '0'), case_id, from_agency_id,
            to_agency_id, $1, ARRAY[service], urgency, $2, '{incident_facts,risk_level}', status, sent_at,
            respond_by, responded_at, responded_at <= respond_by,
            CASE WHEN status = 'declined' THEN 'other' END,
            CASE WHEN status = 'withdrawn' THEN 'other' END,
            CASE WHEN status IN ('declined', 'completed', 'withdrawn')
                 THEN COALESCE(responded_at, sent_at + interval '1 day') END,
            sent_at, sent_at
       FROM (
         SELECT syn_ref.*, CASE WHEN answered_at <= $3 THEN answered_at END AS responded_at,
                CASE WHEN answered_at <= $3 THEN
                       CASE WHEN r_outcome < 0.08 THEN 'declined'
                            WHEN answered_at < $3::timestamptz - interval '60 days' THEN 'completed'
                            ELSE 'in_service' END
                     WHEN answer >= 0.85 AND answer < 0.90 THEN 'withdrawn'
                     ELSE 'sent' END AS status
           FROM syn_ref
       ) r`,
    [caseworker, b.reason, b.now],
  );
  // One service record per referral in service or completed, recorded by the receiving agency.
  b.summary.serviceRecords += await insert(
    tx,
    `INSERT INTO service_records (referral_id, agency_id, service_type, provided_on, outcome,
                                  recorded_by_user_id, created_at)
     SELECT s.id, s.to_agency_id, s.service,
            ((r.responded_at + s.r_outcome * interval '7 days') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
            CASE WHEN s.r_outcome < 0.85 THEN 'provided' WHEN s.r_outcome < 0.92 THEN 'survivor_declined'
                 WHEN s.r_outcome < 0.97 THEN 'not_available' ELSE 'referred_on' END,
            s.liaison, r.responded_at
       FROM syn_ref s JOIN referrals r ON r.id = s.id
      WHERE r.status IN ('in_service', 'completed')`,
    [],
  );
  // Serious incidents: the 10-day clock (no stages: nothing for the worker to fire) and the report,
  // submitted on time (75%), late (15%) or not yet (10%: overdue, or pending while the clock runs).
  await tx.query(`DROP TABLE IF EXISTS syn_report`);
  await tx.query(
    `CREATE TEMP TABLE syn_report ON COMMIT DROP AS
     SELECT s.*, gen_random_uuid() AS deadline_id,
            i.discovered_at AS started_at, i.discovered_at + interval '10 days' AS due_at,
            CASE WHEN s.r_report < 0.75 THEN i.discovered_at + s.r_delay * interval '10 days'
                 WHEN s.r_report < 0.90 THEN i.discovered_at + interval '10 days' + s.r_delay * interval '10 days'
            END AS submit_at
       FROM syn s JOIN incidents i ON i.id = s.incident_id
      WHERE s.has_incident AND s.serious`,
  );
  b.summary.incidentReportClocks += await insert(
    tx,
    `INSERT INTO deadlines (id, kind, subject_type, subject_id, case_id, agency_id, period_unit,
                            period_amount, started_at, due_at, status, met_at, created_at, updated_at)
     SELECT deadline_id, 'incident_report', 'Incident', incident_id, case_id, agency_id, 'days', 10,
            started_at, due_at,
            CASE WHEN submit_at <= $1 THEN 'met' WHEN due_at < $1 THEN 'breached' ELSE 'pending' END,
            CASE WHEN submit_at <= $1 THEN submit_at END, started_at, started_at
       FROM syn_report`,
    [b.now],
  );
  b.summary.incidentReports += await insert(
    tx,
    `INSERT INTO incident_reports (incident_id, case_id, agency_id, recipient_agency_id, status, content,
                                   drafted_by_user_id, approved_by_user_id, approved_at,
                                   submitted_by_user_id, submitted_at, on_time, acknowledged_by_user_id,
                                   acknowledged_at, created_at, updated_at)
     SELECT r.incident_id, r.case_id, r.agency_id, $1, CASE WHEN r.submit_at < $2::timestamptz - interval '7 days'
                                                            THEN 'acknowledged' ELSE 'submitted' END,
            jsonb_build_object('survivorCode', sv.code, 'gbvType', r.gbv_type, 'dvForms', i.dv_forms,
                               'communeCode', i.commune_code, 'occurredAt', i.occurred_at,
                               'discoveredAt', i.discovered_at, 'seriousReasons', i.serious_reasons,
                               'servicesGiven', '[]'::jsonb, 'agenciesInvolved', '[]'::jsonb),
            $3, $4, r.submit_at, $4, r.submit_at, r.submit_at <= r.due_at,
            CASE WHEN r.submit_at < $2::timestamptz - interval '7 days' THEN $5::uuid END,
            CASE WHEN r.submit_at < $2::timestamptz - interval '7 days' THEN r.submit_at + interval '2 days' END,
            r.started_at, r.submit_at
       FROM syn_report r JOIN incidents i ON i.id = r.incident_id JOIN survivors sv ON sv.id = r.survivor_id
      WHERE r.submit_at <= $2`,
    [
      DEMO_AGENCIES.reportingAuthority.id,
      b.now,
      caseworker,
      supervisor,
      b.users[DEMO_USERNAMES.reporting_officer] ?? supervisor,
    ],
  );
  // Risk assessments for 55% of the cases (child instrument under 16), a safety plan for most
  // high-risk and some other assessed cases.
  b.summary.riskAssessments += await insert(
    tx,
    `INSERT INTO risk_assessments (case_id, instrument_id, answers, score, computed_level, level,
                                   assessed_by_user_id, assessed_at)
     SELECT case_id, CASE WHEN age_group IN ${childAges} THEN $2::uuid ELSE $1::uuid END, '{}'::jsonb,
            CASE risk WHEN 'high' THEN 16 WHEN 'medium' THEN 9 ELSE 3 END, risk, risk, $3,
            least(opened_at + r_delay * interval '3 days', $4::timestamptz)
       FROM syn WHERE risk IS NOT NULL`,
    [b.adult, b.child, caseworker, b.now],
  );
  b.summary.safetyPlans += await insert(
    tx,
    `INSERT INTO safety_plans (case_id, version, sections_enc, changed_sections, review_on,
                               created_by_user_id, created_at)
     SELECT case_id, 1, $1, '{safe_places}',
            ((opened_at + interval '30 days') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, $2,
            least(opened_at + r_delay * interval '4 days', $3::timestamptz)
       FROM syn
      WHERE (risk = 'high' AND r_plan < 0.8) OR (risk IN ('medium', 'low') AND r_plan < 0.3)`,
    [b.sections, caseworker, b.now],
  );
}
