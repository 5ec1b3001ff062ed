import type { FieldCipher } from '../crypto/field-cipher';
import type { EncryptedColumn, EncryptedColumnsRepository } from './encrypted-columns.repository';

export interface RotationOptions {
  batchSize: number;
  /** Stop after this many batches (a run can be spread over several nights); resumes on the next run. */
  maxBatches?: number;
  progress(line: string): void;
}

export interface ReencryptReport {
  rewritten: number;
  /** Rows the API changed between read and write (already under the current key). */
  changedMeanwhile: number;
  /** Values that could not be decrypted (their key is not in the ring): they stay as they are. */
  unreadable: number;
  /** What is still not under the current key, by `table.column` and key id. */
  remaining: { column: string; keyId: string; count: number }[];
  stoppedEarly: boolean;
}

/**
 * Re-encrypts every `*_enc` value that is not under the current key, in batches of one transaction
 * each. Safe to stop at any point and run again (it picks up what is left), and safe with the API
 * running (compare-and-set writes). At the end it counts what is left under old keys.
 */
export class Reencryptor {
  constructor(
    private readonly columns: EncryptedColumnsRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async run(options: RotationOptions): Promise<ReencryptReport> {
    const keyId = this.cipher.currentKeyId;
    const report: ReencryptReport = {
      rewritten: 0,
      changedMeanwhile: 0,
      unreadable: 0,
      remaining: [],
      stoppedEarly: false,
    };
    let batches = 0;
    const columns = await this.columns.discover();
    for (const col of columns) {
      const name = `${col.table}.${col.column}`;
      const todo = sum(await this.columns.countByOldKey(col, keyId));
      if (todo === 0) continue;
      options.progress(`${name}: ${todo} value(s) to re-encrypt under ${keyId}`);
      let after: string | null = null;
      let done = 0;
      for (;;) {
        if (options.maxBatches !== undefined && batches >= options.maxBatches) {
          report.stoppedEarly = true;
          break;
        }
        const rows = await this.columns.getNotUnder(col, keyId, after, options.batchSize);
        if (rows.length === 0) break;
        batches += 1;
        after = rows[rows.length - 1]?.id ?? null;
        const next = this.reencrypt(rows, report);
        const written = await this.columns.replace(col, next);
        report.rewritten += written;
        report.changedMeanwhile += next.length - written;
        done += rows.length;
        options.progress(`${name}: ${Math.min(done, todo)}/${todo}`);
      }
      if (report.stoppedEarly) break;
    }
    report.remaining = await this.remaining(columns, keyId);
    return report;
  }

  /** What is left under keys other than the current one (the final check before removing a key). */
  async remaining(
    columns?: EncryptedColumn[],
    keyId = this.cipher.currentKeyId,
  ): Promise<ReencryptReport['remaining']> {
    const result: ReencryptReport['remaining'] = [];
    for (const col of columns ?? (await this.columns.discover())) {
      for (const [oldKey, count] of await this.columns.countByOldKey(col, keyId)) {
        result.push({ column: `${col.table}.${col.column}`, keyId: oldKey, count });
      }
    }
    return result;
  }

  private reencrypt(
    rows: readonly { id: string; value: string }[],
    report: ReencryptReport,
  ): { id: string; old: string; next: string }[] {
    const next: { id: string; old: string; next: string }[] = [];
    for (const row of rows) {
      let plaintext: string;
      try {
        plaintext = this.cipher.decrypt(row.value);
      } catch {
        report.unreadable += 1;
        continue;
      }
      next.push({ id: row.id, old: row.value, next: this.cipher.encrypt(plaintext) });
    }
    return next;
  }
}

function sum(counts: Map<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}
