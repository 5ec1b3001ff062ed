import type { AgencyType, Role, SecondFactorStep } from '@caunoi/shared/domain';

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
  /**
   * What the session still needs before anything but the second-factor screens is allowed: enrol an
   * authenticator app (first sign-in), give a code, or nothing.
   */
  secondFactor: SecondFactorStep;
}

/** A new authenticator secret, shown once: as a QR code and as text for typing in. */
export interface SecondFactorEnrolmentResponse {
  secret: string;
  otpauthUri: string;
  /** A PNG data URL of the QR code of `otpauthUri`. */
  qrCode: string;
}

export interface SecondFactorCodeRequest {
  /** Six digits from the app, or (to verify only) a recovery code. */
  verificationCode: string;
}

export interface SecondFactorConfirmResponse {
  /** One-time recovery codes, shown this once. */
  recoveryCodes: string[];
}

export interface SecondFactorVerifyResponse {
  method: 'totp' | 'recovery_code';
  /** Recovery codes left; the user should re-enrol when few remain. */
  recoveryCodesLeft: number;
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
    secondFactor: SecondFactorStep;
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
