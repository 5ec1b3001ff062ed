import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslatePipe } from '../../../core/i18n/t.pipe';
import type { Language } from '../../../core/i18n/translation.service';
import { LANGUAGES, TranslationService } from '../../../core/i18n/translation.service';

@Component({
  selector: 'cn-language-switch',
  imports: [MatButtonToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [attr.aria-label]="'lang.label' | t"
      [value]="translation.language()"
      (change)="use($event.value)"
    >
      @for (language of languages; track language) {
        <mat-button-toggle
          [value]="language"
          [attr.data-testid]="'lang-' + language"
          [attr.title]="'lang.' + language | t"
          [attr.lang]="language"
          >{{ language.toUpperCase() }}</mat-button-toggle
        >
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      display: inline-block;
      --mat-button-toggle-height: 32px;
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly translation = inject(TranslationService);
  protected readonly languages = LANGUAGES;

  protected use(language: Language): void {
    this.translation.use(language);
  }
}
