import { HttpStatus, Injectable } from '@nestjs/common';
import type { ResponseTimeView } from '@caunoi/shared/contracts';
import { REFERRAL_TARGET_TYPES, REFERRAL_URGENCIES, responseHours } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import type { AuthenticatedUser } from '../authz/authenticated-user';
import type { UpdateResponseTimesDto } from './dto/referral.dto';
import { ReferralsRepository } from './referrals.repository';
import { UnitOfWork } from '../../database/unit-of-work';

/** Respond-by periods per receiving agency type and urgency (admins; defaults 1/24/72 hours). */
@Injectable()
export class ResponseTimesService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly referrals: ReferralsRepository,
  ) {}

  /** One row for every receiving agency type × urgency, the default where none is stored. */
  async list(): Promise<ResponseTimeView[]> {
    const stored = await this.referrals.getResponseTimes();
    return REFERRAL_TARGET_TYPES.flatMap((agencyType) =>
      REFERRAL_URGENCIES.map((urgency) => ({
        agencyType,
        urgency,
        hours: responseHours(stored, agencyType, urgency),
      })),
    );
  }

  /** Applies to referrals sent from now on; running clocks keep the period they started with. */
  async update(actor: AuthenticatedUser, dto: UpdateResponseTimesDto): Promise<ResponseTimeView[]> {
    const keys = dto.settings.map((s) => `${s.agencyType}:${s.urgency}`);
    const duplicate = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (duplicate >= 0) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        `settings.${duplicate}`,
        'duplicate_setting',
        'each agency type and urgency may appear once',
      );
    }
    await this.work.run(async (tx) => {
      await this.referrals.saveResponseTimes(
        tx.manager,
        dto.settings.map((s) => ({ agencyType: s.agencyType, urgency: s.urgency, hours: s.hours })),
      );
      await tx.audit({
        actor,
        action: 'setting.response_times',
        subjectType: 'Setting',
        subjectId: null,
        fields: keys,
      });
    });
    return this.list();
  }
}
