import type { Role, SecondFactorStep } from '@caunoi/shared/domain';

/** What the API knows about the caller once the access token and session are checked. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  sessionId: string;
  mustChangePassword: boolean;
  /** Set while the session still needs the second factor: only its screens are open until then. */
  secondFactor: SecondFactorStep;
}
