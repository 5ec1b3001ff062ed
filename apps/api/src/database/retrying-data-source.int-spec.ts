import { QueryFailedError } from 'typeorm';
import { countAffected } from '../common/sql';
import type { TestApp } from '../../test-support/test-app';
import { createTestApp } from '../../test-support/test-app';
import { createAgency } from '../../test-support/factories';

/**
 * A statement outside a transaction bypasses TypeORM's query runner (retrying-data-source.ts): the
 * services must get the same answers and the same errors as through TypeORM.
 */
describe('DataSource.query outside a transaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers rows for a read, [rows, count] for an update, rows for an insert with RETURNING', async () => {
    const agencyId = await createAgency(t, 'social_work_centre');
    const rows = (await t.dataSource.query('SELECT id, type FROM agencies WHERE id = $1', [
      agencyId,
    ])) as { id: string; type: string }[];
    expect(rows).toEqual([{ id: agencyId, type: 'social_work_centre' }]);

    const updated = await t.dataSource.query(
      `UPDATE agencies SET phone = $2 WHERE id = $1 RETURNING id`,
      [agencyId, '0236 000 0000'],
    );
    expect(updated).toEqual([[{ id: agencyId }], 1]);
    expect(countAffected(updated)).toBe(1);
    const none = await t.dataSource.manager.query(`UPDATE agencies SET phone = phone WHERE false`);
    expect(none).toEqual([[], 0]);
  });

  it('fails with a QueryFailedError carrying PostgreSQL’s code, and gives its connection back', async () => {
    const failing = t.dataSource.query('SELECT * FROM agencies WHERE id = $1', ['not-a-uuid']);
    await expect(failing).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failing).rejects.toMatchObject({ driverError: { code: '22P02' } });
    // More statements, failing and not, than the pool has connections: none is kept.
    for (let i = 0; i < 30; i++) {
      await t.dataSource.query('SELECT 1/0').catch(() => undefined);
      await t.dataSource.query('SELECT 1 AS one');
    }
    const [{ one }] = (await t.dataSource.query('SELECT 1 AS one')) as { one: number }[];
    expect(one).toBe(1);
  });
});
