import { TestBed } from '@angular/core/testing';
import { TranslationService } from '../../../core/i18n/translation.service';
import { accountNotificationRoute, accountNotificationText } from './account-notifications';

describe('account notifications', () => {
  let translation: TranslationService;

  beforeEach(() => {
    localStorage.clear();
    translation = TestBed.inject(TranslationService);
  });

  it('reads a request in Vietnamese with the kind, the username and the role', () => {
    const text = accountNotificationText(translation, {
      kind: 'account_change.requested',
      params: { changeKind: 'create_account', username: 'tran.b', role: 'supervisor' },
    });
    expect(text).toBe('Yêu cầu chờ phê duyệt — Tạo tài khoản: tài khoản tran.b (Trưởng nhóm).');
  });

  it('reads a decision in English after a language switch', () => {
    translation.use('en');
    const text = accountNotificationText(translation, {
      kind: 'account_change.rejected',
      params: { changeKind: 'reset_password', username: 'tran.b', role: 'caseworker' },
    });
    expect(text).toBe('Rejected — Reset the password: account tran.b.');
  });

  it('leaves other notifications to other readers', () => {
    expect(accountNotificationText(translation, { kind: 'referral.accepted', params: {} })).toBe(
      null,
    );
  });

  it('sends approvers to the approvals screen, and nobody else anywhere', () => {
    expect(accountNotificationRoute('/approvals', 'admin')).toBe('/approvals');
    expect(accountNotificationRoute('/approvals', 'supervisor')).toBe('/approvals');
    expect(accountNotificationRoute('/approvals', 'caseworker')).toBeNull();
    expect(accountNotificationRoute(null, 'admin')).toBeNull();
  });
});
