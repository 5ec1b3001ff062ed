import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Administrative units, agencies, users, sessions and the append-only audit log. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    // Codes are data, not enums: the 2025 reform redrew them once and may again.
    await q.query(`
      CREATE TABLE administrative_units (
        code varchar(16) PRIMARY KEY,
        name varchar(200) NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('province', 'commune')),
        parent_code varchar(16) REFERENCES administrative_units(code),
        CHECK ((level = 'province') = (parent_code IS NULL))
      )`);
    await q.query(
      `CREATE INDEX idx_administrative_units_parent_name ON administrative_units (parent_code, name)`,
    );

    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type varchar(40) NOT NULL,
        name varchar(200) NOT NULL,
        province_code varchar(16) NOT NULL REFERENCES administrative_units(code),
        commune_code varchar(16) REFERENCES administrative_units(code),
        address varchar(300),
        phone varchar(40),
        email varchar(200),
        services text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_agencies_name_id ON agencies (name, id)`);
    await q.query(`CREATE INDEX idx_agencies_type_name_id ON agencies (type, name, id)`);
    await q.query(
      `CREATE INDEX idx_agencies_province_name_id ON agencies (province_code, name, id)`,
    );

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        display_name varchar(120) NOT NULL,
        role varchar(32) NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_users_username UNIQUE (username),
        CONSTRAINT ck_users_username_lower CHECK (username = lower(username))
      )`);
    await q.query(`CREATE INDEX idx_users_agency_username ON users (agency_id, username)`);
    await q.query(`CREATE INDEX idx_users_role_username ON users (role, username)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        refresh_token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason varchar(40)
      )`);
    await q.query(
      `CREATE INDEX idx_sessions_user_open ON sessions (user_id) WHERE revoked_at IS NULL`,
    );
    await q.query(`CREATE INDEX idx_sessions_expires_at ON sessions (expires_at)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_role varchar(32),
        actor_agency_id uuid,
        action varchar(64) NOT NULL,
        subject_type varchar(64) NOT NULL,
        subject_id varchar(64),
        fields text[] NOT NULL DEFAULT '{}',
        request_id varchar(64),
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_audit_subject ON audit_log (subject_type, subject_id, id)`);
    await q.query(`CREATE INDEX idx_audit_actor ON audit_log (actor_user_id, id)`);
    // Append-only: the database itself refuses to rewrite history.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER trg_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE agencies`);
    await q.query(`DROP TABLE administrative_units`);
  }
}
