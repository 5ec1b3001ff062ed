import { HttpClient } from '@angular/common/http';
import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type {
  ChangePasswordRequest,
  LoginRequest,
  MeResponse,
  TokenResponse,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { finalize, firstValueFrom, shareReplay, tap } from 'rxjs';
import { ActivityService } from '../idle/activity.service';
import { isNoNetwork } from '../offline/network-status';
import { OfflineSession } from '../offline/offline-session';
import { apiUrl } from '../http/api-url';
import {
  CHANGE_PASSWORD_ROUTE,
  LOGIN_ROUTE,
  SECOND_FACTOR_ROUTE,
  landingRouteFor,
} from './landing';

export type SessionEndReason = 'idle' | 'expired' | 'signedOut';

export interface SessionTiming {
  /** Refresh the access token this long before it expires (if the user has been active). */
  refreshLeadMs: number;
}

export const SESSION_TIMING = new InjectionToken<SessionTiming>('SESSION_TIMING', {
  providedIn: 'root',
  factory: () => ({ refreshLeadMs: 60_000 }),
});

const auth = (segment: string): string => apiUrl(ApiRoutes.auth.root, segment);

/** Set when the volunteer signed out without a network: the server's session ends at the next chance. */
const SIGN_OUT_PENDING = 'caunoi.signOutPending';

/**
 * The session lives in memory only: the access token in a signal, the refresh token in an
 * httpOnly cookie the page never reads. A reload restores the session through /auth/refresh.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly activity = inject(ActivityService);
  private readonly timing = inject(SESSION_TIMING);
  private readonly offlineSession = inject(OfflineSession);

  private readonly tokens = signal<TokenResponse | null>(null);
  private readonly profile = signal<MeResponse | null>(null);
  private readonly withoutNetwork = signal(false);

  readonly accessToken = computed(() => this.tokens()?.accessToken ?? null);
  readonly me = this.profile.asReadonly();
  readonly isSignedIn = computed(
    () => (this.tokens() !== null || this.withoutNetwork()) && this.profile() !== null,
  );
  /**
   * The app was opened with no network and this phone keeps a volunteer's profile: the volunteer's
   * screens work from what is on the phone; nothing reaches the server until `reconnect()` succeeds.
   */
  readonly offline = this.withoutNetwork.asReadonly();
  readonly mustChangePassword = computed(() => this.profile()?.user.mustChangePassword ?? false);
  /** Set until this session has its second factor: enrol an app, or give a code. */
  readonly secondFactor = computed(() => this.profile()?.user.secondFactor ?? null);

  private refreshInFlight: Observable<TokenResponse> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastRefreshAt = 0;
  /** Set when the proactive refresh came due while the user was away. */
  private refreshPending = false;

  constructor() {
    // Opened offline: the real session comes back as soon as the server can be reached again.
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => void this.reconnectSoon());
    }
    this.activity.onActivity(() => {
      if (this.refreshPending && this.tokens()) {
        this.refreshPending = false;
        this.refreshQuietly();
      }
    });
  }

  /** App start: a valid refresh cookie brings the session back after a reload. */
  async restore(): Promise<void> {
    try {
      await firstValueFrom(this.refresh());
      if (localStorage.getItem(SIGN_OUT_PENDING)) {
        await this.logout('signedOut').catch(() => undefined);
        return;
      }
      await this.loadMe();
    } catch (error) {
      this.clear();
      if (isNoNetwork(error)) await this.openOffline();
    }
  }

  /** Back online after an offline start: the real session comes back (or the login page, if it ended). */
  async reconnect(): Promise<boolean> {
    if (!this.withoutNetwork()) return this.tokens() !== null;
    try {
      await firstValueFrom(this.refresh());
      await this.loadMe();
      return true;
    } catch (error) {
      if (isNoNetwork(error)) return false;
      this.clear();
      await this.router.navigate([LOGIN_ROUTE], { queryParams: { reason: 'expired' } });
      return false;
    }
  }

  private async reconnectSoon(): Promise<void> {
    for (const waitMs of [0, 1_000, 3_000, 10_000]) {
      if (!this.withoutNetwork()) return;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      if (!navigator.onLine) return;
      if (await this.reconnect()) return;
    }
  }

  private async openOffline(): Promise<void> {
    const me = await this.offlineSession.lastProfile().catch(() => undefined);
    if (!me) return;
    this.profile.set(me);
    this.withoutNetwork.set(true);
  }

  async login(request: LoginRequest): Promise<MeResponse> {
    const tokens = await firstValueFrom(
      this.http.post<TokenResponse>(auth(ApiRoutes.auth.login), request),
    );
    this.setTokens(tokens);
    return this.loadMe();
  }

  async changePassword(request: ChangePasswordRequest): Promise<MeResponse> {
    const tokens = await firstValueFrom(
      this.http.post<TokenResponse>(auth(ApiRoutes.auth.changePassword), request),
    );
    this.setTokens(tokens);
    return this.loadMe();
  }

  /** One refresh at a time: concurrent 401s all wait for the same answer. */
  refresh(): Observable<TokenResponse> {
    this.refreshInFlight ??= this.http.post<TokenResponse>(auth(ApiRoutes.auth.refresh), null).pipe(
      tap((tokens) => this.setTokens(tokens)),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** Where this user belongs now: the second factor, then the password page, when the server demands them. */
  homeRoute(): string {
    const me = this.profile();
    if (!me) return LOGIN_ROUTE;
    if (me.user.secondFactor) return SECOND_FACTOR_ROUTE;
    return me.user.mustChangePassword ? CHANGE_PASSWORD_ROUTE : landingRouteFor(me.user.role);
  }

  /** After the second factor was given: the same session, now allowed what the role allows. */
  secondFactorDone(): Promise<MeResponse> {
    return this.loadMe();
  }

  async logout(reason: SessionEndReason = 'signedOut'): Promise<void> {
    if (this.withoutNetwork()) localStorage.setItem(SIGN_OUT_PENDING, '1');
    if (this.tokens()) {
      try {
        await firstValueFrom(this.http.post<void>(auth(ApiRoutes.auth.logout), null));
        localStorage.removeItem(SIGN_OUT_PENDING);
      } catch {
        // The session may already be gone on the server; signing out locally is what matters.
      }
    }
    // Signing out deletes what this phone kept (drafts, queued referrals, statuses) and its key.
    if (reason === 'signedOut') await this.offlineSession.forget().catch(() => undefined);
    await this.endSession(reason);
  }

  /** Forgets the session locally and shows the login page with the reason. */
  async endSession(reason: SessionEndReason): Promise<void> {
    const wasSignedIn = this.tokens() !== null;
    this.clear();
    if (wasSignedIn || reason !== 'expired') {
      await this.router.navigate([LOGIN_ROUTE], { queryParams: { reason } });
    }
  }

  private async loadMe(): Promise<MeResponse> {
    const me = await firstValueFrom(this.http.get<MeResponse>(auth(ApiRoutes.auth.me)));
    this.profile.set(me);
    this.withoutNetwork.set(false);
    await this.offlineSession.remember(me).catch(() => undefined);
    return me;
  }

  private setTokens(tokens: TokenResponse): void {
    this.tokens.set(tokens);
    this.lastRefreshAt = Date.now();
    this.refreshPending = false;
    this.scheduleRefresh(tokens);
  }

  /**
   * Refreshing only after activity keeps the server's idle rule and the UI in agreement: an idle
   * user's session is not kept alive by a timer.
   */
  private scheduleRefresh(tokens: TokenResponse): void {
    this.cancelRefresh();
    const dueIn =
      new Date(tokens.accessTokenExpiresAt).getTime() - Date.now() - this.timing.refreshLeadMs;
    this.refreshTimer = setTimeout(
      () => {
        this.refreshTimer = null;
        if (this.activity.lastActivityAt > this.lastRefreshAt) this.refreshQuietly();
        else this.refreshPending = true;
      },
      Math.max(dueIn, 0),
    );
  }

  private refreshQuietly(): void {
    this.refresh().subscribe({ error: () => void this.endSession('expired') });
  }

  private cancelRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  private clear(): void {
    this.cancelRefresh();
    this.refreshPending = false;
    this.tokens.set(null);
    this.profile.set(null);
    this.withoutNetwork.set(false);
  }
}
