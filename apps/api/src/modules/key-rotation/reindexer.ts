import type { DataSource } from 'typeorm';
import type { CallsRepository } from '../calls/calls.repository';
import type { IdentityDocument } from '../cases/case.mapper';
import type { CasesRepository } from '../cases/cases.repository';
import { survivorIndexValues } from '../cases/survivor-index';
import type { BlindIndexer } from '../crypto/blind-indexer';
import type { FieldCipher } from '../crypto/field-cipher';
import type { RotationOptions } from './reencryptor';

export interface ReindexReport {
  reindexed: number;
  changedMeanwhile: number;
  unreadable: number;
  /** Survivors still indexed under another key. */
  survivorsLeft: number;
  /** Calls whose caller digest is under another key (the number is not stored to redo it). */
  callDigestsLeft: number;
  callDigestsForgotten: number;
  stoppedEarly: boolean;
}

/**
 * Recomputes every blind index under the current key (`BLIND_INDEX_KEY`) from the encrypted
 * identity it was made of. Resumable and safe with the API running, like the re-encryption.
 *
 * A call keeps only the digest of the caller's number, never the number, so its digest cannot be
 * recomputed: while the previous key is configured the hotline moves a caller's earlier calls to the
 * new digest when that number calls again; what is left can be erased with `forgetCallDigests`
 * (those calls then no longer link to later calls from the same number).
 */
export class Reindexer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly calls: CallsRepository,
    private readonly cipher: FieldCipher,
    private readonly blind: BlindIndexer,
  ) {}

  async run(options: RotationOptions & { forgetCallDigests: boolean }): Promise<ReindexReport> {
    const keyId = this.blind.keyId;
    const report: ReindexReport = {
      reindexed: 0,
      changedMeanwhile: 0,
      unreadable: 0,
      survivorsLeft: 0,
      callDigestsLeft: 0,
      callDigestsForgotten: 0,
      stoppedEarly: false,
    };
    const todo = await this.cases.countSurvivorsIndexedNotUnder(keyId);
    if (todo > 0) options.progress(`survivors: ${todo} to re-index under ${keyId}`);
    let after: string | null = null;
    let batches = 0;
    let done = 0;
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) {
        report.stoppedEarly = true;
        break;
      }
      const rows = await this.cases.getSurvivorsIndexedNotUnder(keyId, after, options.batchSize);
      if (rows.length === 0) break;
      batches += 1;
      after = rows[rows.length - 1]?.id ?? null;
      await this.dataSource.transaction(async (m) => {
        for (const row of rows) {
          let identity: Partial<IdentityDocument> | null;
          try {
            identity = row.identityEnc
              ? (JSON.parse(this.cipher.decrypt(row.identityEnc)) as Partial<IdentityDocument>)
              : null;
          } catch {
            report.unreadable += 1;
            continue;
          }
          const { phone, nameDob } = survivorIndexValues(identity);
          const written = await this.cases.setSurvivorIndex(m, row.id, row, {
            phone: this.blind.digestOptional('phone', phone),
            nameDob: this.blind.digestOptional('name_dob', nameDob),
            keyId,
          });
          if (written) report.reindexed += 1;
          else report.changedMeanwhile += 1;
        }
      });
      done += rows.length;
      options.progress(`survivors: ${Math.min(done, todo)}/${todo}`);
    }

    if (options.forgetCallDigests && !report.stoppedEarly) {
      for (;;) {
        const forgotten = await this.calls.forgetCallerDigestsNotUnder(keyId, options.batchSize);
        if (forgotten === 0) break;
        report.callDigestsForgotten += forgotten;
        options.progress(`calls: ${report.callDigestsForgotten} caller digest(s) erased`);
      }
    }
    report.survivorsLeft = await this.cases.countSurvivorsIndexedNotUnder(keyId);
    report.callDigestsLeft = await this.calls.countCallerDigestsNotUnder(keyId);
    return report;
  }
}
