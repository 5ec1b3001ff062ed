import type { ValidationErrors } from '@angular/forms';
import type { FieldError } from '@caunoi/shared/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@caunoi/shared/domain';
import type { TranslationService } from './translation.service';

/** Angular's built-in validator keys mapped onto the API's codes, so one message serves both. */
const CLIENT_TO_API_CODE: Readonly<Record<string, string>> = {
  required: 'isNotEmpty',
  maxlength: 'maxLength',
  minlength: 'minLength',
  email: 'isEmail',
  pattern: 'matches',
  // The datepicker's own checks: text that names no day, a day before the field's minimum.
  matDatepickerParse: 'invalid_date',
  matDatepickerMin: 'before_today',
  matDatepickerMax: 'in_future',
};

/**
 * The label of an API field path: nested paths (`survivor.fullName`, `services.0`,
 * `classificationAnswers.penetration`) are labelled by their deepest segment that has a label.
 */
function fieldLabel(translation: TranslationService, field: string, useName: boolean): string {
  const segments = field.split('.').filter((segment) => !/^\d+$/.test(segment));
  for (const segment of [...segments].reverse()) {
    const key = `field.${segment}`;
    if (translation.hasKey(key)) return translation.t(key);
  }
  return useName ? field : translation.t('field.unknown');
}

/** A field error in the current language, with the field's translated label. */
export function translateFieldError(
  translation: TranslationService,
  error: Pick<FieldError, 'field' | 'code'>,
): string {
  const label = fieldLabel(translation, error.field, error.code === 'whitelistValidation');
  const codeKey = `error.${error.code}`;
  const params = { field: label, min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  return translation.hasKey(codeKey)
    ? translation.t(codeKey, params)
    : translation.t('error.generic', params);
}

/**
 * The message for the first error on a form control. Controls carry either a client validator
 * error, `{ password: <PasswordProblem> }`, or `{ server: FieldError }` set from an API answer.
 */
export function controlErrorMessage(
  translation: TranslationService,
  field: string,
  errors: ValidationErrors | null,
): string | null {
  if (!errors) return null;
  const [key, value] = Object.entries(errors)[0] ?? [];
  if (!key) return null;
  if (key === 'server') return translateFieldError(translation, { field, code: value.code });
  if (key === 'password') return translateFieldError(translation, { field, code: value });
  if (key === 'mismatch') return translation.t('password.mismatch');
  return translateFieldError(translation, { field, code: CLIENT_TO_API_CODE[key] ?? key });
}
