import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisConnection, withTimeout } from '../redis/redis.module';
import type { StoredCheckpoint } from './audit-integrity.repository';

/** A checkpoint remembered outside PostgreSQL, with the database it belongs to. */
export interface CheckpointMark {
  databaseIdentity: string;
  checkpoint: StoredCheckpoint;
}

const TIMEOUT_MS = 1500;

/**
 * The last checkpoint the workers signed, kept in Redis as well: deleting checkpoints from the
 * database together with the rows they cover is then noticed. Redis may lose it (a flush): the mark
 * is a second witness, never the only one, and a lost mark is simply written again.
 */
@Injectable()
export class AuditCheckpointMarks {
  private readonly logger = new Logger('AuditCheckpointMarks');
  private readonly key: string;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = `${config.queuePrefix}:audit:last-checkpoint`;
  }

  async read(): Promise<CheckpointMark | null> {
    try {
      const raw = await withTimeout(this.redis.client.get(this.key), TIMEOUT_MS);
      return raw ? parseMark(raw) : null;
    } catch (error) {
      this.logger.warn(`Could not read the checkpoint mark: ${(error as Error).message}`);
      return null;
    }
  }

  async write(mark: CheckpointMark): Promise<void> {
    const { checkpoint } = mark;
    const value = JSON.stringify({
      db: mark.databaseIdentity,
      id: checkpoint.id,
      mac: checkpoint.mac,
      claim: { ...checkpoint.claim, createdAt: checkpoint.claim.createdAt.toISOString() },
    });
    try {
      await withTimeout(this.redis.client.set(this.key, value), TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`Could not write the checkpoint mark: ${(error as Error).message}`);
    }
  }
}

function parseMark(raw: string): CheckpointMark | null {
  try {
    const v = JSON.parse(raw) as {
      db: string;
      id: string;
      mac: string;
      claim: StoredCheckpoint['claim'] & { createdAt: string };
    };
    return {
      databaseIdentity: v.db,
      checkpoint: {
        id: v.id,
        mac: v.mac,
        claim: { ...v.claim, createdAt: new Date(v.claim.createdAt) },
      },
    };
  } catch {
    // Unreadable: as if absent; the next checkpoint overwrites it.
    return null;
  }
}
