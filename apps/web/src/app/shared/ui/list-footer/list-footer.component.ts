import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { TranslationKey } from '../../../core/i18n/vi';
import type { KeysetPager } from '../../data/keyset-pager';

/**
 * Under a keyset-paged list: the "nothing here" line and the "load more" button. Test ids are
 * `<testIdPrefix>-empty` and `<testIdPrefix>-load-more`.
 */
@Component({
  selector: 'cn-list-footer',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pager().empty()) {
      <p class="empty" [attr.data-testid]="testIdPrefix() + '-empty'">{{ emptyKey() | t }}</p>
    }
    @if (pager().hasMore()) {
      <div class="more">
        <button
          mat-stroked-button
          type="button"
          (click)="pager().loadMore()"
          [disabled]="pager().loading()"
          [attr.data-testid]="testIdPrefix() + '-load-more'"
        >
          {{ 'common.loadMore' | t }}
        </button>
      </div>
    }
  `,
  styles: `
    .more {
      display: flex;
      justify-content: center;
      margin: 16px 0;
    }
  `,
})
export class ListFooterComponent {
  readonly pager = input.required<KeysetPager<unknown>>();
  readonly emptyKey = input.required<TranslationKey>();
  readonly testIdPrefix = input.required<string>();
}
