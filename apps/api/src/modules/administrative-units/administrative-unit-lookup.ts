import { HttpStatus, Injectable } from '@nestjs/common';
import { fieldError } from '../../common/api-errors';
import type { AdministrativeUnitEntity } from './administrative-unit.entity';
import { AdministrativeUnitsRepository } from './administrative-units.repository';

export interface RequireUnitOptions {
  /** The code the record already names: it may stay even if the unit has since been retired. */
  keep?: string | null;
}

/**
 * What other modules ask of administrative units: is this code a province / commune a new record
 * may name (in force), and which unit carries an old code on today.
 */
@Injectable()
export class AdministrativeUnitLookup {
  constructor(private readonly units: AdministrativeUnitsRepository) {}

  requireProvince(
    code: string,
    field: string,
    options: RequireUnitOptions = {},
  ): Promise<AdministrativeUnitEntity> {
    return this.require(code, 'province', field, options);
  }

  requireCommune(
    code: string,
    field: string,
    options: RequireUnitOptions = {},
  ): Promise<AdministrativeUnitEntity> {
    return this.require(code, 'commune', field, options);
  }

  /** True when every code is a commune in force in the province. */
  async allActiveCommunesOf(codes: readonly string[], provinceCode: string): Promise<boolean> {
    if (codes.length === 0) return true;
    return (await this.units.countActiveCommunesIn(codes, provinceCode)) === new Set(codes).size;
  }

  /**
   * For statistics: each code mapped to the code in force that carries it on (itself when in force
   * or retired without successor). Unknown codes are left out. SQL callers may join the view
   * `administrative_unit_current_codes (code, current_code, hops)` instead.
   */
  resolveCurrentCodes(codes: readonly string[]): Promise<Map<string, string>> {
    return this.units.resolveCurrentCodes(codes);
  }

  private async require(
    code: string,
    level: 'province' | 'commune',
    field: string,
    options: RequireUnitOptions,
  ): Promise<AdministrativeUnitEntity> {
    const unit = await this.units.getByCode(code);
    if (!unit || unit.level !== level) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field,
        'not_found',
        `${field} is not a known ${level}`,
      );
    }
    if (unit.status !== 'active' && options.keep !== code) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        field,
        'unit_retired',
        `${field} names a ${level} that is no longer in force`,
      );
    }
    return unit;
  }
}
