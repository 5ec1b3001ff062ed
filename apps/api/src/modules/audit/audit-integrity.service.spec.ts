import type { AuditCheckpointClaim } from '@caunoi/shared/domain';
import { signAuditCheckpoint } from '@caunoi/shared/domain';
import type { Clock } from '../../common/clock';
import { hmacSha256Hex } from './audit-digests';
import type {
  AuditIntegrityRepository,
  RoleExposure,
  StoredCheckpoint,
} from './audit-integrity.repository';
import { AuditIntegrityService } from './audit-integrity.service';
import type { AuditChainRepository } from './audit-chain.repository';

const KEY = { id: 'c1', key: Buffer.alloc(32, 1) };

function checkpoint(
  id: string,
  kind: AuditCheckpointClaim['kind'],
  mac?: string,
): StoredCheckpoint {
  const claim: AuditCheckpointClaim = {
    kind,
    headId: '10',
    headHash: 'a'.repeat(64),
    rowCount: 10,
    createdAt: new Date('2026-03-01T00:00:00Z'),
    keyId: KEY.id,
  };
  return { id, claim, mac: mac ?? signAuditCheckpoint(claim, KEY.key, hmacSha256Hex) };
}

const restricted: RoleExposure = {
  role: 'caunoi_app',
  superuser: false,
  ownsTables: false,
  canRewriteAuditLog: false,
};

function service(repo: Partial<AuditIntegrityRepository>): AuditIntegrityService {
  const integrity = {
    recentBaselines: jest.fn().mockResolvedValue([]),
    connectedRoleExposure: jest.fn().mockResolvedValue(restricted),
    latestCheckpointAt: jest.fn().mockResolvedValue(new Date('2026-03-01T00:05:00Z')),
    openIncident: jest.fn().mockResolvedValue(null),
    ...repo,
  } as unknown as AuditIntegrityRepository;
  const clock: Clock = { now: () => new Date('2026-03-01T00:10:00Z') };
  return new AuditIntegrityService(
    {} as AuditChainRepository,
    integrity,
    { auditCheckpointKey: KEY },
    clock,
  );
}

describe('AuditIntegrityService.health', () => {
  it('is ok with no open incident and a runtime role that cannot rewrite the log', async () => {
    expect(await service({}).health()).toEqual({
      status: 'ok',
      reasons: [],
      lastCheckpointAt: '2026-03-01T00:05:00.000Z',
    });
  });

  it('is degraded, with the reason, while an incident found since the last baseline is open', async () => {
    const openIncident = jest.fn().mockResolvedValue({
      id: '3',
      detectedAt: new Date('2026-03-01T00:06:00Z'),
      kind: 'row_rewritten',
      description: 'audit row 7 was rewritten (its content no longer matches its hash)',
    });
    const health = await service({
      openIncident,
      recentBaselines: jest.fn().mockResolvedValue([checkpoint('2', 'baseline')]),
    }).health();
    expect(openIncident).toHaveBeenCalledWith('2');
    expect(health.status).toBe('degraded');
    expect(health.reasons).toEqual([
      'audit log tampering detected (incident 3, 2026-03-01T00:06:00.000Z): audit row 7 was rewritten (its content no longer matches its hash)',
    ]);
  });

  it('does not let a baseline without a valid signature close incidents', async () => {
    const openIncident = jest.fn().mockResolvedValue(null);
    await service({
      openIncident,
      recentBaselines: jest
        .fn()
        .mockResolvedValue([
          checkpoint('9', 'baseline', 'f'.repeat(64)),
          checkpoint('2', 'baseline'),
        ]),
    }).health();
    expect(openIncident).toHaveBeenCalledWith('2');
  });

  it('is degraded when the API runs as a role that could rewrite the log', async () => {
    for (const exposure of [
      { ...restricted, role: 'postgres', superuser: true },
      { ...restricted, role: 'caunoi_owner', ownsTables: true },
      { ...restricted, role: 'someone', canRewriteAuditLog: true },
    ]) {
      const health = await service({
        connectedRoleExposure: jest.fn().mockResolvedValue(exposure),
      }).health();
      expect(health.status).toBe('degraded');
      expect(health.reasons).toEqual([expect.stringContaining(`"${exposure.role}"`)]);
    }
  });
});
