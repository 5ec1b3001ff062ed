import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { currentRequestId } from '../../common/request-context';
import type { AuditEvent } from './audit.service';
import { AuditService } from './audit.service';

/** What the exception filter knows of a request that was refused. */
export interface DeniedRequest {
  method: string;
  /** The matched route's template (`/api/cases/:id`), never the URL with its values. */
  route: string;
  params: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Waiting {
  event: AuditEvent;
  done: (error?: unknown) => void;
}

/**
 * Every refused attempt by a signed-in user (403, or 404 on a record they may not see) is audited, in a
 * transaction of its own since the request's own work is rolled back. An attempt on a case goes into that
 * case's access log, so its supervisor sees who tried. A burst of refusals (a probe of many ids) is written
 * in batches, one transaction each, so it cannot take every database connection while waiting its turn on
 * the audit chain; each answer still waits until its row is written.
 */
@Injectable()
export class DeniedAccessRecorder {
  private waiting: Waiting[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  record(actor: AuthenticatedUser, request: DeniedRequest, status: number): Promise<void> {
    const id = typeof request.params['id'] === 'string' ? request.params['id'] : null;
    const subjectId = id && UUID.test(id) ? id : null;
    const resource = request.route.split('/').filter(Boolean)[1] ?? 'unknown';
    const event: AuditEvent = {
      actor,
      action: 'access.denied',
      subjectType: resource,
      subjectId,
      caseId: resource === 'cases' ? subjectId : null,
      details: { status, method: request.method, route: request.route },
      requestId: currentRequestId(),
    };
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ event, done: (error) => (error ? reject(error) : resolve()) });
      this.flushing ??= this.flush().finally(() => (this.flushing = null));
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, 500);
      try {
        await this.dataSource.transaction((m) =>
          this.audit.recordMany(
            m,
            batch.map((w) => w.event),
          ),
        );
        for (const w of batch) w.done();
      } catch (error) {
        for (const w of batch) w.done(error);
      }
    }
  }
}
