import { HttpStatus } from '@nestjs/common';
import { fieldError } from '../../common/api-errors';

/**
 * A versioned record (safety plan, case plan) is saved as a new version made from the version the
 * editor saw: when someone saved another since, the save is a 409 on `baseVersion`, so two people
 * editing at once never overwrite each other. Returns the new version's number.
 */
export function nextVersion(
  latest: { version: number } | null,
  baseVersion: number | null | undefined,
): number {
  if ((latest?.version ?? null) !== (baseVersion ?? null)) {
    throw fieldError(
      HttpStatus.CONFLICT,
      'baseVersion',
      'stale_version',
      `someone saved version ${latest?.version ?? 0} after you opened the plan: review it and save again`,
    );
  }
  return (latest?.version ?? 0) + 1;
}
