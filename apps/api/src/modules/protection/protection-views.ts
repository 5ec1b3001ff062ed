import { Injectable } from '@nestjs/common';
import type { CaseMeasureView, MeasurePacketView } from '@caunoi/shared/contracts';
import type { BreachKind, DeadlineKind } from '@caunoi/shared/domain';
import { measureStatusAt } from '@caunoi/shared/domain';
import { Clock } from '../../common/clock';
import { FieldCipher } from '../crypto/field-cipher';
import { DeadlinesService } from '../deadlines/deadlines.service';
import type { MeasureEventRow, MeasureRow } from './protection.repository';
import { ProtectionRepository } from './protection.repository';

type Clocks = Map<string, { kind: DeadlineKind; dueAt: Date; running: boolean }[]>;

/** The end an order's running expiry clock asks about (null once answered or closed). */
function renewalDue(clocks: Clocks, measureId: string): string | null {
  return (
    clocks
      .get(measureId)
      ?.find((c) => c.kind === 'measure_expiry' && c.running)
      ?.dueAt.toISOString() ?? null
  );
}

function dueOf(clocks: Clocks, measureId: string, kind: DeadlineKind): string | null {
  return (
    clocks
      .get(measureId)
      ?.find((c) => c.kind === kind)
      ?.dueAt.toISOString() ?? null
  );
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Maps measures to what each side may see: the centre its record, the other agencies the packet. */
@Injectable()
export class ProtectionViews {
  constructor(
    private readonly measures: ProtectionRepository,
    private readonly deadlines: DeadlinesService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async forCase(rows: MeasureRow[]): Promise<CaseMeasureView[]> {
    const ids = rows.map((r) => r.id);
    const [events, clocks] = await Promise.all([
      this.measures.getEvents(ids),
      this.deadlines.protectionDueAts(ids),
    ]);
    const now = this.clock.now();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      type: r.type,
      status: measureStatusAt(r, now),
      requestedBy: r.requestedBy,
      victimConsent: r.victimConsent,
      decidingBody: r.decidingBody,
      decidingAgencyName: r.decidingAgencyName,
      policeAgencyName: r.policeAgencyName,
      requestedAt: r.requestedAt.toISOString(),
      decideBy: dueOf(clocks, r.id, 'no_contact_decision'),
      decision: r.decision,
      decidedAt: iso(r.decidedAt),
      decisionNumber: r.decisionNumber,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      reasons: this.cipher.decryptOptional(r.reasonsEnc),
      supervisionPlanDueAt: dueOf(clocks, r.id, 'supervision_plan'),
      supervisionPlanAt: iso(r.supervisionPlanAt),
      renewalDueAt: renewalDue(clocks, r.id),
      revokedAt: iso(r.revokedAt),
      revocationReasons: this.cipher.decryptOptional(r.revocationReasonsEnc),
      noRenewalAt: iso(r.noRenewalAt),
      noRenewalReason: this.cipher.decryptOptional(r.noRenewalReasonEnc),
      events: events
        .filter((e) => e.measureId === r.id)
        .map((e) => ({ event: e.event, at: e.at.toISOString(), details: e.details })),
    }));
  }

  async packets(rows: MeasureRow[]): Promise<MeasurePacketView[]> {
    const ids = rows.map((r) => r.id);
    const [events, clocks] = await Promise.all([
      this.measures.getEvents(ids),
      this.deadlines.protectionDueAts(ids),
    ]);
    return rows.map((r) => this.packet(r, events, clocks));
  }

  private packet(r: MeasureRow, events: MeasureEventRow[], clocks: Clocks): MeasurePacketView {
    return {
      id: r.id,
      code: r.code,
      type: r.type,
      status: measureStatusAt(r, this.clock.now()),
      communeName: r.communeName,
      requestingAgencyName: r.requestingAgencyName,
      requestedBy: r.requestedBy,
      victimConsent: r.victimConsent,
      requestedAt: r.requestedAt.toISOString(),
      decideBy: dueOf(clocks, r.id, 'no_contact_decision'),
      decision: r.decision,
      decidedAt: iso(r.decidedAt),
      decisionNumber: r.decisionNumber,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      reasons: this.cipher.decryptOptional(r.reasonsEnc),
      decidingAgencyName: r.decidingAgencyName,
      policeAgencyName: r.policeAgencyName,
      supervisionPlanDueAt: dueOf(clocks, r.id, 'supervision_plan'),
      supervisionPlanAt: iso(r.supervisionPlanAt),
      supervisingOfficer: r.supervisingOfficer,
      supervisionPlan: this.cipher.decryptOptional(r.supervisionPlanEnc),
      grounds: this.cipher.decryptOptional(r.groundsEnc),
      revokedAt: iso(r.revokedAt),
      revocationReasons: this.cipher.decryptOptional(r.revocationReasonsEnc),
      breaches: events
        .filter((e) => e.measureId === r.id && e.event === 'breach_reported')
        .map((e) => ({
          kind: e.details['kind'] as BreachKind,
          occurredAt: e.details['occurredAt'] ?? e.at.toISOString(),
          reportedAt: e.at.toISOString(),
        })),
    };
  }
}
