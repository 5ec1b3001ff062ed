import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  AGENCY_TYPES,
  AGE_GROUPS,
  CALLER_TYPES,
  CALL_CHANNELS,
  CALL_OUTCOMES,
  CASE_SOURCES,
  CASE_STAGES,
  CLASSIFICATION_QUESTIONS,
  COMMUNITY_REFERRAL_STATUSES,
  CONSENT_GIVERS,
  CONSENT_KINDS,
  CONSENT_METHODS,
  CONSENT_PROBLEMS,
  CONTEXT_FLAGS,
  DATA_CATEGORIES,
  DATE_PRECISIONS,
  DV_FORMS,
  GBV_TYPES,
  INJURY_TYPES,
  NOTIFICATION_MEANS,
  PERPETRATOR_RELATIONSHIPS,
  RISK_LEVELS,
  ROLES,
  SAFE_CONTACT_METHODS,
  SERIOUS_REASONS,
  SERVICE_TYPES,
  SEXES,
} from '@caunoi/shared/domain';
import { en } from './en';
import { TranslatePipe } from './t.pipe';
import { LANGUAGE_STORAGE_KEY, TranslationService } from './translation.service';
import { vi } from './vi';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('dictionaries', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect({ key, vi: vi[key].trim().length > 0, en: en[key].trim().length > 0 }).toEqual({
        key,
        vi: true,
        en: true,
      });
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({
        key,
        placeholders: placeholders(vi[key]),
      });
    }
  });

  it('name every role, agency type and service type', () => {
    const keys = new Set(Object.keys(vi));
    const expected = [
      ...ROLES.map((r) => `role.${r}`),
      ...AGENCY_TYPES.map((a) => `agencyType.${a}`),
      ...SERVICE_TYPES.map((s) => `service.${s}`),
    ];
    expect(expected.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('name every intake vocabulary value, classification question and consent problem', () => {
    const keys = new Set(Object.keys(vi));
    const vocabularies: [string, readonly string[]][] = [
      ['sex', SEXES],
      ['ageGroup', AGE_GROUPS],
      ['channel', CALL_CHANNELS],
      ['callerType', CALLER_TYPES],
      ['outcome', CALL_OUTCOMES],
      ['notificationMeans', NOTIFICATION_MEANS],
      ['gbvType', GBV_TYPES],
      ['dvForm', DV_FORMS],
      ['contextFlag', CONTEXT_FLAGS],
      ['relationship', PERPETRATOR_RELATIONSHIPS],
      ['injury', INJURY_TYPES],
      ['seriousReason', SERIOUS_REASONS],
      ['precision', DATE_PRECISIONS],
      ['stage', CASE_STAGES],
      ['risk', RISK_LEVELS],
      ['source', CASE_SOURCES],
      ['communityStatus', COMMUNITY_REFERRAL_STATUSES],
      ['consentKind', CONSENT_KINDS],
      ['consentGiver', CONSENT_GIVERS],
      ['consentMethod', CONSENT_METHODS],
      ['dataCategory', DATA_CATEGORIES],
      ['safeContact', SAFE_CONTACT_METHODS],
      ['classification.q', CLASSIFICATION_QUESTIONS],
      ['error', CONSENT_PROBLEMS],
    ];
    const missing = vocabularies.flatMap(([prefix, values]) =>
      values.map((value) => `${prefix}.${value}`).filter((key) => !keys.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('translate every error code the intake API sends', () => {
    const codes = [
      'invalid_transition',
      'needs_supervisor',
      'already_handed_over',
      'not_social_work_centre',
      'consent_required',
      'classification_incomplete',
      'in_future',
      'before_occurred',
      'not_in_province',
      'not_found',
      'invalid_date',
      'isDateString',
      'arrayUnique',
    ];
    expect(codes.filter((code) => !(`error.${code}` in vi))).toEqual([]);
  });

  it('use the Vietnamese names with diacritics the product uses', () => {
    expect(vi['login.title']).toBe('Đăng nhập');
    expect(vi['role.caseworker']).toBe('Cán bộ quản lý ca');
    expect(vi['agencyType.social_work_centre']).toBe('Trung tâm Công tác xã hội');
    expect(vi['agencyType.commune_committee']).toBe('UBND xã/phường');
    expect(vi['identity.reveal']).toBe('Hiện thông tin định danh');
    expect(vi['communityStatus.received']).toBe('Trung tâm đã nhận');
    expect(vi['communityStatus.accepted']).toBe('Đã mở hồ sơ hỗ trợ');
    expect(vi['community.call113']).toBe('Nếu đang nguy hiểm, gọi 113 ngay.');
  });

  it('say "vụ việc" as the law does, never "sự vụ", and "Không rõ" for every unknown', () => {
    const texts = Object.entries(vi as Record<string, string>);
    expect(texts.filter(([, text]) => /sự vụ/i.test(text)).map(([key]) => key)).toEqual([]);
    expect(texts.filter(([, text]) => text === 'Chưa rõ').map(([key]) => key)).toEqual([]);
  });
});

@Component({
  selector: 'cn-test-host',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'login.title' | t }}</h1>
    <p>{{ 'idle.message' | t: { seconds: 42 } }}</p>`,
})
class TestHostComponent {}

describe('TranslationService', () => {
  beforeEach(() => localStorage.clear());

  it('starts in Vietnamese and switches to English at run time', () => {
    const translation = TestBed.inject(TranslationService);
    expect(translation.language()).toBe('vi');
    expect(translation.t('shell.signOut')).toBe('Đăng xuất');

    translation.use('en');

    expect(translation.t('shell.signOut')).toBe('Sign out');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('remembers the stored choice on the next start', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(TestBed.inject(TranslationService).t('login.title')).toBe('Sign in');
  });

  it('ignores a stored value that is not a language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(TestBed.inject(TranslationService).language()).toBe('vi');
  });

  it('fills placeholders', () => {
    expect(TestBed.inject(TranslationService).t('login.waitMinutes', { minutes: 30 })).toBe(
      '30 phút',
    );
  });

  it('re-renders an OnPush view when the language changes', async () => {
    const fixture = TestBed.createComponent(TestHostComponent);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Đăng nhập');
    expect(element.querySelector('p')?.textContent).toContain('42 giây');

    TestBed.inject(TranslationService).use('en');
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent).toBe('Sign in');
    expect(element.querySelector('p')?.textContent).toContain('42 seconds');
  });
});
