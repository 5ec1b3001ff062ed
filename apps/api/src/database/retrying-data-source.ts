import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool, QueryResult } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isRetryableTransactionError } from '../common/database-errors';

/** Attempts of one transaction that PostgreSQL aborted as a deadlock or serialization failure. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `attempt` again when PostgreSQL chose it as the victim of a deadlock or a serialization
 * failure (40P01, 40001), after a short random pause so the two do not collide again. The last
 * failure is thrown as it is; the exception filter answers it 409.
 */
export async function retryingTransaction<T>(
  attempt: () => Promise<T>,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= attempts || !isRetryableTransactionError(error)) throw error;
      await sleep(10 * n + Math.floor(Math.random() * 40 * n));
    }
  }
}

/**
 * The one place transactions run: every service runs its commands through `UnitOfWork.run(...)`
 * (which calls `dataSource.transaction(...)`), and this
 * DataSource retries those PostgreSQL aborted for a concurrency conflict. A retry re-runs the
 * whole callback, which is safe because callbacks only touch the database and return the work to
 * do after commit (jobs, notifications) instead of doing it.
 */
export class RetryingDataSource extends DataSource {
  override transaction<T>(run: (manager: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(
    isolationLevel: IsolationLevel,
    run: (manager: EntityManager) => Promise<T>,
  ): Promise<T>;
  override transaction<T>(
    levelOrRun: IsolationLevel | ((manager: EntityManager) => Promise<T>),
    maybeRun?: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return retryingTransaction(() =>
      typeof levelOrRun === 'function'
        ? super.transaction(levelOrRun)
        : super.transaction(levelOrRun, maybeRun as (manager: EntityManager) => Promise<T>),
    );
  }

  /**
   * A statement outside a transaction goes straight to the pool: TypeORM would make a query runner,
   * broadcast before and after, and release it for each (a tenth of a small read's time in the API).
   * The answer and the errors are TypeORM's: rows, `[rows, count]` for UPDATE and DELETE, nothing for
   * several statements in one string, and a QueryFailedError carrying the driver's error.
   */
  override async query<T = unknown>(
    query: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): Promise<T> {
    if (queryRunner) return super.query<T>(query, parameters, queryRunner);
    // Connecting fails as it would through TypeORM (the pool's own error); only the statement's is wrapped.
    const client = await ((this.driver as PostgresDriver).master as Pool).connect();
    let raw: QueryResult | QueryResult[];
    try {
      raw = await client.query(query, parameters);
    } catch (error) {
      this.logger.logQueryError(error as Error, query, parameters);
      throw new QueryFailedError(query, parameters, error as Error);
    } finally {
      client.release();
    }
    if (Array.isArray(raw)) return undefined as T;
    return (
      raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows
    ) as T;
  }
}
