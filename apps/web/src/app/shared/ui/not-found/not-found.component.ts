import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../../../core/i18n/t.pipe';

/**
 * What a 404 shows. The API answers 404 both for a record that does not exist and for one the
 * user may not see, so the page says both and confirms neither.
 */
@Component({
  selector: 'cn-not-found',
  imports: [RouterLink, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cn-page" data-testid="not-found">
      <h1>{{ 'notFound.title' | t }}</h1>
      <p>{{ 'notFound.body' | t }}</p>
      <a mat-stroked-button [routerLink]="backLink()">{{ 'common.back' | t }}</a>
    </section>
  `,
})
export class NotFoundComponent {
  readonly backLink = input('/');
}
