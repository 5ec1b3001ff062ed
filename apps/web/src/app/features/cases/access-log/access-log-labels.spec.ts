import { TestBed } from '@angular/core/testing';
import { AUDIT_ACTIONS } from '@caunoi/shared/contracts';
import { DATA_CATEGORIES } from '@caunoi/shared/domain';
import { TranslationService } from '../../../core/i18n/translation.service';
import { en } from '../../../core/i18n/en';
import { vi } from '../../../core/i18n/vi';
import { auditActionLabel, auditFieldsLabel } from './access-log-labels';

describe('access log labels', () => {
  it('has a Vietnamese and an English label for every audit action', () => {
    const missing = AUDIT_ACTIONS.filter(
      (action) =>
        !(`auditAction.${action}` in vi) ||
        !(`auditAction.${action}` in en) ||
        (vi as Record<string, string>)[`auditAction.${action}`] === action,
    );
    expect(missing).toEqual([]);
  });

  it('labels every field the API names in an audit row, in both languages', () => {
    // The field names written literally in the API's audit calls (`fields: [...]` in apps/api/src);
    // a protective measure's own are labelled as its screens name them (below).
    const recorded =
      `actions active ageGroup agencyId agencyTypes agenda assignedUserId attendance body
      comment communeCode consents content dataCategories decision description disabledAt
      displayName dueOn effectiveTo email expiresOn goalStatus identity_contact incidentIds
      incidents intervention invitations kind minutes name narrative note number occurredAt
      overview ownerAgencyId password reason relationship reviewOn role sections sex stage
      status successorCode summary type username withdrawnAt`.split(/\s+/);
    const protection = [
      'type',
      'requestedBy',
      'victimConsent',
      'grounds',
      'decision',
      'startsAt',
      'endsAt',
      'reasons',
      'supervisingOfficer',
      'plan',
    ];
    localStorage.clear();
    const translation = TestBed.inject(TranslationService);
    for (const language of ['vi', 'en'] as const) {
      translation.use(language);
      const raw = [
        ...recorded.filter((field) => auditFieldsLabel(translation, [field]) === field),
        ...protection.filter(
          (field) => auditFieldsLabel(translation, [field], 'protective_measure.decide') === field,
        ),
      ];
      expect({ language, raw }).toEqual({ language, raw: [] });
    }
    translation.use('vi');
    // A measure's type is the measure, not an agency type.
    expect(auditFieldsLabel(translation, ['type', 'grounds'], 'protective_measure.request')).toBe(
      'Biện pháp, Căn cứ đề nghị (gửi cho cơ quan quyết định)',
    );
  });

  it('labels actions and fields, packet categories included, in the current language', () => {
    localStorage.clear();
    const translation = TestBed.inject(TranslationService);
    expect(auditActionLabel(translation, 'incident_report.submit')).toBe('Gửi báo cáo vụ việc');
    expect(auditFieldsLabel(translation, ['identity_contact', 'status'])).toBe(
      'Danh tính và liên lạc, Trạng thái',
    );
    expect(auditFieldsLabel(translation, ['sections.warning_signs', 'goalStatus'])).toBe(
      'Dấu hiệu cảnh báo, Mức đạt mục tiêu',
    );
    for (const category of DATA_CATEGORIES) {
      expect(auditFieldsLabel(translation, [category])).not.toBe(category);
    }
    translation.use('en');
    expect(auditActionLabel(translation, 'incident_report.submit')).toBe(
      'Submitted an incident report',
    );
    expect(auditActionLabel(translation, 'something.new')).toBe('something.new');
  });
});
