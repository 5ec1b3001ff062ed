import { applyDecorators } from '@nestjs/common';
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
  UpdateUserRequest,
  UserListQuery,
  UserView,
} from '@caunoi/shared/contracts';
import { EMAIL_MAX_LENGTH, USERNAME_PATTERN } from '@caunoi/shared/contracts';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import type { UserEntity } from '../user.entity';
import { IsEmailAddress, IsOmittable } from '../../../common/dto-decorators';
import { PageQueryDto } from '../../../common/page-query.dto';

const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An email address, or null for none (`@IsOptional` lets null through: null clears it). */
function EmailField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ nullable: true, example: 'nguyen.thi.a@example.vn' }),
    Transform(trim),
    IsOptional(),
    IsEmailAddress(),
    MaxLength(EMAIL_MAX_LENGTH),
  );
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'nguyen.thi.a' })
  @Transform(trimLower)
  @IsString()
  @Matches(USERNAME_PATTERN, {
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

  @EmailField()
  email?: string | null;
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

  @EmailField()
  email?: string | null;
}

/**
 * A reset request carries nothing: no field is accepted, so no admin can send the password the
 * holder would get (the validation pipe refuses every property with 400 naming it).
 */
export class ResetPasswordRequestDto {}

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

/** What the two-person rule adds to a user's view; see `UsersService.views`. */
export type UserAccountState = Pick<
  UserView,
  'passwordSet' | 'oneTimeCodeExpiresAt' | 'pendingChanges'
>;

export function mapUser(entity: UserEntity, now: Date, state: UserAccountState): UserView {
  return {
    id: entity.id,
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role,
    agencyId: entity.agencyId,
    agencyName: entity.agency?.name ?? '',
    email: entity.email,
    language: entity.language,
    disabled: entity.disabledAt !== null,
    mustChangePassword: entity.mustChangePassword,
    locked: entity.lockedUntil !== null && entity.lockedUntil > now,
    createdAt: entity.createdAt.toISOString(),
    ...state,
  };
}
