import { Inject, Injectable } from '@nestjs/common';
import type {
  AuditCheckpointClaim,
  AuditCheckpointKind,
  AuditIntegrityProblem,
} from '@caunoi/shared/domain';
import {
  AUDIT_GENESIS_HASH,
  assessAuditCheckpoint,
  auditCheckpointSignatureValid,
  auditProblemPosition,
  orderAuditProblems,
  signAuditCheckpoint,
} from '@caunoi/shared/domain';
import type { AuditHealth } from '@caunoi/shared/contracts';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { hmacSha256Hex } from './audit-digests';
import type { StoredCheckpoint } from './audit-integrity.repository';
import { AuditIntegrityRepository } from './audit-integrity.repository';
import { AuditChainRepository } from './audit-chain.repository';

/**
 * How far back a verification goes: `latest`, the chain after the last sound checkpoint (the
 * frequent run); `baseline`, the whole chain since the operators' last baseline (the daily run);
 * `genesis`, everything ever written (`cli audit:verify`).
 */
export type AuditVerificationScope = 'latest' | 'baseline' | 'genesis';

export interface AuditInspection {
  /** In chain order; the first names the incident. */
  problems: AuditIntegrityProblem[];
  /** The operators' latest (validly signed) baseline. */
  baseline: StoredCheckpoint | null;
  /** The chain's last row now, and the rows up to it: what the next checkpoint signs. */
  head: { id: string | null; hash: string };
  rowCount: number;
  /** Rows whose hashes were recomputed, after row `verifiedAfter` (null: from the first row). */
  rowsVerified: number;
  /** Rows committed after the chain's last link: the chainer links them within seconds. */
  unlinkedRows: number;
  verifiedAfter: string | null;
  checkpoints: number;
}

const GENESIS = { id: null, hash: AUDIT_GENESIS_HASH };

/**
 * Verifies the audit log against its hash chain and its signed checkpoints, and signs new ones
 * (docs/decisions/0015-audit-tamper-evidence.md). The worker runs it on a timer
 * (AuditIntegrityMonitor), `cli audit:verify` on demand; /api/health reads `health()`.
 */
@Injectable()
export class AuditIntegrityService {
  constructor(
    private readonly audit: AuditChainRepository,
    private readonly integrity: AuditIntegrityRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'auditCheckpointKey'>,
    private readonly clock: Clock,
  ) {}

  /** Runs `work` unless another process is verifying (then null): one verifier at a time. */
  exclusively<T>(work: () => Promise<T>): Promise<T | null> {
    return this.integrity.exclusively(work);
  }

  /**
   * Checks the checkpoints (signature, head row, row count), the checkpoints known outside the
   * database (`known`), and recomputes the chain over `scope`.
   */
  async inspect(
    scope: AuditVerificationScope,
    known: readonly StoredCheckpoint[] = [],
  ): Promise<AuditInspection> {
    const problems: AuditIntegrityProblem[] = [];
    const { baseline, forged } = await this.validBaseline();
    problems.push(...forged);
    const sinceId = scope === 'genesis' ? null : (baseline?.id ?? null);
    const baselineStart = baseline ? startOf(baseline) : GENESIS;

    // The newest checkpoint (the baseline itself, possibly) is checked fully, row count included.
    const latest = await this.integrity.latestSignedWith(this.keyId, baseline?.id ?? null);
    let latestSound = false;
    if (latest) {
      const problem = this.signatureValid(latest)
        ? assessAuditCheckpoint(latest.id, latest.claim, {
            headHash: await this.storedHash(latest.claim.headId),
            rowsUpToHead: await this.integrity.countUpTo(latest.claim.headId),
          })
        : forgedProblem(latest);
      if (problem) problems.push(problem);
      latestSound = problem === null;
    }

    // Every other checkpoint: one query finds those whose head row is gone or changed.
    for (const checkpoint of await this.integrity.withChangedHead(sinceId)) {
      if (checkpoint.claim.keyId !== this.keyId) continue; // signed with a retired key
      const problem = this.signatureValid(checkpoint)
        ? assessAuditCheckpoint(checkpoint.id, checkpoint.claim, {
            headHash: await this.storedHash(checkpoint.claim.headId),
            rowsUpToHead: null,
          })
        : forgedProblem(checkpoint);
      if (problem) problems.push(problem);
    }

    // Checkpoints remembered outside the database must still be in it, and still hold.
    for (const mark of known) {
      if (baseline && BigInt(mark.id) < BigInt(baseline.id)) continue;
      if (mark.claim.keyId !== this.keyId || !this.signatureValid(mark)) continue;
      const stored = await this.integrity.byId(mark.id);
      if (!stored || stored.mac !== mark.mac) {
        problems.push({
          kind: 'checkpoint_missing',
          checkpointId: mark.id,
          headId: mark.claim.headId,
        });
      }
      const problem = assessAuditCheckpoint(mark.id, mark.claim, {
        headHash: await this.storedHash(mark.claim.headId),
        rowsUpToHead: null,
      });
      if (problem) problems.push(problem);
    }

    const start =
      scope === 'genesis'
        ? GENESIS
        : scope === 'latest' && latest && latestSound
          ? startOf(latest)
          : baselineStart;
    const verified = await this.audit.verifyChainFrom(start);
    let rowsVerified = verified.rows;
    if (verified.break) {
      problems.push(verified.break);
      // Before the baseline, history was accepted as it is: what follows it must still hold.
      if (scope === 'genesis' && baseline && isBefore(verified.break, baseline)) {
        const after = await this.audit.verifyChainFrom(baselineStart);
        rowsVerified += after.rows;
        if (after.break) problems.push(after.break);
      }
    }

    // What the next checkpoint signs: the last row this run recomputed, so a row the chainer links
    // meanwhile is signed only once verified; after a break, the chain's last link as it stands.
    const head = verified.break ? ((await this.integrity.head()) ?? GENESIS) : verified.head;
    return {
      problems: orderAuditProblems(problems),
      baseline,
      head,
      rowCount: await this.integrity.countUpTo(head.id),
      rowsVerified,
      unlinkedRows: await this.audit.countUnlinked(),
      verifiedAfter: start.id,
      checkpoints: await this.integrity.countCheckpoints(),
    };
  }

  /** Whether `problem` lies in history the latest baseline accepted (`cli audit:verify`). */
  acceptedByBaseline(problem: AuditIntegrityProblem, baseline: StoredCheckpoint | null): boolean {
    if (!baseline) return false;
    if (problem.kind === 'row_rewritten' || problem.kind === 'row_unlinked') {
      return isBefore(problem, baseline);
    }
    return BigInt(problem.checkpointId) < BigInt(baseline.id);
  }

  /** Signs and stores a checkpoint of the chain at `head`. */
  async sign(
    kind: AuditCheckpointKind,
    head: { id: string | null; hash: string },
    rowCount: number,
  ): Promise<StoredCheckpoint> {
    const claim: AuditCheckpointClaim = {
      kind,
      headId: head.id,
      headHash: head.hash,
      rowCount,
      createdAt: this.clock.now(),
      keyId: this.keyId,
    };
    const mac = signAuditCheckpoint(claim, this.config.auditCheckpointKey.key, hmacSha256Hex);
    return this.integrity.insertCheckpoint(claim, mac);
  }

  /** For /api/health: degraded while an incident is open, or while the app's role could rewrite the log. */
  async health(): Promise<AuditHealth> {
    const [{ baseline }, exposure, lastCheckpointAt] = await Promise.all([
      this.validBaseline(),
      this.integrity.connectedRoleExposure(),
      this.integrity.latestCheckpointAt(),
    ]);
    const incident = await this.integrity.openIncident(baseline?.id ?? null);
    const reasons: string[] = [];
    if (incident) {
      reasons.push(
        `audit log tampering detected (incident ${incident.id}, ${incident.detectedAt.toISOString()}): ${incident.description}`,
      );
    }
    if (exposure.superuser || exposure.ownsTables || exposure.canRewriteAuditLog) {
      reasons.push(
        `the database role "${exposure.role}" the API runs as could rewrite the audit log ` +
          '(superuser, table owner, or UPDATE/DELETE/TRUNCATE on audit_log or audit_chain): use the runtime role',
      );
    }
    return {
      status: reasons.length > 0 ? 'degraded' : 'ok',
      reasons,
      lastCheckpointAt: lastCheckpointAt?.toISOString() ?? null,
    };
  }

  /**
   * The newest baseline whose signature holds. A newer one under this key that does not is a forgery
   * (it would close incidents): reported, and ignored. One under another key is ignored: after a key
   * change the operators sign a new baseline (docs/operations.md).
   */
  private async validBaseline(): Promise<{
    baseline: StoredCheckpoint | null;
    forged: AuditIntegrityProblem[];
  }> {
    const forged: AuditIntegrityProblem[] = [];
    for (const candidate of await this.integrity.recentBaselines(20)) {
      if (candidate.claim.keyId !== this.keyId) continue;
      if (this.signatureValid(candidate)) return { baseline: candidate, forged };
      forged.push(forgedProblem(candidate));
    }
    return { baseline: null, forged };
  }

  private get keyId(): string {
    return this.config.auditCheckpointKey.id;
  }

  private signatureValid(checkpoint: StoredCheckpoint): boolean {
    return auditCheckpointSignatureValid(
      checkpoint.claim,
      checkpoint.mac,
      this.config.auditCheckpointKey.key,
      hmacSha256Hex,
    );
  }

  private storedHash(rowId: string | null): Promise<string | null> {
    return rowId === null ? Promise.resolve(null) : this.integrity.storedHash(rowId);
  }
}

function startOf(checkpoint: StoredCheckpoint): { id: string | null; hash: string } {
  return { id: checkpoint.claim.headId, hash: checkpoint.claim.headHash };
}

function forgedProblem(checkpoint: StoredCheckpoint): AuditIntegrityProblem {
  return {
    kind: 'checkpoint_forged',
    checkpointId: checkpoint.id,
    headId: checkpoint.claim.headId,
  };
}

function isBefore(problem: AuditIntegrityProblem, baseline: StoredCheckpoint): boolean {
  return auditProblemPosition(problem) <= BigInt(baseline.claim.headId ?? 0);
}
