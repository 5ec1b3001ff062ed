import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { currentRequestId } from '../../common/request-context';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import type { NewAuditRow } from './audit.repository';
import { AuditRepository } from './audit.repository';

export interface AuditActor {
  id: string;
  role: string;
  agencyId: string;
}

export interface AuditEvent {
  /** Who acted; null for an anonymous attempt (e.g. a failed login for an unknown username). */
  actor: AuditActor | AuthenticatedUser | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** The case the subject belongs to, for the case's access log. */
  caseId?: string | null;
  /** Names of the fields read or changed, never their values. */
  fields?: string[];
  /** Codes and ids only: no survivor data, no passwords, no free text. */
  details?: Record<string, string | number | boolean | null>;
  /** The request it belongs to, when it is written outside that request's context (batched). */
  requestId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly auditRepository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Writes the audit row in the given transaction. */
  record(manager: EntityManager, event: AuditEvent): Promise<void> {
    return this.recordMany(manager, [event]);
  }

  /** Several rows at once (e.g. every record a list showed), in one append. */
  recordMany(manager: EntityManager, events: AuditEvent[]): Promise<void> {
    const occurredAt = this.clock.now();
    const requestId = currentRequestId();
    return this.auditRepository.append(
      manager,
      events.map((event) => this.toRow(event, occurredAt, requestId)),
    );
  }

  private toRow(event: AuditEvent, occurredAt: Date, requestId: string | null): NewAuditRow {
    return {
      occurredAt,
      actorUserId: event.actor?.id ?? null,
      actorRole: event.actor?.role ?? null,
      actorAgencyId: event.actor?.agencyId ?? null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      fields: event.fields ?? [],
      caseId: event.caseId ?? null,
      requestId: event.requestId !== undefined ? event.requestId : requestId,
      details: event.details ?? {},
    };
  }
}
