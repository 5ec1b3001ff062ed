import { HttpStatus, Injectable } from '@nestjs/common';
import { nameAndBirthDateKey, normalisePhone } from '@caunoi/shared/domain';
import { FieldErrorException, fieldError } from '../../common/api-errors';
import { Clock } from '../../common/clock';
import { vietnamDate } from '../../common/vietnam-date';
import { FieldCipher } from '../crypto/field-cipher';
import type { IdentityDocument } from './case.mapper';
import { IDENTITY_FIELDS } from './case.mapper';
import type { CaseWithPeople } from './cases.repository';

/** The identity fields of an input (intake's survivor, or a correction's identity). */
export type IdentityInput = Partial<Record<(typeof IDENTITY_FIELDS)[number], unknown>>;

/**
 * The survivor's identity: checked on the way in (consent decides what may be kept), encrypted as
 * one document, and read back in clear only by the callers that are entitled to it.
 */
@Injectable()
export class SurvivorIdentity {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /** The identity in clear (every field present, null when not recorded). */
  read(found: CaseWithPeople): IdentityDocument {
    if (!found.survivor.identityEnc) return emptyIdentity();
    return {
      ...emptyIdentity(),
      ...(JSON.parse(this.cipher.decrypt(found.survivor.identityEnc)) as Partial<IdentityDocument>),
    };
  }

  encrypt(identity: IdentityDocument): string {
    return this.cipher.encrypt(JSON.stringify(identity));
  }

  /**
   * Without consent, nothing but sex and age group may be kept: returns null for an anonymous record.
   * Errors name `<prefix>.<field>` (`survivor.phone` at intake, `identity.phone` for a correction).
   */
  fromInput(
    input: IdentityInput,
    consentGiven: boolean,
    prefix = 'survivor',
  ): IdentityDocument | null {
    const identity = {
      ...emptyIdentity(),
      ...Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, input[f] ?? null])),
    } as IdentityDocument;
    if (identity.dateOfBirth !== null && identity.age !== null) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        `${prefix}.age`,
        'either_birth_date_or_age',
        'give either dateOfBirth or age, not both',
      );
    }
    if (identity.dateOfBirth !== null) {
      if (!nameAndBirthDateKey('x', identity.dateOfBirth)) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          `${prefix}.dateOfBirth`,
          'invalid_date',
          'dateOfBirth is not a real date',
        );
      }
      if (identity.dateOfBirth > vietnamDate(this.clock.now())) {
        throw fieldError(
          HttpStatus.BAD_REQUEST,
          `${prefix}.dateOfBirth`,
          'in_future',
          'dateOfBirth cannot be in the future',
        );
      }
    }
    if (identity.phone !== null && normalisePhone(identity.phone) === null) {
      throw fieldError(
        HttpStatus.BAD_REQUEST,
        `${prefix}.phone`,
        'invalid_phone',
        'phone is not a valid Vietnamese phone number',
      );
    }
    if (!consentGiven) {
      // An anonymous record may keep an approximate age (for the age group), nothing that identifies.
      const identifying = IDENTITY_FIELDS.filter((f) => f !== 'age' && identity[f] !== null);
      if (identifying.length > 0) {
        throw new FieldErrorException(
          HttpStatus.BAD_REQUEST,
          identifying.map((f) => ({
            field: `${prefix}.${f}`,
            code: 'consent_required',
            message: `${f} may only be recorded with consent to case management`,
          })),
        );
      }
      return null;
    }
    return identity;
  }
}

export function emptyIdentity(): IdentityDocument {
  return {
    fullName: null,
    dateOfBirth: null,
    age: null,
    phone: null,
    address: null,
    idNumber: null,
    ethnicity: null,
    disability: null,
    safeContactMethod: null,
    safeContactDetails: null,
  };
}
