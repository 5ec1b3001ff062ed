import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReferralPacketView } from '@caunoi/shared/contracts';
import type { DataCategory } from '@caunoi/shared/domain';
import { FieldCipher } from '../crypto/field-cipher';
import type { IdentityDocument } from '../cases/case.mapper';
import type { CaseWithPeople } from '../cases/cases.repository';
import { PerpetratorsService } from '../cases/perpetrators/perpetrators.service';
import type { IncidentEntity } from '../cases/incident.entity';

/**
 * The standard referral form's data: exactly the categories in the packet, copied from the case at
 * sending time. Nothing outside the packet is read into it, and counselling notes have no category.
 */
@Injectable()
export class ReferralPacketBuilder {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly perpetrators: PerpetratorsService,
  ) {}

  async build(
    m: EntityManager,
    found: CaseWithPeople,
    incidents: IncidentEntity[],
    packet: readonly DataCategory[],
  ): Promise<ReferralPacketView> {
    const has = (c: DataCategory): boolean => packet.includes(c);
    const identity = this.identity(found);
    const view: ReferralPacketView = {};
    if (has('identity_contact')) {
      view.identity = {
        fullName: identity?.fullName ?? null,
        dateOfBirth: identity?.dateOfBirth ?? null,
        age: identity?.age ?? null,
        sex: found.survivor.sex,
        ageGroup: found.survivor.ageGroup,
        phone: identity?.phone ?? null,
        address: identity?.address ?? null,
        idNumber: identity?.idNumber ?? null,
      };
    }
    if (has('safe_contact')) {
      view.safeContact = {
        method: identity?.safeContactMethod ?? null,
        details: identity?.safeContactDetails ?? null,
      };
    }
    if (has('incident_facts')) {
      view.incidents = incidents.map((i) => ({
        occurredAt: i.occurredAt.toISOString(),
        occurredPrecision: i.occurredPrecision,
        discoveredAt: i.discoveredAt.toISOString(),
        communeCode: i.communeCode,
        gbvType: i.gbvType,
        dvForms: i.dvForms,
        contextFlags: i.contextFlags,
        description: this.cipher.decryptOptional(i.descriptionEnc),
      }));
    }
    if (has('injuries_medical')) {
      view.injuries = [...new Set(incidents.flatMap((i) => i.injuries))];
    }
    if (has('risk_level')) view.riskLevel = found.riskLevel;
    if (has('perpetrator_info')) {
      view.perpetrators = incidents.flatMap((i) =>
        i.perpetrators.map((p) => ({
          relationship: p.relationship,
          sex: p.sex,
          ageGroup: p.ageGroup,
        })),
      );
    }
    // Who the perpetrator is: decrypted only for a packet whose consent or override names it.
    if (has('perpetrator'))
      view.perpetratorRecords = await this.perpetrators.packetRecords(found.id, m);
    return view;
  }

  encrypt(view: ReferralPacketView): string {
    return this.cipher.encrypt(JSON.stringify(view));
  }

  private identity(found: CaseWithPeople): Partial<IdentityDocument> | null {
    if (!found.survivor.identityEnc) return null;
    return JSON.parse(this.cipher.decrypt(found.survivor.identityEnc)) as Partial<IdentityDocument>;
  }
}
