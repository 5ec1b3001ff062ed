import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statutory clocks: the working calendar, deadlines with their reminder/escalation stages,
 * in-app notifications (one per stage and recipient, ever), and the 10-day incident report.
 */
/**
 * Vietnam's official days off for 2026-2027 as shipped (a snapshot of VIETNAM_OFFICIAL_DAYS in
 * libs/shared/domain: a migration must not change when that list does). Admins maintain the
 * calendar from here on through /api/holidays.
 */
const OFFICIAL_DAYS: readonly [string, string, string][] = [
  ['2026-01-01', 'public_holiday', 'Tết Dương lịch'],
  ['2026-02-16', 'public_holiday', 'Tết Nguyên Đán (29 tháng Chạp)'],
  ['2026-02-17', 'public_holiday', 'Tết Nguyên Đán (mùng 1)'],
  ['2026-02-18', 'public_holiday', 'Tết Nguyên Đán (mùng 2)'],
  ['2026-02-19', 'public_holiday', 'Tết Nguyên Đán (mùng 3)'],
  ['2026-02-20', 'public_holiday', 'Tết Nguyên Đán (mùng 4)'],
  ['2026-04-26', 'public_holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ['2026-04-27', 'compensatory_day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
  ['2026-04-30', 'public_holiday', 'Ngày Chiến thắng (30/4)'],
  ['2026-05-01', 'public_holiday', 'Quốc tế Lao động (1/5)'],
  ['2026-09-01', 'public_holiday', 'Quốc khánh (ngày liền kề)'],
  ['2026-09-02', 'public_holiday', 'Quốc khánh (2/9)'],
  ['2027-01-01', 'public_holiday', 'Tết Dương lịch'],
  ['2027-02-05', 'public_holiday', 'Tết Nguyên Đán (29 tháng Chạp)'],
  ['2027-02-06', 'public_holiday', 'Tết Nguyên Đán (mùng 1)'],
  ['2027-02-07', 'public_holiday', 'Tết Nguyên Đán (mùng 2)'],
  ['2027-02-08', 'public_holiday', 'Tết Nguyên Đán (mùng 3)'],
  ['2027-02-09', 'public_holiday', 'Tết Nguyên Đán (mùng 4)'],
  ['2027-02-10', 'compensatory_day_off', 'Nghỉ bù Tết Nguyên Đán'],
  ['2027-02-11', 'compensatory_day_off', 'Nghỉ bù Tết Nguyên Đán'],
  ['2027-04-16', 'public_holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ['2027-04-30', 'public_holiday', 'Ngày Chiến thắng (30/4)'],
  ['2027-05-01', 'public_holiday', 'Quốc tế Lao động (1/5)'],
  ['2027-05-03', 'compensatory_day_off', 'Nghỉ bù Quốc tế Lao động'],
  ['2027-09-02', 'public_holiday', 'Quốc khánh (2/9)'],
  ['2027-09-03', 'public_holiday', 'Quốc khánh (ngày liền kề)'],
];

export class Deadlines1764000000000 implements MigrationInterface {
  name = 'Deadlines1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        kind varchar(32) NOT NULL CHECK (kind IN ('public_holiday', 'compensatory_day_off', 'makeup_working_day')),
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (date BETWEEN '2000-01-01' AND '2100-12-31')
      )`);

    // Ship the official calendar for the current and next year; admins maintain it from here on.
    for (const [date, kind, name] of OFFICIAL_DAYS) {
      await q.query(
        `INSERT INTO calendar_days (date, kind, name) VALUES ($1, $2, $3) ON CONFLICT (date) DO NOTHING`,
        [date, kind, name],
      );
    }

    await q.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(40) NOT NULL,
        subject_type varchar(40) NOT NULL,
        subject_id uuid NOT NULL,
        case_id uuid REFERENCES cases(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        period_unit varchar(16) NOT NULL,
        period_amount integer NOT NULL,
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'met', 'breached', 'cancelled')),
        met_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One running clock of a kind per subject: marking serious twice does not start two clocks.
    await q.query(
      `CREATE UNIQUE INDEX uq_deadlines_open_subject ON deadlines (kind, subject_id) WHERE status IN ('pending', 'breached')`,
    );
    await q.query(`CREATE INDEX idx_deadlines_agency_due ON deadlines (agency_id, status, due_at)`);
    await q.query(`CREATE INDEX idx_deadlines_case ON deadlines (case_id)`);

    await q.query(`
      CREATE TABLE deadline_stages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deadline_id uuid NOT NULL REFERENCES deadlines(id),
        stage varchar(40) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('reminder', 'escalation')),
        audience varchar(32) NOT NULL,
        offset_ms bigint NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT uq_deadline_stages UNIQUE (deadline_id, stage)
      )`);
    await q.query(
      `CREATE INDEX idx_deadline_stages_unfired ON deadline_stages (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind varchar(48) NOT NULL,
        deadline_stage_id uuid REFERENCES deadline_stages(id),
        case_id uuid REFERENCES cases(id),
        params jsonb NOT NULL DEFAULT '{}',
        link varchar(200),
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exactly once per stage and recipient, whatever the number of workers or retries.
    await q.query(
      `CREATE UNIQUE INDEX uq_notifications_stage_user ON notifications (deadline_stage_id, user_id) WHERE deadline_stage_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX idx_notifications_user ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX idx_notifications_unread ON notifications (user_id) WHERE read_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE incident_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL UNIQUE REFERENCES incidents(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        recipient_agency_id uuid REFERENCES agencies(id),
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'submitted', 'acknowledged')),
        content jsonb NOT NULL,
        narrative_enc text,
        drafted_by_user_id uuid NOT NULL REFERENCES users(id),
        approved_by_user_id uuid REFERENCES users(id),
        approved_at timestamptz,
        submitted_by_user_id uuid REFERENCES users(id),
        submitted_at timestamptz,
        on_time boolean,
        acknowledged_by_user_id uuid REFERENCES users(id),
        acknowledged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX idx_incident_reports_recipient ON incident_reports (recipient_agency_id, submitted_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'incident_reports',
      'notifications',
      'deadline_stages',
      'deadlines',
      'calendar_days',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
