import type { AccountChangeKind, AccountChangeStatus, Role } from '@caunoi/shared/domain';

/** A person named in a request, as approvers need to recognise them. */
export interface AccountChangePerson {
  id: string;
  username: string;
  displayName: string;
}

/** A requested change to an account (the two-person rule), as the approvals screen shows it. */
export interface AccountChangeView {
  id: string;
  kind: AccountChangeKind;
  status: AccountChangeStatus;
  /** The account, with the grant it holds now (unchanged until approval). */
  target: AccountChangePerson & { role: Role; agencyId: string; agencyName: string };
  /** The grant once approved: a new account's, or the new role and agency of a grant change. */
  grant: { role: Role; agencyId: string; agencyName: string };
  requestedBy: AccountChangePerson;
  requestedAt: string;
  decidedBy: AccountChangePerson | null;
  decidedAt: string | null;
  /** Why it was rejected (the decider's words, about an account: never survivor data). */
  rejectionReason: string | null;
}

/**
 * A one-time code, shown once to the approver to hand to the holder out of band (email delivery
 * does not exist yet). The holder sets their password with it on the public page; it is stored
 * hashed, single use, and void after a few wrong tries or when it expires.
 */
export interface OneTimeCodeView {
  username: string;
  code: string;
  expiresAt: string;
  /**
   * Also on its way to the holder's email address: only to an address set by someone other than the
   * requester and the holder (decision 0023). The approver hands the code over otherwise.
   */
  sentByEmail: boolean;
}

/** The answer to an approval: the change, and the one-time code when the kind yields one. */
export interface AccountChangeDecisionView {
  change: AccountChangeView;
  oneTimeCode: OneTimeCodeView | null;
}

export interface AccountChangeListQuery {
  after?: string;
  limit?: number;
  /** Default `pending`. */
  status?: AccountChangeStatus;
  /** One account's requests (the admin's user screen). */
  userId?: string;
}

export const REJECTION_REASON_MAX_LENGTH = 500;

export interface RejectAccountChangeRequest {
  reason: string;
}

/** The public "set your password" page: the holder's username, the code, the new password. */
export interface SetPasswordWithCodeRequest {
  username: string;
  code: string;
  newPassword: string;
}
