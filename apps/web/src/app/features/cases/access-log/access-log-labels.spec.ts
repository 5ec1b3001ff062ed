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
