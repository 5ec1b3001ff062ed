import type { PipeTransform } from '@angular/core';
import { Pipe, inject } from '@angular/core';
import type { AgencyView } from '@caunoi/shared/contracts';
import { TranslationService } from '../../core/i18n/translation.service';

type Coverage = Pick<AgencyView, 'coversWholeProvince' | 'coverageCommuneCodes'>;

/**
 * Where an agency works, in words: "whole province", or the communes it names (sorted; with
 * `shown`, the first few and how many more). `{{ agency | coverage: names() : 3 }}`.
 */
@Pipe({ name: 'coverage', pure: false })
export class CoveragePipe implements PipeTransform {
  private readonly translation = inject(TranslationService);

  transform(agency: Coverage, names: ReadonlyMap<string, string>, shown?: number): string {
    if (agency.coversWholeProvince) return this.translation.t('directory.wholeProvince');
    if (agency.coverageCommuneCodes.length === 0) {
      return this.translation.t('directory.noCoverage');
    }
    const labels = agency.coverageCommuneCodes
      .map((code) => names.get(code) ?? code)
      .sort((a, b) => a.localeCompare(b, 'vi'));
    if (shown === undefined || labels.length <= shown) return labels.join(', ');
    return this.translation.t('directory.moreCommunes', {
      names: labels.slice(0, shown).join(', '),
      count: labels.length - shown,
    });
  }
}
