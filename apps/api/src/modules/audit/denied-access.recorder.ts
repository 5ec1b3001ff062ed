import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import { AuditService } from './audit.service';

/** What the exception filter knows of a request that was refused. */
export interface DeniedRequest {
  method: string;
  /** The matched route's template (`/api/cases/:id`), never the URL with its values. */
  route: string;
  params: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every refused attempt by a signed-in user (403, or 404 on a record they may not see) is audited, by
 * an insert of its own since the request's own work is rolled back. An attempt on a case goes into
 * that case's access log, so its supervisor sees who tried. The answer waits until the row is
 * written. (Appends no longer queue on a chain lock, decision 0022, so a burst of refusals needs no
 * batching: each is one short INSERT.)
 */
@Injectable()
export class DeniedAccessRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  record(actor: AuthenticatedUser, request: DeniedRequest, status: number): Promise<void> {
    const id = typeof request.params['id'] === 'string' ? request.params['id'] : null;
    const subjectId = id && UUID.test(id) ? id : null;
    const resource = request.route.split('/').filter(Boolean)[1] ?? 'unknown';
    return this.audit.record(this.dataSource.manager, {
      actor,
      action: 'access.denied',
      subjectType: resource,
      subjectId,
      caseId: resource === 'cases' ? subjectId : null,
      details: { status, method: request.method, route: request.route },
    });
  }
}
