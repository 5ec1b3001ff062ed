import { Injectable } from '@nestjs/common';
import { chainAuditRows } from '@caunoi/shared/domain';
import { sha256Hex } from './audit-digests';
import { AuditChainRepository } from './audit-chain.repository';

export interface ChainPass {
  /** Rows linked by this pass. */
  linked: number;
  /** False when transactions that wrote audit rows below the horizon were still open after the wait. */
  reachedHorizon: boolean;
}

// Rows linked per transaction.
const LINK_BATCH = 1000;
// How often the pass looks again whether the transactions it waits for have ended.
const POLL_MS = 5;

/**
 * Links committed audit rows into the hash chain, in id order (docs/decisions/0022-audit-chain-without-a-lock.md).
 * Rows commit out of id order: a pass links only up to a horizon below which every row has either
 * committed or will never exist, i.e. once every transaction that was writing audit rows when the
 * horizon was observed has ended. The worker runs a pass every AUDIT_CHAIN_INTERVAL_MS
 * (AuditChainer), and before each verification; nothing is kept in memory, so a crash between a
 * row's commit and its link loses nothing: the next pass links it.
 */
@Injectable()
export class AuditChainService {
  /** Passes of this process run one after the other; other processes wait on the chainer lock. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly chain: AuditChainRepository) {}

  /** Links every row committed before the call, waiting up to `waitMs` for open writers. */
  chainCommitted(options: { waitMs?: number } = {}): Promise<ChainPass> {
    const pass = this.queue.then(() => this.pass(options.waitMs ?? 2000));
    this.queue = pass.catch(() => undefined);
    return pass;
  }

  private async pass(waitMs: number): Promise<ChainPass> {
    const horizon = await this.chain.observeHorizon();
    if (horizon.maxId === null) return { linked: 0, reachedHorizon: true };
    const until = Date.now() + waitMs;
    while (await this.chain.anyStillWriting(horizon.writers)) {
      if (Date.now() >= until) return { linked: 0, reachedHorizon: false };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    let linked = 0;
    for (;;) {
      const n = await this.chain.linkNext(horizon.maxId, LINK_BATCH, (headHash, rows) =>
        chainAuditRows(headHash, rows, sha256Hex).map((r) => ({
          rowId: r.id,
          prevHash: r.prevHash,
          hash: r.hash,
        })),
      );
      linked += n;
      if (n < LINK_BATCH) return { linked, reachedHorizon: true };
    }
  }
}
