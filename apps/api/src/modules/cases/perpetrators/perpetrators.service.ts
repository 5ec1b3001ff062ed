import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  PacketPerpetrator,
  PerpetratorIdentity,
  PerpetratorView,
  RevealedPerpetratorView,
} from '@caunoi/shared/contracts';
import { fieldError } from '../../../common/api-errors';
import { Clock } from '../../../common/clock';
import type { Tx } from '../../../database/unit-of-work';
import { UnitOfWork } from '../../../database/unit-of-work';
import type { Caller } from '../../authz/caller';
import { FieldCipher } from '../../crypto/field-cipher';
import { CaseAccess } from '../case-access';
import { CaseCorrectionsService } from '../corrections/case-corrections.service';
import { assertCurrentVersion } from '../versioned-record';
import type { SavePerpetratorDto, UpdatePerpetratorDto } from './perpetrator.dto';
import type { PerpetratorRow, PerpetratorWrite } from './perpetrators.repository';
import { PerpetratorsRepository } from './perpetrators.repository';

const IDENTITY_FIELDS = ['fullName', 'aliases', 'phone', 'address', 'idNumber'] as const;

/**
 * Perpetrator records of a case. Lists show the coded facts only; who the perpetrator is comes out
 * through a reveal (audited, like the survivor's identity) or a referral packet whose consent names
 * the `perpetrator` category (audited when the receiving agency reads it).
 */
@Injectable()
export class PerpetratorsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly perpetrators: PerpetratorsRepository,
    private readonly access: CaseAccess,
    private readonly cipher: FieldCipher,
    private readonly corrections: CaseCorrectionsService,
    private readonly clock: Clock,
  ) {}

  async list({ user: actor, ability }: Caller, caseId: string): Promise<PerpetratorView[]> {
    await this.access.load(ability, caseId, 'read');
    const rows = await this.perpetrators.listForCase(caseId);
    await this.work.audit({
      actor,
      caseId,
      action: 'perpetrator.list',
      subjectType: 'Perpetrator',
      fields: ['sex', 'ageGroup', 'relationship', 'incidentIds'],
      details: { count: rows.length },
    });
    return rows.map(mapPerpetrator);
  }

  async reveal(
    { user: actor, ability }: Caller,
    caseId: string,
    id: string,
  ): Promise<RevealedPerpetratorView> {
    await this.access.load(ability, caseId, 'reveal_identity');
    const row = await this.perpetrators.getOfCase(caseId, id);
    if (!row)
      throw fieldError(HttpStatus.NOT_FOUND, 'perpetratorId', 'not_found', 'no such record');
    await this.work.audit({
      actor,
      caseId,
      action: 'perpetrator.reveal',
      subjectType: 'Perpetrator',
      subjectId: id,
      fields: IDENTITY_FIELDS.map((f) => `identity.${f}`),
    });
    return { ...mapPerpetrator(row), identity: this.decrypt(row.identityEnc) };
  }

  async create(
    { user: actor, ability }: Caller,
    caseId: string,
    dto: SavePerpetratorDto,
  ): Promise<PerpetratorView> {
    const now = this.clock.now();
    const row = await this.work.run(async (tx) => {
      await this.access.loadForUpdate(tx.manager, ability, caseId, 'update');
      const write = await this.toWrite(tx, caseId, dto);
      const id = await this.perpetrators.insert(tx.manager, caseId, actor.id, now, write);
      await tx.audit({
        actor,
        caseId,
        action: 'perpetrator.create',
        subjectType: 'Perpetrator',
        subjectId: id,
        fields: writtenFields(dto),
      });
      return (await this.perpetrators.getOfCase(caseId, id, tx.manager)) as PerpetratorRow;
    });
    return mapPerpetrator(row);
  }

  async update(
    { user: actor, ability }: Caller,
    caseId: string,
    id: string,
    dto: UpdatePerpetratorDto,
  ): Promise<PerpetratorView> {
    const now = this.clock.now();
    const row = await this.work.run(async (tx) => {
      const m = tx.manager;
      await this.access.loadForUpdate(m, ability, caseId, 'update');
      const current = await this.perpetrators.getOfCase(caseId, id, m, true);
      if (!current) {
        throw fieldError(HttpStatus.NOT_FOUND, 'perpetratorId', 'not_found', 'no such record');
      }
      assertCurrentVersion(current.version, dto.version);
      const write = await this.toWrite(tx, caseId, dto);
      // The values it replaces are kept (encrypted, with the reason) like any correction.
      const fields = await this.corrections.record(tx, actor, {
        caseId,
        subjectType: 'Perpetrator',
        subjectId: id,
        before: historyValues(current, this.decrypt(current.identityEnc)),
        after: historyValues(dto, normaliseIdentity(dto.identity)),
        reason: dto.reason,
      });
      await this.perpetrators.update(m, id, now, write);
      await tx.audit({
        actor,
        caseId,
        action: 'perpetrator.update',
        subjectType: 'Perpetrator',
        subjectId: id,
        fields,
        details: { version: current.version + 1 },
      });
      return (await this.perpetrators.getOfCase(caseId, id, m)) as PerpetratorRow;
    });
    return mapPerpetrator(row);
  }

  /**
   * The `perpetrator` category of a referral packet. The caller (the referral being sent) has
   * already checked consent coverage for the category; the receiving agency's read is audited there.
   */
  async packetRecords(caseId: string, m: Tx['manager']): Promise<PacketPerpetrator[]> {
    const rows = await this.perpetrators.listForCase(caseId, m);
    return rows.map((r) => ({
      sex: r.sex,
      ageGroup: r.ageGroup,
      relationship: r.relationship,
      identity: this.decrypt(r.identityEnc),
    }));
  }

  private async toWrite(
    tx: Tx,
    caseId: string,
    dto: SavePerpetratorDto,
  ): Promise<PerpetratorWrite> {
    const found = await this.perpetrators.incidentsOfCase(tx.manager, caseId, dto.incidentIds);
    const foreign = dto.incidentIds.findIndex((i) => !found.includes(i));
    if (foreign >= 0) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        `incidentIds.${foreign}`,
        'not_found',
        'not an incident of this case',
      );
    }
    const identity = normaliseIdentity(dto.identity);
    return {
      identityEnc: this.cipher.encrypt(JSON.stringify(identity)),
      identityRecorded: isRecorded(identity),
      sex: dto.sex,
      ageGroup: dto.ageGroup,
      relationship: dto.relationship,
      incidentIds: dto.incidentIds,
    };
  }

  private decrypt(identityEnc: string): PerpetratorIdentity {
    return normaliseIdentity(
      JSON.parse(this.cipher.decrypt(identityEnc)) as Partial<PerpetratorIdentity>,
    );
  }
}

export function mapPerpetrator(row: PerpetratorRow): PerpetratorView {
  return {
    id: row.id,
    caseId: row.caseId,
    version: row.version,
    sex: row.sex,
    ageGroup: row.ageGroup,
    relationship: row.relationship,
    incidentIds: row.incidentIds,
    identityRecorded: row.identityRecorded,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Trimmed, empty strings as null, blank aliases dropped. */
function normaliseIdentity(i: Partial<PerpetratorIdentity>): PerpetratorIdentity {
  const text = (v: string | null | undefined): string | null => v?.trim() || null;
  return {
    fullName: text(i.fullName),
    aliases: (i.aliases ?? []).map((a) => a.trim()).filter((a) => a.length > 0),
    phone: text(i.phone),
    address: text(i.address),
    idNumber: text(i.idNumber),
  };
}

function isRecorded(i: PerpetratorIdentity): boolean {
  return i.aliases.length > 0 || [i.fullName, i.phone, i.address, i.idNumber].some((v) => v);
}

/** Names (never values) of the fields a save writes, for the audit row. */
function writtenFields(dto: SavePerpetratorDto): string[] {
  const identity = normaliseIdentity(dto.identity);
  return [
    'sex',
    'ageGroup',
    'relationship',
    'incidentIds',
    ...IDENTITY_FIELDS.filter((f) =>
      f === 'aliases' ? identity.aliases.length > 0 : identity[f] !== null,
    ).map((f) => `identity.${f}`),
  ];
}

/**
 * A record's values as its correction history keeps them, one key per field (the audit names the
 * same keys): the coded facts, the linked incidents (sorted) and each identity field.
 */
function historyValues(
  facts: Pick<PerpetratorRow, 'sex' | 'ageGroup' | 'relationship' | 'incidentIds'>,
  identity: PerpetratorIdentity,
): Record<string, unknown> {
  return {
    sex: facts.sex,
    ageGroup: facts.ageGroup,
    relationship: facts.relationship,
    incidentIds: [...facts.incidentIds].sort(),
    ...Object.fromEntries(IDENTITY_FIELDS.map((f) => [`identity.${f}`, identity[f]])),
  };
}
