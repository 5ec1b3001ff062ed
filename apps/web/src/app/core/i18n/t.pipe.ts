import type { PipeTransform } from '@angular/core';
import { Pipe, inject } from '@angular/core';
import type { TranslationParams } from './translation.service';
import { TranslationService } from './translation.service';
import type { TranslationKey } from './vi';

/**
 * `{{ 'login.title' | t }}`. Impure so that it re-reads the language signal on every check; the
 * signal read also marks OnPush views dirty when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly translation = inject(TranslationService);

  transform(key: TranslationKey | string, params?: TranslationParams): string {
    return this.translation.hasKey(key) ? this.translation.t(key, params) : key;
  }
}
