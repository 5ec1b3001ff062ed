import { AUDIT_GENESIS_HASH } from '@caunoi/shared/domain';
import type { AuditChainRepository, AuditRowToChain, ChainLink } from './audit-chain.repository';
import { AuditChainService } from './audit-chain.service';

function row(id: number): AuditRowToChain {
  return {
    id: String(id),
    occurredAt: new Date('2026-03-01T00:00:00Z'),
    actorUserId: null,
    actorRole: null,
    actorAgencyId: null,
    action: 'test.row',
    subjectType: 'Test',
    subjectId: null,
    fields: [],
    requestId: null,
    caseId: null,
    details: {},
  };
}

function repository(options: { maxId: string | null; busyChecks: number; rows: number }) {
  let busy = options.busyChecks;
  const linked: ChainLink[] = [];
  const repo = {
    observeHorizon: jest.fn().mockResolvedValue({ maxId: options.maxId, writers: ['3/17'] }),
    anyStillWriting: jest.fn(async () => busy-- > 0),
    linkNext: jest.fn(
      async (
        upTo: string,
        limit: number,
        link: (head: string, rows: AuditRowToChain[]) => ChainLink[],
      ) => {
        const next = Array.from({ length: options.rows }, (_, i) => row(i + 1))
          .filter((r) => Number(r.id) > linked.length && Number(r.id) <= Number(upTo))
          .slice(0, limit);
        const links = link(linked.at(-1)?.hash ?? AUDIT_GENESIS_HASH, next);
        linked.push(...links);
        return links.length;
      },
    ),
  };
  return { repo, linked, service: new AuditChainService(repo as unknown as AuditChainRepository) };
}

describe('AuditChainService.chainCommitted', () => {
  it('waits for the transactions that were writing audit rows, then links up to the horizon in batches', async () => {
    const { repo, linked, service } = repository({ maxId: '2500', busyChecks: 2, rows: 2600 });
    expect(await service.chainCommitted()).toEqual({ linked: 2500, reachedHorizon: true });
    expect(repo.anyStillWriting).toHaveBeenCalledTimes(3);
    expect(repo.linkNext).toHaveBeenCalledTimes(3);
    expect(linked.map((l) => l.rowId)).toEqual(Array.from({ length: 2500 }, (_, i) => `${i + 1}`));
    // Each link chains onto the one before it.
    expect(linked[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(linked[1]?.prevHash).toBe(linked[0]?.hash);
  });

  it('links nothing while a writer below the horizon stays open past the wait', async () => {
    const { repo, service } = repository({ maxId: '10', busyChecks: 1_000_000, rows: 10 });
    expect(await service.chainCommitted({ waitMs: 30 })).toEqual({
      linked: 0,
      reachedHorizon: false,
    });
    expect(repo.linkNext).not.toHaveBeenCalled();
  });

  it('has nothing to do on an empty log', async () => {
    const { repo, service } = repository({ maxId: null, busyChecks: 0, rows: 0 });
    expect(await service.chainCommitted()).toEqual({ linked: 0, reachedHorizon: true });
    expect(repo.anyStillWriting).not.toHaveBeenCalled();
  });
});
