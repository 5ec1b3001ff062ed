import { HttpStatus, Injectable } from '@nestjs/common';
import type { Role } from '@caunoi/shared/domain';
import { roleFitsAgency } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import { AgenciesRepository } from '../agencies/agencies.repository';
import type { AgencyEntity } from '../agencies/agency.entity';

/** Checks a grant (role at agency) when it is asked for and again when it is approved. */
@Injectable()
export class AccountGrants {
  constructor(private readonly agencies: AgenciesRepository) {}

  async assertFits(role: Role, agencyId: string): Promise<AgencyEntity> {
    const agency = await this.agencies.getById(agencyId);
    if (!agency || !agency.active) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'agencyId',
        'not_found',
        'agencyId is not an active agency',
      );
    }
    if (!roleFitsAgency(role, agency.type)) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        'role',
        'role_agency_mismatch',
        `role ${role} cannot belong to an agency of type ${agency.type}`,
      );
    }
    return agency;
  }
}
