import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A centre may take an item off its intake queue without opening a case (a duplicate, not about
 * gender-based violence, a test): who did it, when and why; a free-text note is encrypted like the
 * call notes, since it may name someone.
 */
export class IntakeDismissals1764550000000 implements MigrationInterface {
  name = 'IntakeDismissals1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake_items
        ADD COLUMN dismissed_at timestamptz,
        ADD COLUMN dismissed_by_user_id uuid REFERENCES users(id),
        ADD COLUMN dismissal_reason varchar(16),
        ADD COLUMN dismissal_note_enc text,
        ADD CONSTRAINT intake_items_dismissal CHECK (
          (status = 'dismissed') = (dismissed_at IS NOT NULL AND dismissal_reason IS NOT NULL)
        )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake_items
        DROP CONSTRAINT intake_items_dismissal,
        DROP COLUMN dismissal_note_enc,
        DROP COLUMN dismissal_reason,
        DROP COLUMN dismissed_by_user_id,
        DROP COLUMN dismissed_at`);
  }
}
