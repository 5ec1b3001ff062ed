import { Injectable, inject } from '@angular/core';
import type { MeResponse } from '@caunoi/shared/contracts';
import { DeviceVault } from './device-vault';

const PROFILE = 'session:profile';

/** The roles whose work is meant to go on without a signal: the volunteer app. */
const OFFLINE_ROLES: readonly string[] = ['volunteer'];

/**
 * A volunteer in a village without signal reopens the app: the session cannot be refreshed, but the
 * app may still show the referral form, the queue and the last known statuses. What it needs for
 * that (the profile: role, agency, rules) is kept encrypted in the device vault, for the roles above
 * only. Nothing is sent in this state; sending waits for a real session.
 */
@Injectable({ providedIn: 'root' })
export class OfflineSession {
  private readonly vault = inject(DeviceVault);

  /** After a sign-in or a restored session; the phone's data of another account is deleted first. */
  async remember(me: MeResponse): Promise<void> {
    const earlier = await this.vault.get<MeResponse>(PROFILE);
    if (earlier && earlier.user.id !== me.user.id) await this.vault.wipe();
    const complete = !me.user.secondFactor && !me.user.mustChangePassword;
    if (complete && OFFLINE_ROLES.includes(me.user.role)) await this.vault.put(PROFILE, me);
  }

  /** The profile to open the app with while offline, if this phone has one. */
  lastProfile(): Promise<MeResponse | undefined> {
    return this.vault.get<MeResponse>(PROFILE);
  }

  /** Sign-out: drafts, queue, statuses, profile and the key are deleted. */
  forget(): Promise<void> {
    return this.vault.wipe();
  }
}
