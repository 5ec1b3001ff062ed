import type {
  CaseDetailView,
  CaseSummaryView,
  ConsentView,
  IncidentView,
  MaskedIdentity,
  PossibleDuplicate,
  RevealedIdentity,
} from '@caunoi/shared/contracts';
import { isFamilyRelationship } from '@caunoi/shared/domain';
import type { CaseWithPeople } from './cases.repository';
import type { ConsentRecordEntity } from './consent-record.entity';
import type { IncidentEntity } from './incident.entity';

/** The identity document stored encrypted in survivors.identity_enc. */
export type IdentityDocument = Omit<
  RevealedIdentity,
  'sex' | 'disabilityStatus' | 'ethnicMinority' | 'version'
>;

export const IDENTITY_FIELDS = [
  'fullName',
  'dateOfBirth',
  'age',
  'phone',
  'address',
  'idNumber',
  'ethnicity',
  'disability',
  'safeContactMethod',
  'safeContactDetails',
] as const satisfies readonly (keyof IdentityDocument)[];

export function mapCaseSummary(c: CaseWithPeople): CaseSummaryView {
  return {
    id: c.id,
    survivorCode: c.survivor.code,
    stage: c.stage,
    riskLevel: c.riskLevel,
    source: c.source,
    assignedUserId: c.assignedUserId,
    assignedUserName: c.assignedUser?.displayName ?? null,
    childInvolved: c.childInvolved,
    seriousIncident: c.seriousIncident,
    openedAt: c.openedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function maskIdentity(c: CaseWithPeople): MaskedIdentity {
  const present = Object.fromEntries(
    IDENTITY_FIELDS.map((field) => [field, c.survivor.identityFields.includes(field)]),
  );
  return {
    survivorId: c.survivor.id,
    version: c.survivor.identityVersion,
    anonymous: c.survivor.anonymous,
    sex: c.survivor.sex,
    ageGroup: c.survivor.ageGroup,
    disabilityStatus: c.survivor.disabilityStatus,
    ethnicMinority: c.survivor.ethnicMinority,
    present,
  };
}

export function mapIncident(i: IncidentEntity, description: string | null): IncidentView {
  return {
    id: i.id,
    occurredAt: i.occurredAt.toISOString(),
    occurredPrecision: i.occurredPrecision,
    discoveredAt: i.discoveredAt.toISOString(),
    communeCode: i.communeCode,
    classificationAnswers: i.classificationAnswers,
    gbvType: i.gbvType,
    dvForms: i.dvForms,
    contextFlags: i.contextFlags,
    perpetrators: i.perpetrators.map((p) => ({
      ...p,
      family: isFamilyRelationship(p.relationship),
    })),
    injuries: i.injuries,
    serious: i.serious,
    seriousReasons: i.seriousReasons,
    description,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
  };
}

export function mapConsent(c: ConsentRecordEntity, withdrawnReason: string | null): ConsentView {
  return {
    id: c.id,
    kind: c.kind,
    givenBy: c.givenBy,
    method: c.method,
    childAssent: c.childAssent,
    guardianIsSuspect: c.guardianIsSuspect,
    agencyTypes: c.agencyTypes,
    dataCategories: c.dataCategories,
    givenAt: c.givenAt.toISOString(),
    expiresOn: c.expiresOn,
    recordedByUserId: c.recordedByUserId,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    withdrawnReason,
  };
}

export function mapCaseDetail(
  c: CaseWithPeople,
  parts: {
    incidents: IncidentView[];
    consents: ConsentView[];
    possibleDuplicates: PossibleDuplicate[];
    hiddenDuplicateExists: boolean;
  },
): CaseDetailView {
  return {
    ...mapCaseSummary(c),
    agencyId: c.agencyId,
    communeCode: c.communeCode,
    identity: maskIdentity(c),
    ...parts,
  };
}
