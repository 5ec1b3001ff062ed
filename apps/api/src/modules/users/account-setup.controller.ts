import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoutes } from '@caunoi/shared/contracts';
import { Public } from '../authz/policy.decorators';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { AccountSetupService } from './account-setup.service';
import { SetPasswordWithCodeDto } from './dto/account-change.dto';

const R = ApiRoutes.accountSetup;

/** Public: the holder sets a password with a one-time code, then signs in as usual. */
@ApiTags('account-setup')
@Controller(R.root)
export class AccountSetupController {
  constructor(private readonly setup: AccountSetupService) {}

  @Public()
  @RateLimit('one_time_code')
  @Post(R.password)
  @HttpCode(HttpStatus.NO_CONTENT)
  setPassword(@Body() dto: SetPasswordWithCodeDto): Promise<void> {
    return this.setup.setPassword(dto);
  }
}
