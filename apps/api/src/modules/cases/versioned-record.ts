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

/**
 * A record corrected in place (a note, an incident, the survivor's identity, a perpetrator) carries
 * a version raised by every change; a change made from another version than the current one is a
 * 409 on `version`, so it never overwrites a change the editor has not seen.
 */
export function assertCurrentVersion(current: number, given: number): void {
  if (current !== given) {
    throw fieldError(
      HttpStatus.CONFLICT,
      'version',
      'stale_version',
      `someone saved version ${current} after you opened version ${given}: reload, review it and save again`,
    );
  }
}
