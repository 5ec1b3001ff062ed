import type { PipeTransform } from '@angular/core';
import { Pipe, inject } from '@angular/core';
import { TranslationService } from './translation.service';

/**
 * `{{ codes | tList: 'service' }}`: each code translated under the prefix ("service.legal_aid"),
 * joined with commas, or "none" in the current language for an empty list.
 */
@Pipe({ name: 'tList', pure: false })
export class TranslateListPipe implements PipeTransform {
  private readonly translation = inject(TranslationService);

  transform(codes: readonly string[] | null | undefined, prefix: string): string {
    if (!codes || codes.length === 0) return this.translation.t('common.none');
    return codes
      .map((code) => {
        const key = `${prefix}.${code}`;
        return this.translation.hasKey(key) ? this.translation.t(key) : code;
      })
      .join(', ');
  }
}
