import { SetMetadata } from '@nestjs/common';
import type { RateLimitPolicyName } from './rate-limit-policies';

export const RATE_LIMIT_POLICY = 'caunoi:rate-limit-policy';

/**
 * Counts this route against named rate-limit policies (rate-limit-policies.ts), on top of the
 * general per-client limit: `@RateLimit('one_time_code')`. Over the limit: 429 with Retry-After.
 */
export const RateLimit = (...policies: RateLimitPolicyName[]) =>
  SetMetadata(RATE_LIMIT_POLICY, policies);
