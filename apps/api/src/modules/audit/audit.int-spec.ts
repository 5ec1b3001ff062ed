import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { createUser, login, signedIn } from '../../../test-support/factories';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditChainService } from './audit-chain.service';
import { AuditService } from './audit.service';
import { withOwnerClient } from '../../../test-support/test-database';

describe('audit log', () => {
  let t: TestApp;

  /** Links what has committed (the worker's chainer does it within a second), then verifies. */
  async function firstBrokenLink(): Promise<string | null> {
    expect((await t.app.get(AuditChainService).chainCommitted()).reachedHorizon).toBe(true);
    return t.app.get(AuditChainRepository).findFirstBrokenLink();
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records who did what with the request id, and never a password', async () => {
    const user = await createUser(t, 'caseworker');
    await t.http
      .post('/api/auth/login')
      .set('X-Request-Id', 'audit-test-0001')
      .send({ username: user.username, password: 'wrong password here' });
    const rows = (await t.dataSource.query(`SELECT * FROM audit_log WHERE subject_id = $1`, [
      user.id,
    ])) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'auth.login_failed',
      subject_type: 'User',
      request_id: 'audit-test-0001',
    });
    expect(JSON.stringify(rows)).not.toMatch(/wrong password/);
  });

  it('is a hash chain that verifies, and the database refuses edits and deletes', async () => {
    const s = await signedIn(t, 'admin');
    await login(t, s.username);
    expect(await firstBrokenLink()).toBeNull();
    // The app's own role may not even try (database-roles.int-spec.ts); the owner meets the triggers.
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(
      /permission denied/,
    );
    await withOwnerClient(async (c) => {
      await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(c.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
      await expect(c.query(`UPDATE audit_chain SET hash = prev_hash`)).rejects.toThrow(
        /append-only/,
      );
      await expect(c.query(`DELETE FROM audit_chain`)).rejects.toThrow(/append-only/);
    });
  });

  it('chains a batch of rows (a list read) in order, one after the other', async () => {
    const service = t.app.get(AuditService);
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`)) as {
      n: number;
    }[];
    await t.dataSource.transaction((m) =>
      service.recordMany(
        m,
        ['a', 'b', 'c'].map((x) => ({
          actor: null,
          action: `test.batch_${x}`,
          subjectType: 'Test',
        })),
      ),
    );
    const rows = (await t.dataSource.query(
      `SELECT action FROM audit_log WHERE action LIKE 'test.batch_%' ORDER BY id`,
    )) as { action: string }[];
    expect(rows.map((r) => r.action)).toEqual(['test.batch_a', 'test.batch_b', 'test.batch_c']);
    const after = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`)) as {
      n: number;
    }[];
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(3);
    expect(await firstBrokenLink()).toBeNull();
  });

  it('keeps the chain whole when many reads are audited at once outside a transaction', async () => {
    const service = t.app.get(AuditService);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        service.record(t.dataSource.manager, {
          actor: null,
          action: `test.concurrent_${i}`,
          subjectType: 'Test',
        }),
      ),
    );
    expect(await firstBrokenLink()).toBeNull();
  });
});
