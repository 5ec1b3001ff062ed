import type { TranslationService } from '../../../core/i18n/translation.service';

/** An audit action in the user's language (`AUDIT_ACTIONS` all have one); an unknown one as named. */
export function auditActionLabel(translation: TranslationService, action: string): string {
  const key = `auditAction.${action}`;
  return translation.hasKey(key) ? translation.t(key) : action;
}

/**
 * Where an audited field's label may be: a form field, a category of a referral packet, a section
 * of the safety plan (`sections.<name>`), an email topic (`emailTopics.<name>`).
 */
function fieldKeys(field: string): string[] {
  const [head, ...rest] = field.split('.');
  const tail = rest.join('.');
  if (head === 'sections' && tail) return [`safetyPlan.section.${tail}`];
  if (head === 'emailTopics' && tail) return [`emailTopic.${tail}`];
  return [`field.${field}`, `dataCategory.${field}`];
}

/** The fields an audit row names, labelled; one without a label is shown as named. */
export function auditFieldsLabel(translation: TranslationService, fields: string[]): string {
  return fields
    .map((field) => {
      const key = fieldKeys(field).find((k) => translation.hasKey(k));
      return key ? translation.t(key) : field;
    })
    .join(', ');
}
