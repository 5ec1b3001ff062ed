import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closing a case (issue 10): the caseworker's request with a reason, a summary (encrypted) and the
 * goal status; the supervisor's approval or return with a comment; and, on the approved request,
 * the reopening (who, when, why). At most one request waits per case.
 */
export class CaseClosures1764400000000 implements MigrationInterface {
  name = 'CaseClosures1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_closures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        status varchar(16) NOT NULL
          CONSTRAINT ck_case_closures_status CHECK (status IN ('requested', 'approved', 'returned')),
        reason varchar(24) NOT NULL
          CONSTRAINT ck_case_closures_reason CHECK (reason IN ('needs_met', 'survivor_wish',
            'moved_away', 'no_contact', 'transferred', 'died', 'other')),
        goal_status varchar(24) NOT NULL
          CONSTRAINT ck_case_closures_goal_status
          CHECK (goal_status IN ('achieved', 'partly_achieved', 'not_achieved')),
        summary_enc text NOT NULL,
        previous_stage varchar(24) NOT NULL,
        requested_by_user_id uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL,
        decided_by_user_id uuid REFERENCES users(id),
        decided_at timestamptz,
        comment_enc text,
        reopened_by_user_id uuid REFERENCES users(id),
        reopened_at timestamptz,
        reopen_reason_enc text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_case_closures_decided CHECK ((status = 'requested') = (decided_at IS NULL)),
        CONSTRAINT ck_case_closures_returned_comment CHECK (status <> 'returned' OR comment_enc IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX ix_case_closures_case_requested ON case_closures (case_id, requested_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX ux_case_closures_one_waiting ON case_closures (case_id) WHERE status = 'requested'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_closures`);
  }
}
