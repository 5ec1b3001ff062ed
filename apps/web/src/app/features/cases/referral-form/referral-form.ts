import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type {
  ConsentView,
  CreateReferralInput,
  FieldError,
  ReferralOverrideInput,
} from '@caunoi/shared/contracts';
import type {
  DataCategory,
  OverrideReason,
  ReferralTargetType,
  ReferralUrgency,
  ServiceType,
} from '@caunoi/shared/domain';
import {
  DATA_CATEGORIES,
  consentCoverage,
  currentConsents,
  vietnamDateOf,
} from '@caunoi/shared/domain';
import { merge } from 'rxjs';
import { apiErrorBody, fieldErrorsOf } from '../../../core/http/api-errors';
import { translateFieldError } from '../../../core/i18n/field-errors';
import type { TranslationService } from '../../../core/i18n/translation.service';
import { refusalMessage } from '../../../shared/forms/form-submission';

/** The API's minimum for an override's justification. */
export const OVERRIDE_JUSTIFICATION_MIN = 20;
export const OVERRIDE_JUSTIFICATION_MAX = 2000;
export const REFERRAL_REASON_MAX = 2000;
/** The API's limit of agencies in one "refer" action. */
export const MAX_REFERRALS_PER_BATCH = 10;

/** At least 20 characters once trimmed (`justification_too_short`). */
const justificationLengthValidator: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  const length = (control.value ?? '').trim().length;
  return length > 0 && length < OVERRIDE_JUSTIFICATION_MIN
    ? { justification_too_short: true }
    : null;
};

export type OverrideForm = FormGroup<{
  reason: FormControl<OverrideReason | null>;
  justification: FormControl<string>;
}>;

/** Grounds for referring without consent; enabled only while the consent does not cover the referral. */
export function createOverrideForm(): OverrideForm {
  return new FormGroup({
    reason: new FormControl<OverrideReason | null>(null, { validators: [Validators.required] }),
    justification: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        justificationLengthValidator,
        Validators.maxLength(OVERRIDE_JUSTIFICATION_MAX),
      ],
    }),
  });
}

/** True when an agency type is chosen and the survivor's consent does not cover the packet for it. */
export function needsOverride(
  consents: readonly ConsentView[],
  agencyType: ReferralTargetType | null,
  packet: readonly DataCategory[],
): boolean {
  // Only consents that hold today count: an expired one must be renewed, like a missing one.
  const current = currentConsents(consents, vietnamDateOf(new Date()));
  return agencyType !== null && !consentCoverage(current, agencyType, packet).covered;
}

/** Shows (enables) or hides (disables, so it neither validates nor is sent) the override section. */
export function setOverrideNeeded(override: OverrideForm, needed: boolean): void {
  if (needed && override.disabled) override.enable({ emitEvent: false });
  if (!needed && override.enabled) override.disable({ emitEvent: false });
}

/** The override of a request: null unless the section is shown. */
export function overrideInput(override: OverrideForm): ReferralOverrideInput | null {
  if (override.disabled) return null;
  const value = override.getRawValue();
  return value.reason ? { reason: value.reason, justification: value.justification.trim() } : null;
}

/** Packet categories in the canonical order, whatever order they were ticked in. */
export function canonicalPacket(packet: readonly DataCategory[]): DataCategory[] {
  return DATA_CATEGORIES.filter((category) => packet.includes(category));
}

export type ReferralRowForm = FormGroup<{
  agencyType: FormControl<ReferralTargetType | null>;
  agencyId: FormControl<string | null>;
  services: FormControl<ServiceType[]>;
  urgency: FormControl<ReferralUrgency | null>;
  reason: FormControl<string>;
  packet: FormControl<DataCategory[]>;
  override: OverrideForm;
}>;

/**
 * One referral of the batch, mirroring `CreateReferralInput` so the API's `referrals.N.<field>`
 * errors land on its controls. The override section follows the consent check live.
 */
export function createReferralRow(consents: readonly ConsentView[]): ReferralRowForm {
  const row: ReferralRowForm = new FormGroup({
    agencyType: new FormControl<ReferralTargetType | null>(null, {
      validators: [Validators.required],
    }),
    agencyId: new FormControl<string | null>(null, { validators: [Validators.required] }),
    services: new FormControl<ServiceType[]>([], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    urgency: new FormControl<ReferralUrgency | null>(null, { validators: [Validators.required] }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(REFERRAL_REASON_MAX)],
    }),
    packet: new FormControl<DataCategory[]>([], { nonNullable: true }),
    override: createOverrideForm(),
  });
  const { agencyType, packet, override } = row.controls;
  const sync = (): void =>
    setOverrideNeeded(override, needsOverride(consents, agencyType.value, packet.value));
  sync();
  merge(agencyType.valueChanges, packet.valueChanges).subscribe(sync);
  return row;
}

export function createReferForm(consents: readonly ConsentView[]) {
  return new FormGroup({
    referrals: new FormArray<ReferralRowForm>([createReferralRow(consents)]),
  });
}

export type ReferForm = ReturnType<typeof createReferForm>;

/** The request item of a valid row. */
export function referralInput(row: ReferralRowForm): CreateReferralInput {
  const value = row.getRawValue();
  return {
    agencyId: value.agencyId ?? '',
    services: value.services,
    urgency: value.urgency ?? 'routine',
    reason: value.reason.trim(),
    packet: canonicalPacket(value.packet),
    override: overrideInput(row.controls.override),
  };
}

/** Row fields whose own control shows its errors (the override's only while it is shown). */
const SHOWN_ON_CONTROL = ['agencyType', 'agencyId', 'services', 'urgency', 'reason', 'packet'];
const SHOWN_ON_OVERRIDE = ['override.reason', 'override.justification'];

function shownBy(rest: string, fields: readonly string[]): boolean {
  return fields.some((field) => rest === field || rest.startsWith(`${field}.`));
}

/**
 * The API's errors for row `index` that no visible control of the row shows (`referrals.1`,
 * `referrals.1.override` or the override's fields while it is hidden): shown on the row itself.
 */
export function rowOnlyErrors(
  errors: readonly FieldError[],
  index: number,
  overrideShown: boolean,
): FieldError[] {
  const prefix = `referrals.${index}`;
  return errors.filter((error) => {
    if (error.field === prefix) return true;
    if (!error.field.startsWith(`${prefix}.`)) return false;
    const rest = error.field.slice(prefix.length + 1);
    if (shownBy(rest, SHOWN_ON_CONTROL)) return false;
    return !(overrideShown && shownBy(rest, SHOWN_ON_OVERRIDE));
  });
}

/** Errors about the batch as a whole (`referrals`, or anything not under one row). */
export function batchErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.filter((error) => !/^referrals\.\d+(\.|$)/.test(error.field));
}

/**
 * Drops the errors a previous answer put on the controls, so the form can be sent again and the
 * server judge afresh (a consent may have been recorded meanwhile).
 */
export function clearServerErrors(control: AbstractControl): void {
  if (control instanceof FormGroup || control instanceof FormArray) {
    for (const child of Object.values(control.controls) as AbstractControl[]) {
      clearServerErrors(child);
    }
  }
  if (control.hasError('server')) control.updateValueAndValidity({ emitEvent: false });
}

const INVALID_TRANSITION = 'invalid_transition';

/**
 * A field error in words. The shared `error.invalid_transition` speaks of case stages; on a
 * referral (the agency answered meanwhile) it gets its own words.
 */
export function referralErrorMessage(
  translation: TranslationService,
  error: Pick<FieldError, 'field' | 'code'>,
): string {
  return translateFieldError(
    translation,
    error.code === INVALID_TRANSITION ? { ...error, code: 'referral_invalid_transition' } : error,
  );
}

/** `refusalMessage` for a referral action outside a form (the override review). */
export function referralRefusal(translation: TranslationService, error: unknown): string | null {
  if (
    error instanceof HttpErrorResponse &&
    error.status < 500 &&
    (apiErrorBody(error)?.message === INVALID_TRANSITION ||
      fieldErrorsOf(error).some((e) => e.code === INVALID_TRANSITION))
  ) {
    return translation.t('error.referral_invalid_transition');
  }
  return refusalMessage(translation, error);
}
