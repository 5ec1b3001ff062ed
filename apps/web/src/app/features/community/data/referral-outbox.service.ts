import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  CommunityReferralStatusView,
  CreateCommunityReferralRequest,
} from '@caunoi/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { DeviceVault } from '../../../core/offline/device-vault';
import { CommunityReferralsApiService } from './community-referrals-api.service';

/** A referral waiting on the phone, encrypted in the device vault under `outbox:<key>`. */
export interface QueuedReferral {
  request: CreateCommunityReferralRequest & { idempotencyKey: string };
  queuedAt: string;
}

/** What the screen shows of a queued referral: never its content. */
export interface OutboxEntry {
  key: string;
  queuedAt: string;
  /** waiting: for the network; rejected: the centre's server refused it and the volunteer must fix it. */
  state: 'waiting' | 'sending' | 'rejected';
}

const PREFIX = 'outbox:';
/** While something waits and the phone says it is online, another try this often. */
const RETRY_MS = 10_000;

/** The server has it, or refused it for good: no retry will change the answer. */
function isFinal(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  return error.status >= 400 && error.status < 500 && ![401, 403, 408, 429].includes(error.status);
}

/**
 * Referrals made without a signal wait here and go when the phone is back online: on the `online`
 * event, when the volunteer screen opens, and after each new one. Each carries the key made when the
 * volunteer pressed "send", so a retry after a lost answer gives the first referral back instead of a
 * second one (the API's idempotency key). A referral leaves the phone as soon as the server has it.
 */
@Injectable({ providedIn: 'root' })
export class ReferralOutbox {
  private readonly vault = inject(DeviceVault);
  private readonly api = inject(CommunityReferralsApiService);
  private readonly auth = inject(AuthService);
  private readonly entries = signal<OutboxEntry[]>([]);
  private readonly sentNow = signal<CommunityReferralStatusView[]>([]);
  private flushing: Promise<void> | null = null;

  /** Oldest first. */
  readonly waiting = this.entries.asReadonly();
  readonly hasWaiting = computed(() => this.entries().length > 0);
  /** Sent from the queue since the app opened, newest first. */
  readonly sent = this.sentNow.asReadonly();

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => void this.flush());
      // The network may come back before the server can be reached (or the answer is lost): try again.
      setInterval(() => {
        if (this.entries().some((e) => e.state === 'waiting')) void this.flush();
      }, RETRY_MS);
    }
  }

  /** Reads the queue from the phone (after a reload). */
  async load(): Promise<void> {
    const queued = await this.vault.list<QueuedReferral>(PREFIX);
    const current = new Map(this.entries().map((e) => [e.key, e]));
    this.entries.set(
      queued
        .map(({ value }) => ({
          key: value.request.idempotencyKey,
          queuedAt: value.queuedAt,
          state: current.get(value.request.idempotencyKey)?.state ?? ('waiting' as const),
        }))
        .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)),
    );
  }

  /** Keeps a referral on the phone, encrypted, until the server has it. */
  async enqueue(request: QueuedReferral['request'], queuedAt = new Date()): Promise<void> {
    const entry: QueuedReferral = { request, queuedAt: queuedAt.toISOString() };
    await this.vault.put(PREFIX + request.idempotencyKey, entry);
    this.entries.update((list) => [
      ...list.filter((e) => e.key !== request.idempotencyKey),
      { key: request.idempotencyKey, queuedAt: entry.queuedAt, state: 'waiting' },
    ]);
  }

  /** A refused referral back into the form: it leaves the queue, the volunteer corrects and sends it. */
  async takeBack(key: string): Promise<QueuedReferral['request'] | undefined> {
    const queued = await this.vault.get<QueuedReferral>(PREFIX + key);
    await this.vault.delete(PREFIX + key);
    this.entries.update((list) => list.filter((e) => e.key !== key));
    return queued?.request;
  }

  /** Sends what waits, one at a time, oldest first; stops at the first network failure. */
  flush(): Promise<void> {
    this.flushing ??= this.sendAll().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async sendAll(): Promise<void> {
    if (typeof navigator !== 'undefined' && !navigator.onLine) return;
    if (this.entries().every((e) => e.state === 'rejected')) await this.load();
    const waiting = this.entries().filter((e) => e.state === 'waiting');
    if (waiting.length === 0 || !(await this.auth.reconnect())) return;
    for (const entry of waiting) {
      const queued = await this.vault.get<QueuedReferral>(PREFIX + entry.key);
      if (!queued) continue;
      this.setState(entry.key, 'sending');
      try {
        const referral = await firstValueFrom(this.api.create(queued.request));
        await this.vault.delete(PREFIX + entry.key);
        this.entries.update((list) => list.filter((e) => e.key !== entry.key));
        this.sentNow.update((list) => [referral, ...list.filter((r) => r.id !== referral.id)]);
      } catch (error) {
        this.setState(entry.key, isFinal(error) ? 'rejected' : 'waiting');
        if (!isFinal(error)) return;
      }
    }
  }

  private setState(key: string, state: OutboxEntry['state']): void {
    this.entries.update((list) => list.map((e) => (e.key === key ? { ...e, state } : e)));
  }
}
