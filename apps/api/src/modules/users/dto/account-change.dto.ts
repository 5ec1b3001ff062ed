import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type {
  AccountChangeListQuery,
  AccountChangePerson,
  AccountChangeView,
  RejectAccountChangeRequest,
  SetPasswordWithCodeRequest,
} from '@caunoi/shared/contracts';
import { REJECTION_REASON_MAX_LENGTH } from '@caunoi/shared/contracts';
import type { AccountChangeStatus } from '@caunoi/shared/domain';
import { ACCOUNT_CHANGE_STATUSES, PASSWORD_MAX_LENGTH } from '@caunoi/shared/domain';
import { PageQueryDto } from '../../../common/page-query.dto';
import type { AccountChangeEntity } from '../account-change.entity';
import type { UserEntity } from '../user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AccountChangeListQueryDto extends PageQueryDto implements AccountChangeListQuery {
  @ApiPropertyOptional({ enum: ACCOUNT_CHANGE_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(ACCOUNT_CHANGE_STATUSES)
  status?: AccountChangeStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  userId?: string;
}

export class RejectAccountChangeDto implements RejectAccountChangeRequest {
  @ApiProperty({ maxLength: REJECTION_REASON_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(REJECTION_REASON_MAX_LENGTH)
  reason!: string;
}

export class SetPasswordWithCodeDto implements SetPasswordWithCodeRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'ABCD-EFGH-JKMN-PQRS' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  newPassword!: string;
}

function person(user: UserEntity): AccountChangePerson {
  return { id: user.id, username: user.username, displayName: user.displayName };
}

/** Expects the people and agencies of `AccountChangesRepository.getWithPeople`. */
export function mapAccountChange(entity: AccountChangeEntity): AccountChangeView {
  const target = entity.target;
  const requestedBy = entity.requestedBy;
  if (!target || !requestedBy) throw new Error('mapAccountChange needs the people loaded');
  return {
    id: entity.id,
    kind: entity.kind,
    status: entity.status,
    target: {
      ...person(target),
      role: target.role,
      agencyId: target.agencyId,
      agencyName: target.agency?.name ?? '',
    },
    grant: {
      role: entity.targetRole,
      agencyId: entity.targetAgencyId,
      agencyName: entity.targetAgency?.name ?? '',
    },
    requestedBy: person(requestedBy),
    requestedAt: entity.requestedAt.toISOString(),
    decidedBy: entity.decidedBy ? person(entity.decidedBy) : null,
    decidedAt: entity.decidedAt?.toISOString() ?? null,
    rejectionReason: entity.rejectionReason,
  };
}
