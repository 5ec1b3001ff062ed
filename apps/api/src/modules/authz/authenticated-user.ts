import type { Role } from '@caunoi/shared/domain';

/** What the API knows about the caller once the access token and session are checked. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  sessionId: string;
  mustChangePassword: boolean;
}
