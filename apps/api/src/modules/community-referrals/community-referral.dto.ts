import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import type {
  CommunityReferralStatusView,
  CreateCommunityReferralRequest,
} from '@caunoi/shared/contracts';
import type { SafeContactMethod } from '@caunoi/shared/domain';
import { SAFE_CONTACT_METHODS } from '@caunoi/shared/domain';
import type { CommunityReferralEntity } from './community-referral.entity';
import { IsOmittable } from '../../common/dto-decorators';
import { PageQueryDto } from '../../common/page-query.dto';

export class CreateCommunityReferralDto implements CreateCommunityReferralRequest {
  @ApiProperty({ description: 'Name or alias' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  survivorName!: string;

  @ApiProperty({ enum: SAFE_CONTACT_METHODS })
  @IsIn(SAFE_CONTACT_METHODS)
  safeContactMethod!: SafeContactMethod;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  safeContactDetails!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  communeCode!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  whatHappened!: string;

  @ApiProperty()
  @IsBoolean()
  dangerNow!: boolean;

  @ApiProperty()
  @IsBoolean()
  childInvolved!: boolean;

  @ApiProperty()
  @IsBoolean()
  consentToContact!: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The phone's key for this submission; a retry with the same key returns the first referral",
  })
  @IsOmittable()
  @IsUUID('all', { message: 'idempotencyKey must be a UUID' })
  idempotencyKey?: string;
}

export class CommunityReferralListQueryDto extends PageQueryDto {}

/** Status only: a volunteer never sees the content again, not even what they wrote. */
export function mapCommunityReferralStatus(
  r: CommunityReferralEntity,
): CommunityReferralStatusView {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    submittedAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
