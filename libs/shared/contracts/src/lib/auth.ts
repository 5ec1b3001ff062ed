import type { AgencyType, Role } from '@caunoi/shared/domain';

export interface LoginRequest {
  username: string;
  password: string;
}

/** The refresh token travels only in an httpOnly cookie, never in a body the page script can read. */
export interface TokenResponse {
  accessToken: string;
  /** ISO instant when the access token expires. */
  accessTokenExpiresAt: string;
  /** ISO instant when the session ends regardless of activity. */
  sessionExpiresAt: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface MeResponse {
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    mustChangePassword: boolean;
  };
  agency: {
    id: string;
    name: string;
    type: AgencyType;
    provinceCode: string;
  };
  /** CASL rules packed with `packRules`; the web unpacks them to hide what the role may not do. */
  rules: unknown[];
  /** Idle timeout of the session in seconds, so the web can warn before it ends. */
  idleTimeoutSeconds: number;
}
