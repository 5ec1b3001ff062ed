import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables the statistics count, each with what its changed rows touch. `$rows` is the rows after
 * the statement (INSERT, UPDATE) and before it (UPDATE, DELETE), read from the transition tables.
 */
const TRIGGERS: Record<string, string> = {
  cases: `
    PERFORM statistics_mark(array_agg(agency_id), array_agg(statistics_year_of(opened_at))) FROM $rows;
    PERFORM statistics_mark_cases(array_agg(id)) FROM $rows;`,
  survivors: `
    PERFORM statistics_mark_cases(array_agg(c.id))
       FROM cases c WHERE c.survivor_id IN (SELECT id FROM $rows);`,
  incidents: `PERFORM statistics_mark_cases(array_agg(case_id)) FROM $rows;`,
  risk_assessments: `PERFORM statistics_mark_cases(array_agg(case_id)) FROM $rows;`,
  safety_plans: `PERFORM statistics_mark_cases(array_agg(case_id)) FROM $rows;`,
  incident_reports: `PERFORM statistics_mark_cases(array_agg(case_id)) FROM $rows;`,
  referrals: `
    PERFORM statistics_mark(array_agg(from_agency_id), array_agg(statistics_year_of(sent_at))) FROM $rows;
    PERFORM statistics_mark_cases(array_agg(case_id)) FROM $rows;`,
  service_records: `
    PERFORM statistics_mark(array_agg(r.from_agency_id), array_agg(extract(year from s.provided_on)::int))
       FROM $rows s JOIN referrals r ON r.id = s.referral_id;
    PERFORM statistics_mark_cases(array_agg(r.case_id))
       FROM $rows s JOIN referrals r ON r.id = s.referral_id;`,
  deadlines: `
    PERFORM statistics_mark(array_agg(agency_id), array_agg(statistics_year_of(started_at)))
       FROM $rows WHERE kind = 'incident_report';
    PERFORM statistics_mark_cases(array_agg(case_id)) FROM $rows WHERE kind = 'incident_report';`,
  calls: `
    PERFORM statistics_mark(array_agg(agency_id), array_agg(statistics_year_of(started_at))) FROM $rows;`,
  community_referrals: `
    PERFORM statistics_mark(array_agg(target_agency_id), array_agg(statistics_year_of(created_at)))
       FROM $rows;`,
  intake_items: `
    PERFORM statistics_mark(array_agg(cr.target_agency_id), array_agg(statistics_year_of(cr.created_at)))
       FROM $rows i JOIN community_referrals cr ON cr.id = i.community_referral_id;`,
};

/**
 * Statistics kept counted (issue 12, decision 0028): an agency's year of counts is stored with the
 * snapshot it was counted in, and every write to a record the statistics count appends, in its own
 * transaction, which agencies and years it touched. Counts are current while no change of theirs
 * comes from a transaction their snapshot did not see (and no clock-driven bucket, such as a
 * referral turning overdue, has changed since).
 *
 * The triggers are statement-level: one append per statement and agency-year, deduplicated within a
 * transaction by the key. What is appended is conservative (a case's change marks every year from its
 * opening to today for its centre and the agencies that referred from it): a wrong "changed" costs a
 * recount, a missed one would publish a wrong number.
 */
export class StatisticsYearCounts1764750000000 implements MigrationInterface {
  name = 'StatisticsYearCounts1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statistics_changes (
        agency_id uuid NOT NULL,
        year int NOT NULL,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        PRIMARY KEY (agency_id, year, xid)
      )`);
    await q.query(`
      CREATE TABLE statistics_year_counts (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        province_code text NOT NULL,
        year int NOT NULL,
        snapshot pg_snapshot NOT NULL,
        counted_at timestamptz NOT NULL,
        valid_until timestamptz,
        counts jsonb NOT NULL,
        PRIMARY KEY (agency_id, province_code, year)
      )`);

    // The calendar year of an instant in Vietnam (UTC+7 all year), as the statistics count it.
    await q.query(`
      CREATE FUNCTION statistics_year_of(at timestamptz) RETURNS int LANGUAGE sql STABLE AS $$
        SELECT extract(year from (at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::int
      $$`);
    await q.query(`
      CREATE FUNCTION statistics_mark(agency_ids uuid[], years int[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO statistics_changes (agency_id, year)
        SELECT DISTINCT a, y FROM unnest(agency_ids, years) AS t(a, y)
         WHERE a IS NOT NULL AND y IS NOT NULL
        ON CONFLICT DO NOTHING
      $$`);
    // Every agency and year a case's records are counted in: its centre, the agencies that referred
    // from it or run its clocks; from its opening to today and the years of those records.
    await q.query(`
      CREATE FUNCTION statistics_mark_cases(case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO statistics_changes (agency_id, year)
        SELECT DISTINCT a.agency_id, y.year
          FROM cases c
          CROSS JOIN LATERAL (
            SELECT c.agency_id
            UNION SELECT r.from_agency_id FROM referrals r WHERE r.case_id = c.id
            UNION SELECT d.agency_id FROM deadlines d WHERE d.case_id = c.id
          ) a(agency_id)
          CROSS JOIN LATERAL (
            SELECT generate_series(statistics_year_of(c.opened_at),
                                   greatest(statistics_year_of(c.opened_at), statistics_year_of(now())))
            UNION SELECT statistics_year_of(r.sent_at) FROM referrals r WHERE r.case_id = c.id
            UNION SELECT statistics_year_of(d.started_at) FROM deadlines d WHERE d.case_id = c.id
          ) y(year)
         WHERE c.id = ANY(case_ids)
        ON CONFLICT DO NOTHING
      $$`);

    for (const [table, body] of Object.entries(TRIGGERS)) {
      const fn = (rows: string) => body.replaceAll('$rows', rows);
      await q.query(`
        CREATE FUNCTION statistics_changed_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN ${fn('new_rows')} END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN ${fn('old_rows')} END IF;
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER statistics_changed_insert AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_${table}()`);
      await q.query(`
        CREATE TRIGGER statistics_changed_update AFTER UPDATE ON ${table}
          REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_${table}()`);
      await q.query(`
        CREATE TRIGGER statistics_changed_delete AFTER DELETE ON ${table}
          REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed_${table}()`);
    }

    // What the counts are grouped and labelled by: an agency's type (sector) and the communes (areas,
    // their successors). Rare, administrative changes: every stored year counts again, but only when
    // such a column really changed (the seed and the admin screens update agencies without changing
    // them, and a statement trigger fires for no rows too).
    await q.query(`
      CREATE FUNCTION statistics_mark_all() RETURNS void LANGUAGE sql AS $$
        INSERT INTO statistics_changes (agency_id, year)
        SELECT DISTINCT agency_id, year FROM statistics_year_counts
        ON CONFLICT DO NOTHING
      $$`);
    await q.query(`
      CREATE FUNCTION statistics_changed_everything() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM statistics_mark_all();
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER statistics_changed_everything AFTER UPDATE ON agencies
        FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type)
        EXECUTE FUNCTION statistics_changed_everything()`);
    await q.query(`
      CREATE TRIGGER statistics_changed_everything AFTER UPDATE ON administrative_units
        FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code
                           OR OLD.parent_code IS DISTINCT FROM NEW.parent_code
                           OR OLD.successor_code IS DISTINCT FROM NEW.successor_code)
        EXECUTE FUNCTION statistics_changed_everything()`);
    // A unit added or removed can turn a record's commune from unknown into known or back.
    await q.query(`
      CREATE FUNCTION statistics_units_added_or_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM changed_units) THEN
          PERFORM statistics_mark_all();
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER statistics_units_added AFTER INSERT ON administrative_units
        REFERENCING NEW TABLE AS changed_units
        FOR EACH STATEMENT EXECUTE FUNCTION statistics_units_added_or_removed()`);
    await q.query(`
      CREATE TRIGGER statistics_units_removed AFTER DELETE ON administrative_units
        REFERENCING OLD TABLE AS changed_units
        FOR EACH STATEMENT EXECUTE FUNCTION statistics_units_added_or_removed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER statistics_units_added ON administrative_units`);
    await q.query(`DROP TRIGGER statistics_units_removed ON administrative_units`);
    await q.query(`DROP FUNCTION statistics_units_added_or_removed()`);
    for (const table of ['agencies', 'administrative_units']) {
      await q.query(`DROP TRIGGER statistics_changed_everything ON ${table}`);
    }
    await q.query(`DROP FUNCTION statistics_changed_everything()`);
    await q.query(`DROP FUNCTION statistics_mark_all()`);
    for (const table of Object.keys(TRIGGERS)) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER statistics_changed_${op} ON ${table}`);
      }
      await q.query(`DROP FUNCTION statistics_changed_${table}()`);
    }
    await q.query(`DROP FUNCTION statistics_mark_cases(uuid[])`);
    await q.query(`DROP FUNCTION statistics_mark(uuid[], int[])`);
    await q.query(`DROP FUNCTION statistics_year_of(timestamptz)`);
    await q.query(`DROP TABLE statistics_year_counts`);
    await q.query(`DROP TABLE statistics_changes`);
  }
}
