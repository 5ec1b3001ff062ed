import { Injectable } from '@nestjs/common';
import type {
  AgencyRefView,
  CaseReferralView,
  InboxReferralDetailView,
  InboxReferralView,
  ReferralEventView,
  ReferralPacketView,
  ServiceRecordView,
} from '@caunoi/shared/contracts';
import { isReferralOpen } from '@caunoi/shared/domain';
import { Clock } from '../../common/clock';
import { FieldCipher } from '../crypto/field-cipher';
import type { ReferralEventEntity } from './referral-event.entity';
import type { ReferralEntity } from './referral.entity';
import type { AgencyRef } from './referrals.repository';
import { ReferralsRepository } from './referrals.repository';
import type { ServiceRecordEntity } from './service-record.entity';

interface Lookups {
  agencies: Map<string, AgencyRef>;
  users: Map<string, string>;
  events: ReferralEventEntity[];
  records: ServiceRecordEntity[];
}

const UNKNOWN_AGENCY: AgencyRefView = { id: '', name: '—', type: 'other' as never, phone: null };

/**
 * Builds the two views of a referral. The sender's view has everything; the receiving agency's
 * view has the packet only while the referral is open (and the stored packet is gone once closed).
 */
@Injectable()
export class ReferralViews {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async forCase(referrals: ReferralEntity[]): Promise<CaseReferralView[]> {
    const l = await this.lookups(referrals, true);
    const now = this.clock.now();
    return referrals.map((r) => ({
      id: r.id,
      code: r.code,
      toAgency: agencyRef(l, r.toAgencyId),
      services: r.services,
      urgency: r.urgency,
      reason: this.cipher.decrypt(r.reasonEnc),
      packet: r.packet,
      status: r.status,
      sentAt: r.sentAt.toISOString(),
      respondBy: r.respondBy.toISOString(),
      responseOverdue: r.status === 'sent' && r.respondBy <= now,
      respondedAt: r.respondedAt?.toISOString() ?? null,
      respondedOnTime: r.respondedOnTime,
      referredByName: l.users.get(r.referredByUserId) ?? '—',
      declineReason: r.declineReason,
      declineNote: this.cipher.decryptOptional(r.declineNoteEnc),
      withdrawReason: r.withdrawReason,
      override: r.overrideReason
        ? {
            reason: r.overrideReason,
            justification: this.cipher.decryptOptional(r.overrideJustificationEnc) ?? '',
            reviewedAt: r.overrideReviewedAt?.toISOString() ?? null,
            reviewedByName: r.overrideReviewedByUserId
              ? (l.users.get(r.overrideReviewedByUserId) ?? null)
              : null,
          }
        : null,
      reroutedFromId: r.reroutedFromId,
      events: this.events(l, r.id),
      serviceRecords: this.records(l, r.id, new Map([[r.id, r.code]])),
    }));
  }

  async inboxList(referrals: ReferralEntity[]): Promise<InboxReferralView[]> {
    const l = await this.lookups(referrals, false);
    return referrals.map((r) => this.inboxItem(l, r));
  }

  async inboxDetail(r: ReferralEntity): Promise<InboxReferralDetailView> {
    const l = await this.lookups([r], true);
    // The packet column is emptied when the referral closes (a CHECK enforces it): it is the gate.
    const packetEnc = isReferralOpen(r.status) ? r.packetEnc : null;
    return {
      ...this.inboxItem(l, r),
      reason: packetEnc ? this.cipher.decrypt(r.reasonEnc) : null,
      packetData: packetEnc
        ? (JSON.parse(this.cipher.decrypt(packetEnc)) as ReferralPacketView)
        : null,
      declineReason: r.declineReason,
      withdrawReason: r.withdrawReason,
      events: this.events(l, r.id),
      serviceRecords: this.records(l, r.id, new Map([[r.id, r.code]])),
    };
  }

  async serviceRecords(records: ServiceRecordEntity[]): Promise<ServiceRecordView[]> {
    const codes = await this.referrals.getCodes([...new Set(records.map((s) => s.referralId))]);
    const l: Lookups = {
      agencies: await this.referrals.getAgencyRefs(records.map((s) => s.agencyId)),
      users: await this.referrals.getUserNames(records.map((s) => s.recordedByUserId)),
      events: [],
      records,
    };
    return records.map((s) => this.record(l, s, codes));
  }

  private inboxItem(l: Lookups, r: ReferralEntity): InboxReferralView {
    return {
      id: r.id,
      code: r.code,
      fromAgency: agencyRef(l, r.fromAgencyId),
      referredByName: l.users.get(r.referredByUserId) ?? '—',
      services: r.services,
      urgency: r.urgency,
      status: r.status,
      sentAt: r.sentAt.toISOString(),
      respondBy: r.respondBy.toISOString(),
      responseOverdue: r.status === 'sent' && r.respondBy <= this.clock.now(),
      packet: r.packet,
    };
  }

  private async lookups(referrals: ReferralEntity[], withHistory: boolean): Promise<Lookups> {
    const ids = referrals.map((r) => r.id);
    const [events, records] = withHistory
      ? await Promise.all([this.referrals.getEvents(ids), this.referrals.getServiceRecords(ids)])
      : [[], []];
    const agencies = await this.referrals.getAgencyRefs([
      ...referrals.flatMap((r) => [r.fromAgencyId, r.toAgencyId]),
      ...events.map((e) => e.actorAgencyId).filter((id): id is string => id !== null),
      ...records.map((s) => s.agencyId),
    ]);
    const users = await this.referrals.getUserNames([
      ...referrals.flatMap((r) => [r.referredByUserId, r.overrideReviewedByUserId]),
      ...events.map((e) => e.actorUserId),
      ...records.map((s) => s.recordedByUserId),
    ]);
    return { agencies, users, events, records };
  }

  private events(l: Lookups, referralId: string): ReferralEventView[] {
    return l.events
      .filter((e) => e.referralId === referralId)
      .map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        event: e.event,
        actorName: e.actorUserId ? (l.users.get(e.actorUserId) ?? null) : null,
        actorAgencyName: e.actorAgencyId ? (l.agencies.get(e.actorAgencyId)?.name ?? null) : null,
        reason: e.reason,
        note: this.cipher.decryptOptional(e.noteEnc),
      }));
  }

  private records(l: Lookups, referralId: string, codes: Map<string, string>): ServiceRecordView[] {
    return l.records
      .filter((s) => s.referralId === referralId)
      .map((s) => this.record(l, s, codes));
  }

  private record(
    l: Lookups,
    s: ServiceRecordEntity,
    codes: Map<string, string>,
  ): ServiceRecordView {
    return {
      id: s.id,
      referralId: s.referralId,
      referralCode: codes.get(s.referralId) ?? '',
      agencyId: s.agencyId,
      agencyName: l.agencies.get(s.agencyId)?.name ?? '—',
      serviceType: s.serviceType,
      providedOn: s.providedOn,
      outcome: s.outcome,
      sectorOutcome: s.sectorOutcome,
      note: this.cipher.decryptOptional(s.noteEnc),
      recordedByName: l.users.get(s.recordedByUserId) ?? '—',
      recordedAt: s.createdAt.toISOString(),
    };
  }
}

function agencyRef(l: Lookups, id: string): AgencyRefView {
  const a = l.agencies.get(id);
  return a ? { id: a.id, name: a.name, type: a.type, phone: a.phone } : { ...UNKNOWN_AGENCY, id };
}
