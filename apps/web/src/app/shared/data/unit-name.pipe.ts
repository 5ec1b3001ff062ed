import type { PipeTransform } from '@angular/core';
import { Pipe, inject } from '@angular/core';
import { AdministrativeUnitsService } from './administrative-units.service';

/**
 * `{{ incident.communeCode | unitName }}`: the name of a province or commune code, looked up once
 * (batched with the other codes of the page) and then from the session's cache. Impure because the
 * name arrives after the first render; the lookup itself is a map read.
 */
@Pipe({ name: 'unitName', pure: false })
export class UnitNamePipe implements PipeTransform {
  private readonly units = inject(AdministrativeUnitsService);

  transform(code: string | null | undefined): string {
    return this.units.nameOf(code);
  }
}
