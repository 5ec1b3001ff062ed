import { Injectable, inject, signal } from '@angular/core';
import type { CommunityReferralStatusView, Page } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import type { Observable } from 'rxjs';
import { catchError, from, map, of, tap, throwError } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { DeviceVault } from '../../../core/offline/device-vault';
import { isNoNetwork } from '../../../core/offline/network-status';
import { CommunityReferralsApiService } from './community-referrals-api.service';

const LAST_KNOWN = 'statuses:first-page';

interface LastKnown {
  items: CommunityReferralStatusView[];
  at: string;
}

/**
 * The volunteer's own referral statuses: from the server when there is a network, and the last
 * first page the phone saw (encrypted) when there is not, with the time it was seen.
 */
@Injectable({ providedIn: 'root' })
export class ReferralStatuses {
  private readonly api = inject(CommunityReferralsApiService);
  private readonly vault = inject(DeviceVault);
  private readonly auth = inject(AuthService);
  private readonly seenAt = signal<string | null>(null);

  /** Set while the list shown is the phone's copy: when it was last fetched. */
  readonly lastKnownAt = this.seenAt.asReadonly();

  page(after: string | undefined): Observable<Page<CommunityReferralStatusView>> {
    if (this.auth.offline() || (typeof navigator !== 'undefined' && !navigator.onLine)) {
      return after ? of({ items: [], nextCursor: null }) : this.lastKnown();
    }
    return this.api.mine({ after, limit: PAGE_SIZE_DEFAULT }).pipe(
      tap((page) => {
        this.seenAt.set(null);
        if (!after) {
          void this.vault
            .put(LAST_KNOWN, { items: page.items, at: new Date().toISOString() })
            .catch(() => undefined);
        }
      }),
      catchError((error: unknown) =>
        !after && isNoNetwork(error) ? this.lastKnown() : throwError(() => error),
      ),
    );
  }

  private lastKnown(): Observable<Page<CommunityReferralStatusView>> {
    return from(this.vault.get<LastKnown>(LAST_KNOWN).catch(() => undefined)).pipe(
      tap((known) => this.seenAt.set(known?.at ?? null)),
      map((known) => ({ items: known?.items ?? [], nextCursor: null })),
    );
  }
}
