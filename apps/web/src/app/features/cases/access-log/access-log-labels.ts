import type { TranslationService } from '../../../core/i18n/translation.service';

/** An audit action in the user's language (`AUDIT_ACTIONS` all have one); an unknown one as named. */
export function auditActionLabel(translation: TranslationService, action: string): string {
  const key = `auditAction.${action}`;
  return translation.hasKey(key) ? translation.t(key) : action;
}

/**
 * Where an audited field's label may be: the protection form's own field (a protective measure's
 * `type` is the measure, not an agency type), a form field, a category of a referral packet, a
 * section of the safety plan (`sections.<name>`), an email topic (`emailTopics.<name>`).
 */
function fieldKeys(field: string, action: string | undefined): string[] {
  const [head, ...rest] = field.split('.');
  const tail = rest.join('.');
  if (head === 'sections' && tail) return [`safetyPlan.section.${tail}`];
  if (head === 'emailTopics' && tail) return [`emailTopic.${tail}`];
  const own = action?.startsWith('protective_measure.') ? [`protection.field.${field}`] : [];
  return [...own, `field.${field}`, `dataCategory.${field}`];
}

/**
 * The fields an audit row names, labelled in the words of its action's screen when it has its own;
 * one without a label is shown as named.
 */
export function auditFieldsLabel(
  translation: TranslationService,
  fields: string[],
  action?: string,
): string {
  return fields
    .map((field) => {
      const key = fieldKeys(field, action).find((k) => translation.hasKey(k));
      return key ? translation.t(key) : field;
    })
    .join(', ');
}
