import type { INestApplicationContext } from '@nestjs/common';
import type { Session, TestUser } from '../../../test-support/factories';
import { bearer, signedIn } from '../../../test-support/factories';
import { openCaseBody, walkIn } from '../../../test-support/intake-fixtures';
import type { TestApp } from '../../../test-support/test-app';
import { createTestApp } from '../../../test-support/test-app';
import { eventually, startTestWorker } from '../../../test-support/test-worker';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditIntegrityService } from './audit-integrity.service';
import { AuditService } from './audit.service';

/**
 * Issue 14: audited requests no longer queue on one chain lock; the worker's chainer links their rows
 * once committed, in id order, even when they commit out of order (decision 0022).
 */
describe('the audit chain without a lock', () => {
  let t: TestApp;
  let worker: INestApplicationContext | null = null;
  let caseworker: TestUser & Session;
  let caseId: string;

  const maxRowId = async (): Promise<bigint> => {
    const [row] = (await t.dataSource.query(
      `SELECT coalesce(max(id), 0)::text AS id FROM audit_log`,
    )) as { id: string }[];
    return BigInt(row?.id ?? '0');
  };
  const lastLinked = async (): Promise<bigint> =>
    BigInt((await t.app.get(AuditChainRepository).lastLinkedId()) ?? '0');

  const readCase = () => t.http.get(`/api/cases/${caseId}`).set(...bearer(caseworker));

  beforeAll(async () => {
    t = await createTestApp({ AUDIT_CHAIN_INTERVAL_MS: '100' });
    caseworker = await signedIn(t, 'caseworker');
    caseId = (await walkIn(t, caseworker, openCaseBody())).id;
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('audited requests run while another transaction holds an uncommitted audit row, and are linked after it, in order', async () => {
    // Rows written while no chainer runs (a worker that crashed): committed, waiting for their link.
    const written = await Promise.all(Array.from({ length: 10 }, readCase));
    expect(written.map((r) => r.status)).toEqual(Array(10).fill(200));
    worker = await startTestWorker(t.config, t.clock);
    await eventually(async () => (await lastLinked()) >= (await maxRowId()), 5000, 'the backlog');

    // A transaction draws an audit row id and stays open: under the old chain lock, every audited
    // request below would have waited for it.
    const open = t.dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    try {
      await t.app.get(AuditService).record(open.manager, {
        actor: null,
        action: 'test.open_transaction',
        subjectType: 'Test',
      });
      const [mine] = (await open.query(
        `SELECT max(id)::text AS id FROM audit_log WHERE action = 'test.open_transaction'`,
      )) as { id: string }[];
      const openId = BigInt(mine?.id ?? '0');

      const started = Date.now();
      const reads = await Promise.all(Array.from({ length: 40 }, readCase));
      expect(reads.map((r) => r.status)).toEqual(Array(40).fill(200));
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await maxRowId()).toBeGreaterThan(openId);

      // The later rows have committed, the open one has not: the chainer must not link past it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await lastLinked()).toBeLessThan(openId);
      await open.commitTransaction();
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      await open.release();
    }

    const committed = Date.now();
    const end = await maxRowId();
    await eventually(async () => (await lastLinked()) >= end, 5000, 'every row linked');
    const lag = Date.now() - committed;
    expect(lag).toBeLessThan(5000);

    // The whole chain verifies, every row up to the last one linked.
    const inspection = await t.app.get(AuditIntegrityService).inspect('genesis');
    expect(inspection.problems).toEqual([]);
    expect(BigInt(inspection.head.id ?? '0')).toBeGreaterThanOrEqual(end);
  });
});
