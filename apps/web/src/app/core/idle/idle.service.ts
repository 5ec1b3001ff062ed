import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { ActivityService } from './activity.service';

export interface IdleTiming {
  /** How long before the idle timeout the warning appears. */
  warningSeconds: number;
  /** How often idleness is checked; also the countdown's step. */
  tickMs: number;
}

export const IDLE_TIMING = new InjectionToken<IdleTiming>('IDLE_TIMING', {
  providedIn: 'root',
  factory: () => ({ warningSeconds: 120, tickMs: 1000 }),
});

/**
 * Signs the user out after the server's idle timeout, with a warning first. Time is measured
 * with Date.now() rather than counted ticks, so a throttled background tab still ends on time.
 */
@Injectable({ providedIn: 'root' })
export class IdleService {
  private readonly activity = inject(ActivityService);
  private readonly auth = inject(AuthService);
  private readonly timing = inject(IDLE_TIMING);

  private timer: ReturnType<typeof setInterval> | null = null;
  private timeoutMs = 0;
  private warningEndsAt: number | null = null;
  private readonly remaining = signal<number | null>(null);

  /** Seconds until sign-out while the warning shows; null otherwise. */
  readonly secondsLeft = this.remaining.asReadonly();
  readonly warning = computed(() => this.remaining() !== null);

  start(idleTimeoutSeconds: number): void {
    this.stop();
    this.timeoutMs = idleTimeoutSeconds * 1000;
    this.activity.markActive();
    this.timer = setInterval(() => this.tick(), this.timing.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.warningEndsAt = null;
    this.remaining.set(null);
  }

  /** "Stay signed in": counts as activity and renews the token, which resets the server's clock. */
  staySignedIn(): void {
    this.warningEndsAt = null;
    this.remaining.set(null);
    this.activity.markActive();
    this.auth.refresh().subscribe({ error: () => void this.auth.endSession('expired') });
  }

  signOutNow(): void {
    this.stop();
    void this.auth.logout('signedOut');
  }

  private tick(): void {
    const now = Date.now();
    if (this.warningEndsAt === null) {
      const idleMs = now - this.activity.lastActivityAt;
      if (idleMs < this.timeoutMs - this.timing.warningSeconds * 1000) return;
      // Activity no longer cancels the warning: the user has to answer it.
      this.warningEndsAt = this.activity.lastActivityAt + this.timeoutMs;
    }
    const left = Math.ceil((this.warningEndsAt - now) / 1000);
    if (left > 0) {
      this.remaining.set(left);
      return;
    }
    this.stop();
    void this.auth.logout('idle');
  }
}
