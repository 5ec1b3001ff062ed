import { nameAndBirthDateKey, normalisePhone } from '@caunoi/shared/domain';
import type { IdentityDocument } from './case.mapper';

/**
 * The normalised values a survivor's blind indexes are digests of: the phone number, and the name
 * with the birth date. One derivation for intake and for `cli reindex`, so a re-index reproduces
 * exactly what intake wrote.
 */
export function survivorIndexValues(identity: Partial<IdentityDocument> | null): {
  phone: string | null;
  nameDob: string | null;
} {
  return {
    phone: identity?.phone ? normalisePhone(identity.phone) : null,
    nameDob:
      identity?.fullName && identity.dateOfBirth
        ? nameAndBirthDateKey(identity.fullName, identity.dateOfBirth)
        : null,
  };
}
