import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type {
  SecondFactorCodeRequest,
  SecondFactorConfirmResponse,
  SecondFactorEnrolmentResponse,
  SecondFactorVerifyResponse,
} from '@caunoi/shared/contracts';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { AllowPendingSecondFactor } from '../../authz/policy.decorators';
import { RateLimit } from '../../rate-limit/rate-limit.decorator';
import { SecondFactorService } from './second-factor.service';
import { Caller } from '../../authz/caller';

const R = ApiRoutes.auth;

export class SecondFactorCodeDto implements SecondFactorCodeRequest {
  @ApiProperty({ example: '123456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  verificationCode!: string;
}

/** Reachable only by a session that still needs its second factor (the step must match). */
@ApiTags('auth')
@ApiBearerAuth()
@AllowPendingSecondFactor()
@Controller(`${R.root}/${R.secondFactor}`)
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Post(R.enrolment)
  @HttpCode(HttpStatus.OK)
  startEnrolment(@Caller() caller: Caller): Promise<SecondFactorEnrolmentResponse> {
    return this.secondFactor.startEnrolment(caller.user);
  }

  @RateLimit('second_factor')
  @Post(`${R.enrolment}/${R.confirm}`)
  @HttpCode(HttpStatus.OK)
  confirmEnrolment(
    @Caller() caller: Caller,
    @Body() dto: SecondFactorCodeDto,
  ): Promise<SecondFactorConfirmResponse> {
    return this.secondFactor.confirmEnrolment(caller.user, dto.verificationCode);
  }

  @RateLimit('second_factor')
  @Post(R.verify)
  @HttpCode(HttpStatus.OK)
  verify(
    @Caller() caller: Caller,
    @Body() dto: SecondFactorCodeDto,
  ): Promise<SecondFactorVerifyResponse> {
    return this.secondFactor.verify(caller.user, dto.verificationCode);
  }
}
