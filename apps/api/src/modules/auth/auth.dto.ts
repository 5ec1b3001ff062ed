import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ChangePasswordRequest, LoginRequest } from '@caunoi/shared/contracts';
import { PASSWORD_MAX_LENGTH } from '@caunoi/shared/domain';

export class LoginDto implements LoginRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH * 4)
  newPassword!: string;
}
