import type {
  AdministrativeUnitLevel,
  AdministrativeUnitStatus,
  UnitState,
} from '@caunoi/shared/domain';

/**
 * A province or commune, as every picker and list shows it: the versioned state the domain rules
 * work on. Dates are `YYYY-MM-DD`, Vietnam time; in force until `effectiveTo` (exclusive).
 */
export type AdministrativeUnitView = UnitState;

/** `GET /api/administrative-units`: keyset pages by accent-free name, then code. */
export interface AdministrativeUnitListQuery {
  level?: AdministrativeUnitLevel;
  /** The communes of one province. */
  parentCode?: string;
  /** Part of the name, with or without diacritics. */
  q?: string;
  /** `active` (the default: what pickers offer), `retired` or `all`. */
  status?: AdministrativeUnitStatus | 'all';
  /** Exactly these codes, whatever their status (names of codes shown in lists); at most 100. */
  codes?: string;
  after?: string;
  limit?: number;
}

export interface AdministrativeUnitNamePeriod {
  name: string;
  effectiveFrom: string;
  /** Null for the current name. */
  effectiveTo: string | null;
}

/** `GET /api/administrative-units/:code`: the unit with its history. */
export interface AdministrativeUnitDetailView extends AdministrativeUnitView {
  parentName: string | null;
  names: AdministrativeUnitNamePeriod[];
  /** Units that were merged into this one. */
  predecessors: AdministrativeUnitView[];
  successor: AdministrativeUnitView | null;
  /** The unit in force that carries this one on (the end of the successor chain; itself if none). */
  current: AdministrativeUnitView;
  /** Communes in force under a province (0 for a commune). */
  activeCommunes: number;
}

export interface RenameAdministrativeUnitRequest {
  name: string;
  /** The day the new name takes effect (not in the future). */
  effectiveFrom: string;
}

export interface RetireAdministrativeUnitRequest {
  /** The first day the unit is no longer in force (not in the future). */
  effectiveTo: string;
}

export interface MergeAdministrativeUnitsRequest {
  /** The units that end; they keep their codes for the records naming them. */
  codes: string[];
  /** The first day of the merged unit. */
  effectiveOn: string;
  /** An existing unit (`code` only), or a new one (`code`, `name`, and `parentCode` for a commune). */
  successor: { code: string; name?: string; parentCode?: string | null };
}
