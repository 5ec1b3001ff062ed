import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import type { IntakeItemView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { isChildEmergencyCall } from '@caunoi/shared/domain';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { VnDatePipe } from '../../../core/i18n/vn-date.pipe';
import { UnitNamePipe } from '../../../shared/data/unit-name.pipe';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { TranslationService } from '../../../core/i18n/translation.service';
import { IntakeApiService } from '../data/intake-api.service';
import { DismissIntakeDialogComponent } from '../dismiss-intake-dialog/dismiss-intake-dialog.component';
import { injectDialogs } from '../../../shared/ui/form-dialog/dialogs';

/** The centre's pending intake items (handed-over calls, community referrals), oldest urgent first as the API orders them. */
@Component({
  selector: 'cn-intake-queue',
  imports: [MatButtonModule, TranslatePipe, UnitNamePipe, VnDatePipe, ListFooterComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="cn-card-list" data-testid="intake-list">
      @for (item of queue.items(); track item.id) {
        <li data-testid="intake-row">
          <div class="head">
            <strong>{{ 'source.' + item.source | t }}</strong>
            <span>{{ item.receivedAt | vnDate }}</span>
            <span>{{
              item.communeCode ? (item.communeCode | unitName) : ('common.notKnown' | t)
            }}</span>
            @if (item.dangerNow) {
              <span class="cn-badge danger" data-testid="intake-danger">{{
                'flag.dangerNow' | t
              }}</span>
            }
            @if (item.source === 'call' && isChildEmergencyCall(item)) {
              <span class="cn-badge danger" data-testid="intake-child-emergency">{{
                'childEmergency.badge' | t
              }}</span>
            } @else if (item.childInvolved) {
              <span class="cn-badge" data-testid="intake-child">{{ 'flag.child' | t }}</span>
            }
            @if (item.consentToContact !== null) {
              <span class="cn-badge" [class.tertiary]="!item.consentToContact">{{
                (item.consentToContact ? 'intake.consentToContact' : 'intake.noConsentToContact')
                  | t
              }}</span>
            }
          </div>
          <dl>
            @if (item.channel) {
              <dt>{{ 'field.channel' | t }}</dt>
              <dd>
                {{ 'channel.' + item.channel | t }}
                @if (item.callerType) {
                  · {{ 'callerType.' + item.callerType | t }}
                }
              </dd>
            }
            @if (item.survivorSex || item.survivorAgeGroup) {
              <dt>{{ 'intake.survivor' | t }}</dt>
              <dd>
                {{ item.survivorSex ? ('sex.' + item.survivorSex | t) : '' }}
                {{ item.survivorAgeGroup ? ('ageGroup.' + item.survivorAgeGroup | t) : '' }}
              </dd>
            }
            @if (item.survivorName) {
              <dt>{{ 'field.survivorName' | t }}</dt>
              <dd>{{ item.survivorName }}</dd>
            }
            @if (item.safeContactMethod) {
              <dt>{{ 'field.safeContactMethod' | t }}</dt>
              <dd>
                {{ 'safeContact.' + item.safeContactMethod | t }}
                @if (item.safeContactDetails) {
                  — {{ item.safeContactDetails }}
                }
              </dd>
            }
            @if (item.summary) {
              <dt>{{ 'intake.summary' | t }}</dt>
              <dd class="summary" data-testid="intake-summary">{{ item.summary }}</dd>
            }
          </dl>
          <div class="actions">
            <button mat-flat-button type="button" (click)="open(item)" data-testid="intake-open">
              {{ 'intake.openCase' | t }}
            </button>
            <button mat-button type="button" (click)="dismiss(item)" data-testid="intake-dismiss">
              {{ 'intake.dismiss' | t }}
            </button>
          </div>
        </li>
      }
    </ul>
    <cn-list-footer [pager]="queue" emptyKey="intake.empty" testIdPrefix="intake" />
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 8px 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .summary {
      white-space: pre-wrap;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class IntakeQueueComponent {
  private readonly api = inject(IntakeApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly translation = inject(TranslationService);

  /** A call about a child in danger: the case opened from it starts the 12-hour clock from the call. */
  protected readonly isChildEmergencyCall = isChildEmergencyCall;
  protected readonly queue = keysetPager<IntakeItemView>((after) =>
    this.api.list({ status: 'pending', after, limit: PAGE_SIZE_DEFAULT }),
  );

  protected open(item: IntakeItemView): void {
    this.api.remember(item);
    void this.router.navigate(['intake', item.id, 'open'], { relativeTo: this.route });
  }

  /** After a dismissal the queue is read again: the item has left it. */
  protected dismiss(item: IntakeItemView): void {
    this.dialogs
      .open<
        DismissIntakeDialogComponent,
        string,
        IntakeItemView
      >(DismissIntakeDialogComponent, item.id)
      .subscribe(() => {
        this.snackBar.open(this.translation.t('intake.dismissed'));
        this.queue.reload();
      });
  }
}
