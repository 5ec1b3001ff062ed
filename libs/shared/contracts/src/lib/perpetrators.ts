import type { PerpetratorInput } from './cases';

/** Longest text field of a perpetrator's identity, and how many aliases one may have. */
export const PERPETRATOR_LIMITS = {
  name: 200,
  alias: 100,
  aliases: 10,
  phone: 30,
  address: 500,
  idNumber: 30,
} as const;

/** Who the perpetrator is: encrypted apart from the survivor's identity, read only through a reveal. */
export interface PerpetratorIdentity {
  fullName: string | null;
  aliases: string[];
  phone: string | null;
  address: string | null;
  idNumber: string | null;
}

/** The coded facts (relationship, sex, age group), in clear for statistics and lists. */
export type PerpetratorFacts = PerpetratorInput;

export interface SavePerpetratorRequest extends PerpetratorFacts {
  identity: PerpetratorIdentity;
  /** Incidents of the same case this person is linked to. */
  incidentIds: string[];
}

export interface UpdatePerpetratorRequest extends SavePerpetratorRequest {
  /** The version the edit started from: a stale save answers 409. */
  version: number;
  /** Why the record is changed: kept, encrypted, with the values it replaces. */
  reason: string;
}

/** A perpetrator as lists show it: coded facts only, no identity. */
export interface PerpetratorView extends PerpetratorFacts {
  id: string;
  caseId: string;
  version: number;
  incidentIds: string[];
  /** Which identity fields hold something, so the screen can offer a reveal. */
  identityRecorded: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RevealedPerpetratorView extends PerpetratorView {
  identity: PerpetratorIdentity;
}

/** The `perpetrator` category of a referral packet: who the perpetrator is, as the police need it. */
export interface PacketPerpetrator extends PerpetratorFacts {
  identity: PerpetratorIdentity;
}
