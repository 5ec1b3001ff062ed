import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import type { AppAbility } from '@caunoi/shared/authz';
import type { LatticeRow, StatisticsPopulation } from '@caunoi/shared/domain';
import {
  ACTION_MONTH_WINDOW,
  addLatticeRows,
  actionMonthCategoryOf,
  AGE_GROUPS,
  AGENCY_TYPES,
  CASE_SOURCES,
  communityReferralOutcomeOf,
  CONTEXT_FLAGS,
  DV_FORMS,
  FAMILY_RELATIONSHIPS,
  helpChannelOf,
  INTAKE_ITEM_STATUSES,
  RESPONSE_TIME_HOURS,
  responseTimeBucketOf,
  safetyPlanCategoryOf,
  STATISTICS_POPULATIONS,
  statisticsRiskLevelOf,
  statisticsSectorOf,
  statisticsAgeGroupOf,
  TOTAL_CELL,
  UNKNOWN_AREA,
} from '@caunoi/shared/domain';
import { accessibleWhere } from '../authz/accessible-where';

/** Rule fields of `Statistics`, as columns of the agency whose records are counted (`a`). */
const STATISTICS_RULE_COLUMNS = {
  agencyId: 'a.id',
  // The province's reporting authority that receives the agency's 10-day reports (the same choice
  // as IncidentReportsRepository.findReportingAuthority).
  reportingAgencyId: `(SELECT ra.id FROM agencies ra
      WHERE ra.type = 'reporting_authority' AND ra.active AND ra.province_code = a.province_code
      ORDER BY ra.name LIMIT 1)`,
} as const;

export interface CallerAgency {
  id: string;
  name: string;
  provinceCode: string;
}

export interface AreaName {
  code: string;
  name: string;
}

/** The domain's mappings as JSON objects, so SQL and the domain cannot drift apart. */
const CHANNEL_OF = JSON.stringify(
  Object.fromEntries(CASE_SOURCES.map((s) => [s, helpChannelOf(s)])),
);
const AGE_OF = JSON.stringify(
  Object.fromEntries(AGE_GROUPS.map((g) => [g, statisticsAgeGroupOf(g)])),
);
const SECTOR_OF = JSON.stringify(
  Object.fromEntries(AGENCY_TYPES.map((t) => [t, statisticsSectorOf(t)])),
);

const INTAKE_OUTCOME_OF = JSON.stringify(
  Object.fromEntries(INTAKE_ITEM_STATUSES.map((st) => [st, communityReferralOutcomeOf(st)])),
);

/** The domain's categories for a case without a risk assessment or a safety plan, and with one. */
const NOT_ASSESSED = statisticsRiskLevelOf(null);
const [PLAN_YES, PLAN_NO] = [safetyPlanCategoryOf(1), safetyPlanCategoryOf(0)];

/** Vietnam keeps UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** Start of a calendar year in Vietnam time, as an instant. */
function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - VIETNAM_OFFSET_MS);
}

/**
 * The month (Vietnam time) and area of a record, from an instant column and the case's commune:
 * the commune in force that carries it on, when it belongs to the scope's province; else unknown.
 */
const monthOf = (instant: string) =>
  `extract(month from (${instant} AT TIME ZONE 'Asia/Ho_Chi_Minh'))::int`;
const AREA = `CASE WHEN u.parent_code = $3 THEN u.code ELSE '${UNKNOWN_AREA}' END`;
const AREA_JOIN = `
  LEFT JOIN administrative_unit_current_codes cc ON cc.code = COALESCE(c.commune_code, fi.commune_code)
  LEFT JOIN administrative_units u ON u.code = cc.current_code`;
const FIRST_INCIDENT = `
  LEFT JOIN LATERAL (
    SELECT i.gbv_type, i.dv_forms, i.context_flags, i.perpetrators, i.commune_code
      FROM incidents i WHERE i.case_id = c.id ORDER BY i.occurred_at, i.id LIMIT 1
  ) fi ON true`;

/** Counts the rows of `base` by month, area and each cell expression (one row per record and cell). */
const countCells = (cells: readonly string[]) => `
  SELECT month, area, v.cell, count(*) AS count
    FROM base
    CROSS JOIN LATERAL (VALUES ('${TOTAL_CELL}'), ${cells.map((c) => `(${c})`).join(', ')}) AS v(cell)
   GROUP BY month, area, v.cell`;

/**
 * The `action_month` category of a record from its local (Vietnam) date or timestamp expression:
 * the window's bounds and category codes are the domain's.
 */
const actionMonthOf = (local: string) =>
  `CASE WHEN to_char(${local}, 'MM-DD') BETWEEN '${ACTION_MONTH_WINDOW.from}' AND '${ACTION_MONTH_WINDOW.to}'
        THEN '${actionMonthCategoryOf(ACTION_MONTH_WINDOW.from)}' ELSE '${actionMonthCategoryOf('01-01')}' END`;
const inVietnam = (instant: string) => `(${instant} AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const ACTION_MONTH_CELL = `'action_month=' || action_month`;

/** A referral's `response_time` bucket, the domain's bounds as intervals. */
const RESPONSE_TIME = `CASE WHEN r.responded_at IS NULL THEN '${responseTimeBucketOf(new Date(0), null)}'
  ${Object.entries(RESPONSE_TIME_HOURS)
    .map(
      ([bucket, hours]) =>
        `WHEN r.responded_at - r.sent_at <= interval '${hours} hours' THEN '${bucket}'`,
    )
    .join('\n  ')}
  ELSE '${responseTimeBucketOf(new Date(0), new Date(8_760 * 3600_000))}' END`;

/** The area of a record with its own commune column (calls, community referrals). */
const ownAreaJoin = (communeColumn: string) => `
  LEFT JOIN administrative_unit_current_codes cc ON cc.code = ${communeColumn}
  LEFT JOIN administrative_units u ON u.code = cc.current_code`;

/** One agency's counted year, by its key. */
export interface StoredYear {
  agencyId: string;
  provinceCode: string;
  year: number;
}

/**
 * Whether a stored year `y` is still current at the instant `now` (a parameter): counted no later than
 * it, before any clock-driven bucket changed, and with no change from a transaction its snapshot did
 * not see.
 */
const isCurrentAt = (now: string) => `(
  y.counted_at <= ${now} AND (y.valid_until IS NULL OR ${now} <= y.valid_until)
  AND NOT EXISTS (SELECT 1 FROM statistics_changes ch
                   WHERE ch.agency_id = y.agency_id AND ch.year = y.year
                     AND NOT pg_visible_in_snapshot(ch.xid, y.snapshot)))`;

/** The session lock one agency-year is counted under. */
const yearLock = (agencyId: string, year: number) => `statistics:${agencyId}:${year}`;

/** Every population's rows of one year. */
export type YearCounts = Record<StatisticsPopulation, LatticeRow[]>;

/** As stored: per population, rows as [month, area, cell, count]. */
type StoredCounts = Record<string, [number, string, string, number][]>;

const toStored = (counts: YearCounts): StoredCounts =>
  Object.fromEntries(
    Object.entries(counts).map(([p, rows]) => [
      p,
      rows.map((r) => [r.month, r.area, r.cell, r.count] as [number, string, string, number]),
    ]),
  );

const fromStored = (stored: StoredCounts): YearCounts =>
  Object.fromEntries(
    STATISTICS_POPULATIONS.map((p) => [
      p,
      (stored[p] ?? []).map(([month, area, cell, count]) => ({ month, area, cell, count })),
    ]),
  ) as YearCounts;

/**
 * Read-only aggregate SQL over the case records of a scope (decision 0021): counts by month, area
 * and category for one calendar year; nothing leaves this class but counts.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getCallerAgency(agencyId: string): Promise<CallerAgency | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, name, province_code AS "provinceCode" FROM agencies WHERE id = $1`,
      [agencyId],
    )) as CallerAgency[];
    return row ?? null;
  }

  /** The agencies whose records the caller's `Statistics` rules let them count. */
  async getScopeAgencyIds(ability: AppAbility): Promise<string[]> {
    const access = accessibleWhere(ability, 'read', 'Statistics', STATISTICS_RULE_COLUMNS);
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select('a.id', 'id')
      .from('agencies', 'a')
      .where(access.sql, access.params)
      .getRawMany()) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The communes in force of a province, by name. */
  getCommunesOf(provinceCode: string): Promise<AreaName[]> {
    return this.dataSource.query(
      `SELECT code, name FROM administrative_units
        WHERE parent_code = $1 AND level = 'commune' AND effective_to IS NULL
        ORDER BY name, code`,
      [provinceCode],
    ) as Promise<AreaName[]>;
  }

  /** A commune of the province (in force or not), or null. */
  async findCommuneOf(provinceCode: string, code: string): Promise<AreaName | null> {
    const [row] = (await this.dataSource.query(
      `SELECT code, name FROM administrative_units
        WHERE code = $1 AND parent_code = $2 AND level = 'commune'`,
      [code, provinceCode],
    )) as AreaName[];
    return row ?? null;
  }

  /**
   * Month × area × cell counts of every population for one calendar year of the scope: the sum of
   * each agency's year, counted once and kept while nothing it counted has changed (decision 0028).
   */
  async countYear(
    agencyIds: readonly string[],
    provinceCode: string,
    year: number,
    now: Date,
  ): Promise<YearCounts> {
    const stored = await this.storedYearCounts(
      this.dataSource.manager,
      agencyIds,
      provinceCode,
      year,
      now,
    );
    const perAgency: YearCounts[] = [];
    for (const agencyId of agencyIds) {
      perAgency.push(
        stored.get(agencyId) ?? (await this.countAgencyYear(agencyId, provinceCode, year, now)),
      );
    }
    return Object.fromEntries(
      STATISTICS_POPULATIONS.map((p) => [p, addLatticeRows(perAgency.map((c) => c[p]))]),
    ) as YearCounts;
  }

  /** The agencies' stored years that are still current at `now` (`isCurrentAt`). */
  private async storedYearCounts(
    m: EntityManager,
    agencyIds: readonly string[],
    provinceCode: string,
    year: number,
    now: Date,
  ): Promise<Map<string, YearCounts>> {
    const rows = (await m.query(
      `SELECT y.agency_id AS "agencyId", y.counts
         FROM statistics_year_counts y
        WHERE y.agency_id = ANY($1) AND y.province_code = $2 AND y.year = $3
          AND ${isCurrentAt('$4')}`,
      [agencyIds, provinceCode, year, now],
    )) as { agencyId: string; counts: StoredCounts }[];
    return new Map(rows.map((r) => [r.agencyId, fromStored(r.counts)]));
  }

  /**
   * Stored years that are no longer current at `now` (a write they did not see, or a pending item
   * turned overdue), the longest stale first: the worker counts them again before anyone asks.
   */
  async staleYears(now: Date, limit: number): Promise<StoredYear[]> {
    return (await this.dataSource.query(
      `SELECT y.agency_id AS "agencyId", y.province_code AS "provinceCode", y.year
         FROM statistics_year_counts y
        WHERE NOT ${isCurrentAt('$1')}
        ORDER BY y.counted_at
        LIMIT $2`,
      [now, limit],
    )) as StoredYear[];
  }

  /** Counts a stored year again (unless someone just did). */
  async recount(year: StoredYear, now: Date): Promise<void> {
    await this.countAgencyYear(year.agencyId, year.provinceCode, year.year, now);
  }

  /**
   * Agency-years written to (they have change marks) that have never been counted: the worker counts
   * them once, so that even a year nobody has asked for yet is ready when a report needs it.
   */
  async uncountedYears(limit: number): Promise<StoredYear[]> {
    return (await this.dataSource.query(
      `SELECT DISTINCT ch.agency_id AS "agencyId", a.province_code AS "provinceCode", ch.year
         FROM statistics_changes ch
         JOIN agencies a ON a.id = ch.agency_id
        WHERE NOT EXISTS (SELECT 1 FROM statistics_year_counts y
                           WHERE y.agency_id = ch.agency_id AND y.year = ch.year)
        ORDER BY ch.year DESC
        LIMIT $1`,
      [limit],
    )) as StoredYear[];
  }

  /**
   * Counts one agency's year from its records and stores it with the snapshot it was counted in.
   * One count per agency and year at a time (a session lock taken before the snapshot, so the stored
   * snapshot only ever moves forward); whoever waited finds it stored.
   */
  private async countAgencyYear(
    agencyId: string,
    provinceCode: string,
    year: number,
    now: Date,
  ): Promise<YearCounts> {
    return this.underYearLock(agencyId, year, async (runner) => {
      await runner.startTransaction('REPEATABLE READ');
      try {
        const m = runner.manager;
        const counts =
          (await this.storedYearCounts(m, [agencyId], provinceCode, year, now)).get(agencyId) ??
          (await this.countAndStore(m, agencyId, provinceCode, year, now));
        await runner.commitTransaction();
        return counts;
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    });
  }

  /**
   * Runs `work` on a connection of its own holding the agency-year's session lock, taken before any
   * transaction (so before its snapshot).
   */
  private async underYearLock<T>(
    agencyId: string,
    year: number,
    work: (runner: QueryRunner) => Promise<T>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const lock = yearLock(agencyId, year);
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lock]);
      try {
        return await work(runner);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lock]);
      }
    } finally {
      await runner.release();
    }
  }

  private async countAndStore(
    m: EntityManager,
    agencyId: string,
    provinceCode: string,
    year: number,
    now: Date,
  ): Promise<YearCounts> {
    const params = [[agencyId], yearStart(year), provinceCode, yearStart(year + 1)];
    const counts = {} as Record<StatisticsPopulation, LatticeRow[]>;
    for (const population of STATISTICS_POPULATIONS) {
      counts[population] = await this.countPopulation(m, population, params, now);
    }
    // The first instant a clock-driven bucket (pending → overdue) changes without a write.
    const [{ validUntil }] = (await m.query(
      `SELECT least(
         (SELECT min(r.respond_by) FROM referrals r
           WHERE r.from_agency_id = ANY($1) AND r.sent_at >= $2 AND r.sent_at < $3
             AND r.responded_at IS NULL AND r.status <> 'withdrawn' AND r.respond_by >= $4),
         (SELECT min(d.due_at) FROM deadlines d
            LEFT JOIN incident_reports ir ON ir.incident_id = d.subject_id
           WHERE d.kind = 'incident_report' AND d.status <> 'cancelled'
             AND d.agency_id = ANY($1) AND d.started_at >= $2 AND d.started_at < $3
             AND ir.submitted_at IS NULL AND d.due_at >= $4)) AS "validUntil"`,
      [[agencyId], yearStart(year), yearStart(year + 1), now],
    )) as { validUntil: Date | null }[];
    await m.query(
      `INSERT INTO statistics_year_counts
              (agency_id, province_code, year, snapshot, counted_at, valid_until, counts)
       VALUES ($1, $2, $3, pg_current_snapshot(), $4, $5, $6)
       ON CONFLICT (agency_id, province_code, year) DO UPDATE
          SET snapshot = EXCLUDED.snapshot, counted_at = EXCLUDED.counted_at,
              valid_until = EXCLUDED.valid_until, counts = EXCLUDED.counts`,
      [agencyId, provinceCode, year, now, validUntil, JSON.stringify(toStored(counts))],
    );
    // Changes every stored count of this agency-year has seen are of no further use.
    await m.query(
      `DELETE FROM statistics_changes ch
        WHERE ch.agency_id = $1 AND ch.year = $2
          AND NOT EXISTS (SELECT 1 FROM statistics_year_counts y
                           WHERE y.agency_id = ch.agency_id AND y.year = ch.year
                             AND NOT pg_visible_in_snapshot(ch.xid, y.snapshot))`,
      [agencyId, year],
    );
    return counts;
  }

  /** Month × area × cell counts of one population for one calendar year. */
  private countPopulation(
    m: EntityManager,
    population: StatisticsPopulation,
    params: unknown[],
    now: Date,
  ): Promise<LatticeRow[]> {
    switch (population) {
      case 'cases':
        return this.countCases(m, params);
      case 'referrals':
        return this.countReferrals(m, [...params, now]);
      case 'incident_reports':
        return this.countIncidentReports(m, [...params, now]);
      case 'calls':
        return this.countCalls(m, params);
      case 'community_referrals':
        return this.countCommunityReferrals(m, params);
      case 'services':
        return this.countServices(m, params);
    }
  }

  private async run(m: EntityManager, sql: string, params: unknown[]): Promise<LatticeRow[]> {
    const rows = (await m.query(sql, params)) as {
      month: number;
      area: string;
      cell: string;
      count: string;
    }[];
    return rows.map((r) => ({
      month: Number(r.month),
      area: r.area,
      cell: r.cell,
      count: Number(r.count),
    }));
  }

  /** Cases opened in the year by the scope's agencies: one row per case and dimension, counted. */
  private countCases(m: EntityManager, params: unknown[]): Promise<LatticeRow[]> {
    const yesNo = (condition: string) => `CASE WHEN ${condition} THEN 'yes' ELSE 'no' END`;
    // Vocabulary constants, not input: safe to write into the SQL.
    const multiSelect = [
      ...DV_FORMS.map((f) => `'dv_${f}=' || ${yesNo(`'${f}' = ANY(COALESCE(dv_forms, '{}'))`)}`),
      ...CONTEXT_FLAGS.map(
        (f) => `'context_${f}=' || ${yesNo(`'${f}' = ANY(COALESCE(context_flags, '{}'))`)}`,
      ),
    ];
    return this.run(
      m,
      `WITH base AS (
         SELECT ${monthOf('c.opened_at')} AS month, ${AREA} AS area,
                ($5::jsonb ->> c.source) AS channel, s.sex,
                ($6::jsonb ->> s.age_group) AS age_group,
                COALESCE(fi.gbv_type, 'not_recorded') AS gbv_type,
                fi.dv_forms, fi.context_flags,
                CASE
                  WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(fi.perpetrators, '[]')) p
                                WHERE p ->> 'relationship' = ANY($7)) THEN 'family'
                  WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE(fi.perpetrators, '[]')) p
                                WHERE p ->> 'relationship' <> 'unknown') THEN 'non_family'
                  ELSE 'unknown'
                END AS relationship,
                s.disability, s.ethnic_minority,
                CASE
                  WHEN fi.gbv_type = 'non_gbv' THEN 'not_needed'
                  WHEN EXISTS (SELECT 1 FROM referrals r JOIN service_records sr ON sr.referral_id = r.id
                                WHERE r.case_id = c.id AND sr.outcome = 'provided') THEN 'received'
                  ELSE 'not_received'
                END AS help,
                COALESCE((SELECT ra.level FROM risk_assessments ra WHERE ra.case_id = c.id
                           ORDER BY ra.assessed_at DESC, ra.id DESC LIMIT 1),
                         '${NOT_ASSESSED}') AS risk_level,
                CASE WHEN EXISTS (SELECT 1 FROM safety_plans sp WHERE sp.case_id = c.id)
                     THEN '${PLAN_YES}' ELSE '${PLAN_NO}' END AS safety_plan,
                ${actionMonthOf(inVietnam('c.opened_at'))} AS action_month
           FROM cases c
           JOIN survivors s ON s.id = c.survivor_id
           ${FIRST_INCIDENT}
           ${AREA_JOIN}
          WHERE c.agency_id = ANY($1) AND c.opened_at >= $2 AND c.opened_at < $4
       )
       ${countCells([
         `'channel_sex=' || channel || '×' || sex`,
         `'age_group=' || age_group`,
         `'gbv_type=' || gbv_type`,
         `'relationship=' || relationship`,
         `'disability=' || disability`,
         `'ethnic_minority=' || ethnic_minority`,
         `'help=' || help`,
         `'risk_safety_plan=' || risk_level || '×' || safety_plan`,
         ...multiSelect,
         ACTION_MONTH_CELL,
       ])}`,
      [...params, CHANNEL_OF, AGE_OF, FAMILY_RELATIONSHIPS],
    );
  }

  /** Referrals the scope's agencies sent in the year, by answer and receiving sector. */
  private countReferrals(m: EntityManager, params: unknown[]): Promise<LatticeRow[]> {
    return this.run(
      m,
      `WITH base AS (
         SELECT ${monthOf('r.sent_at')} AS month, ${AREA} AS area,
                CASE
                  WHEN r.responded_at IS NOT NULL THEN
                    CASE WHEN COALESCE(r.responded_on_time, r.responded_at <= r.respond_by)
                         THEN 'on_time' ELSE 'late' END
                  WHEN r.status = 'withdrawn' THEN 'withdrawn_unanswered'
                  WHEN r.respond_by < $5 THEN 'overdue'
                  ELSE 'pending'
                END AS response,
                ($6::jsonb ->> ta.type) AS sector,
                ${RESPONSE_TIME} AS response_time,
                ${actionMonthOf(inVietnam('r.sent_at'))} AS action_month
           FROM referrals r
           JOIN cases c ON c.id = r.case_id
           JOIN agencies ta ON ta.id = r.to_agency_id
           ${FIRST_INCIDENT}
           ${AREA_JOIN}
          WHERE r.from_agency_id = ANY($1) AND r.sent_at >= $2 AND r.sent_at < $4
       )
       ${countCells([
         `'response=' || response`,
         `'sector=' || sector`,
         `'response_time=' || response_time`,
         ACTION_MONTH_CELL,
       ])}`,
      [...params, SECTOR_OF],
    );
  }

  /** Serious incidents whose 10-day clock started in the year, by how the report went. */
  private countIncidentReports(m: EntityManager, params: unknown[]): Promise<LatticeRow[]> {
    return this.run(
      m,
      `WITH base AS (
         SELECT ${monthOf('d.started_at')} AS month, ${AREA} AS area,
                CASE
                  WHEN ir.submitted_at IS NOT NULL THEN
                    CASE WHEN COALESCE(ir.on_time, ir.submitted_at <= d.due_at)
                         THEN 'on_time' ELSE 'late' END
                  WHEN d.due_at < $5 THEN 'overdue'
                  ELSE 'pending'
                END AS timeliness,
                ${actionMonthOf(inVietnam('d.started_at'))} AS action_month
           FROM deadlines d
           JOIN cases c ON c.id = d.case_id
           LEFT JOIN incident_reports ir ON ir.incident_id = d.subject_id
           ${FIRST_INCIDENT}
           ${AREA_JOIN}
          WHERE d.kind = 'incident_report' AND d.status <> 'cancelled'
            AND d.agency_id = ANY($1) AND d.started_at >= $2 AND d.started_at < $4
       )
       ${countCells([`'timeliness=' || timeliness`, ACTION_MONTH_CELL])}`,
      params,
    );
  }

  /**
   * Hotline calls the scope's centres answered in the year, by the survivor's sex and age where the
   * operator recorded them, the outcome, who called and the type of violence hinted at.
   */
  private countCalls(m: EntityManager, params: unknown[]): Promise<LatticeRow[]> {
    return this.run(
      m,
      `WITH base AS (
         SELECT ${monthOf('k.started_at')} AS month, ${AREA} AS area,
                COALESCE(k.survivor_sex, 'unknown') AS sex,
                ($5::jsonb ->> COALESCE(k.survivor_age_group, 'unknown')) AS age_group,
                COALESCE(k.outcome, 'not_recorded') AS call_outcome,
                k.caller_type,
                COALESCE(k.gbv_type_hint, 'not_recorded') AS gbv_type,
                ${actionMonthOf(inVietnam('k.started_at'))} AS action_month
           FROM calls k
           ${ownAreaJoin('k.commune_code')}
          WHERE k.agency_id = ANY($1) AND k.started_at >= $2 AND k.started_at < $4
       )
       ${countCells([
         `'sex=' || sex`,
         `'age_group=' || age_group`,
         `'call_outcome=' || call_outcome`,
         `'caller_type=' || caller_type`,
         `'gbv_type=' || gbv_type`,
         ACTION_MONTH_CELL,
       ])}`,
      [...params, AGE_OF],
    );
  }

  /**
   * Community referrals (volunteers' reports) sent to the scope's centres in the year, by their
   * status and what the centre's intake made of them.
   */
  private countCommunityReferrals(m: EntityManager, params: unknown[]): Promise<LatticeRow[]> {
    return this.run(
      m,
      `WITH base AS (
         SELECT ${monthOf('cr.created_at')} AS month, ${AREA} AS area,
                cr.status,
                ($5::jsonb ->> COALESCE(ii.status, 'pending')) AS outcome,
                ${actionMonthOf(inVietnam('cr.created_at'))} AS action_month
           FROM community_referrals cr
           LEFT JOIN intake_items ii ON ii.community_referral_id = cr.id
           ${ownAreaJoin('cr.commune_code')}
          WHERE cr.target_agency_id = ANY($1) AND cr.created_at >= $2 AND cr.created_at < $4
       )
       ${countCells([
         `'community_referral_status=' || status`,
         `'community_referral_outcome=' || outcome`,
         ACTION_MONTH_CELL,
       ])}`,
      [...params, INTAKE_OUTCOME_OF],
    );
  }

  /**
   * Services recorded as provided in the year on the referrals the scope's centres sent, by the
   * sector of the agency that provided them, in the case's area.
   */
  private countServices(m: EntityManager, params: unknown[]): Promise<LatticeRow[]> {
    return this.run(
      m,
      `WITH base AS (
         SELECT extract(month from sr.provided_on)::int AS month, ${AREA} AS area,
                ($5::jsonb ->> pa.type) AS sector,
                ${actionMonthOf('sr.provided_on')} AS action_month
           FROM service_records sr
           JOIN referrals r ON r.id = sr.referral_id
           JOIN agencies pa ON pa.id = sr.agency_id
           JOIN cases c ON c.id = r.case_id
           ${FIRST_INCIDENT}
           ${AREA_JOIN}
          WHERE r.from_agency_id = ANY($1) AND sr.outcome = 'provided'
            AND sr.provided_on >= ${inVietnam('$2::timestamptz')}::date
            AND sr.provided_on < ${inVietnam('$4::timestamptz')}::date
       )
       ${countCells([`'service_sector=' || sector`, ACTION_MONTH_CELL])}`,
      [...params, SECTOR_OF],
    );
  }
}
