import type { TranslationService } from '../../../core/i18n/translation.service';

/** An audit action in the user's language (`AUDIT_ACTIONS` all have one); an unknown one as named. */
export function auditActionLabel(translation: TranslationService, action: string): string {
  const key = `auditAction.${action}`;
  return translation.hasKey(key) ? translation.t(key) : action;
}

/** Where an audited field's label is found: a form field, else a category of a referral packet. */
const FIELD_PREFIXES = ['field', 'dataCategory'];

/** The fields an audit row names, labelled; one without a label is shown as named. */
export function auditFieldsLabel(translation: TranslationService, fields: string[]): string {
  return fields
    .map((field) => {
      const key = FIELD_PREFIXES.map((prefix) => `${prefix}.${field}`).find((k) =>
        translation.hasKey(k),
      );
      return key ? translation.t(key) : field;
    })
    .join(', ');
}
