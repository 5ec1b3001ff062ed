import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ServiceRecordView } from '@caunoi/shared/contracts';
import { PAGE_SIZE_DEFAULT } from '@caunoi/shared/contracts';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import { keysetPager } from '../../../shared/data/keyset-pager';
import { ListFooterComponent } from '../../../shared/ui/list-footer/list-footer.component';
import { InboxApiService } from '../data/inbox-api.service';
import { INBOX_ROOT, referralLink } from '../data/referral-display';
import { ServiceRecordItemComponent } from '../service-record-item/service-record-item.component';

/**
 * `/inbox/service-records`: every service the agency recorded, newest first. The agency keeps
 * these after its access to the referral (and to the survivor's data) has ended.
 */
@Component({
  selector: 'cn-service-records',
  imports: [
    RouterLink,
    MatButtonModule,
    TranslatePipe,
    ListFooterComponent,
    ServiceRecordItemComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page">
      <a mat-button [routerLink]="inboxLink" class="back">← {{ 'workspace.inbox.title' | t }}</a>
      <header class="cn-page-header">
        <h1 data-testid="service-records-title">{{ 'referralInbox.records.title' | t }}</h1>
      </header>
      <p class="cn-hint">{{ 'referralInbox.records.hint' | t }}</p>
      <ul class="cn-card-list" data-testid="service-records">
        @for (record of pager.items(); track record.id) {
          <li data-testid="service-record">
            <a [routerLink]="link(record.referralId)" data-testid="service-record-referral">{{
              'referralInbox.forReferral' | t: { code: record.referralCode }
            }}</a>
            <cn-service-record-item [record]="record" />
          </li>
        }
      </ul>
      <cn-list-footer
        [pager]="pager"
        emptyKey="referralInbox.records.empty"
        testIdPrefix="service-records"
      />
    </section>
  `,
  styles: `
    .back {
      margin-bottom: 8px;
    }
  `,
})
export class ServiceRecordsComponent {
  private readonly api = inject(InboxApiService);

  protected readonly inboxLink = INBOX_ROOT;
  protected readonly link = referralLink;
  protected readonly pager = keysetPager<ServiceRecordView>((after) =>
    this.api.serviceRecords(after, PAGE_SIZE_DEFAULT),
  );
}
