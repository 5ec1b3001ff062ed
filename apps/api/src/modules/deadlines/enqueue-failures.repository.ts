import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Where the API says that Redis refused some stages' jobs, so that the worker's next reconcile tick
 * re-adds its whole window once (every other tick adds only what is new in it).
 */
@Injectable()
export class EnqueueFailuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(stages: number): Promise<void> {
    await this.dataSource.query(`INSERT INTO deadline_enqueue_failures (stages) VALUES ($1)`, [
      stages,
    ]);
  }

  /** Whether any enqueue failed since the last call; the records are used up. */
  async take(): Promise<boolean> {
    // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count].
    const [row] = (await this.dataSource.query(
      `WITH taken AS (DELETE FROM deadline_enqueue_failures RETURNING id)
       SELECT count(*)::int AS n FROM taken`,
    )) as { n: number }[];
    return (row?.n ?? 0) > 0;
  }
}
