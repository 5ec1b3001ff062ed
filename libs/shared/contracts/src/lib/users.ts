import type { Role } from '@caunoi/shared/domain';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  locked: boolean;
  createdAt: string;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  /** Initial password; the user must change it at first login. */
  password: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  agencyId?: string;
}

export interface ResetPasswordRequest {
  newPassword: string;
}

export interface UserListQuery {
  after?: string;
  limit?: number;
  agencyId?: string;
  role?: Role;
  /** Prefix match on username or display name. */
  q?: string;
}
