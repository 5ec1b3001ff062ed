import type { AccountChangeKind, Language, Role } from '@caunoi/shared/domain';

/** Lowercase letters, digits, ".", "_" and "-", 3 to 64 characters (the API and the CLI check it). */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  /** Where notifications the holder chose go by email (staff data, set by an admin). */
  email: string | null;
  language: Language;
  disabled: boolean;
  mustChangePassword: boolean;
  locked: boolean;
  createdAt: string;
  /**
   * False while the account has no password: a new account, or one whose reset was approved, until
   * the holder sets one with a one-time code. It cannot sign in meanwhile.
   */
  passwordSet: boolean;
  /** When the holder's unused one-time code expires, if one is live. */
  oneTimeCodeExpiresAt: string | null;
  /** Requests waiting for a second person; the account keeps its current grant until approval. */
  pendingChanges: { id: string; kind: AccountChangeKind }[];
}

/**
 * A new account, without a password: it can sign in only after another person approves the request
 * and the holder sets a password with the one-time code the approval yields.
 */
export interface CreateUserRequest {
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  email?: string | null;
}

/**
 * The display name and the email address change at once; a new role or agency waits for approval.
 * A null email removes it.
 */
export interface UpdateUserRequest {
  displayName?: string;
  email?: string | null;
  role?: Role;
  agencyId?: string;
}

export interface UserListQuery {
  after?: string;
  limit?: number;
  agencyId?: string;
  role?: Role;
  /** Prefix match on username or display name. */
  q?: string;
}
