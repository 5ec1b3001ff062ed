import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import type {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserListQuery,
  UserView,
} from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { PASSWORD_MAX_LENGTH, ROLES } from '@caunoi/shared/domain';
import type { UserEntity } from '../user.entity';
import { IsOmittable } from '../../../common/dto-decorators';
import { PageQueryDto } from '../../../common/page-query.dto';

const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'nguyen.thi.a' })
  @Transform(trimLower)
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, {
    message: 'username must be 3-64 characters: lowercase letters, digits, ".", "_" or "-"',
  })
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty()
  @IsUUID('all')
  agencyId!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsUUID('all')
  agencyId?: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  newPassword!: string;
}

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @IsOptional()
  @IsUUID('all')
  agencyId?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export function mapUser(entity: UserEntity, now: Date): UserView {
  return {
    id: entity.id,
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role,
    agencyId: entity.agencyId,
    agencyName: entity.agency?.name ?? '',
    disabled: entity.disabledAt !== null,
    mustChangePassword: entity.mustChangePassword,
    locked: entity.lockedUntil !== null && entity.lockedUntil > now,
    createdAt: entity.createdAt.toISOString(),
  };
}
