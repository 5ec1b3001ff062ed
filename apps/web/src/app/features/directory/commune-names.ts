import type { Signal } from '@angular/core';
import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AgencyView } from '@caunoi/shared/contracts';
import { AdministrativeUnitsService } from '../../shared/data/administrative-units.service';

export interface CommuneNames {
  /** Commune names by code, for every province loaded so far. */
  readonly names: Signal<ReadonlyMap<string, string>>;
  /** Fetches the communes of the provinces not loaded yet. */
  load(provinceCodes: Iterable<string>): void;
}

/**
 * Commune names for lists of agencies that may span provinces: each province's communes are
 * asked for once (and shared with other screens through AdministrativeUnitsService). Call it in
 * a component's fields.
 */
export function communeNames(): CommuneNames {
  const units = inject(AdministrativeUnitsService);
  const destroyRef = inject(DestroyRef);
  const names = signal<ReadonlyMap<string, string>>(new Map());
  const requested = new Set<string>();
  return {
    names: names.asReadonly(),
    load(provinceCodes: Iterable<string>): void {
      for (const code of provinceCodes) {
        if (requested.has(code)) continue;
        requested.add(code);
        units
          .communes(code)
          .pipe(takeUntilDestroyed(destroyRef))
          .subscribe((communes) =>
            names.update((known) => {
              const next = new Map(known);
              for (const commune of communes) next.set(commune.code, commune.name);
              return next;
            }),
          );
      }
    },
  };
}

/** Provinces whose commune names a page of agencies shows: a seat commune, or communes covered. */
export function provincesNamingCommunes(agencies: readonly AgencyView[]): Set<string> {
  return new Set(
    agencies
      .filter(
        (agency) =>
          agency.communeCode !== null ||
          (!agency.coversWholeProvince && agency.coverageCommuneCodes.length > 0),
      )
      .map((agency) => agency.provinceCode),
  );
}
