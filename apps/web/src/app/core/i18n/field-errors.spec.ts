import { TestBed } from '@angular/core/testing';
import { INPUT_ERROR_CODES } from '@caunoi/shared/contracts';
import { PASSWORD_MIN_LENGTH } from '@caunoi/shared/domain';
import { controlErrorMessage, translateFieldError } from './field-errors';
import { TranslationService } from './translation.service';

describe('field error translation', () => {
  let translation: TranslationService;

  beforeEach(() => {
    localStorage.clear();
    translation = TestBed.inject(TranslationService);
  });

  it('names the field in the current language', () => {
    const error = { field: 'displayName', code: 'isNotEmpty' };
    expect(translateFieldError(translation, error)).toBe('Tên hiển thị là bắt buộc.');
    translation.use('en');
    expect(translateFieldError(translation, error)).toBe('Display name is required.');
  });

  it('explains password problems with the policy numbers', () => {
    expect(translateFieldError(translation, { field: 'newPassword', code: 'too_short' })).toBe(
      `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
    );
    expect(translateFieldError(translation, { field: 'password', code: 'contains_username' })).toBe(
      'Mật khẩu không được chứa tên đăng nhập.',
    );
  });

  it('translates the conflict and mismatch codes the API sends', () => {
    expect(translateFieldError(translation, { field: 'username', code: 'username_taken' })).toBe(
      'Tên đăng nhập này đã được sử dụng.',
    );
    expect(translateFieldError(translation, { field: 'role', code: 'role_agency_mismatch' })).toBe(
      'Vai trò này không thể thuộc loại cơ quan đã chọn.',
    );
  });

  it('has its own message, in both languages, for every code the API gives malformed input', () => {
    for (const code of INPUT_ERROR_CODES) {
      expect({ code, vi: translation.hasKey(`error.${code}`) }).toEqual({ code, vi: true });
    }
    expect(
      translateFieldError(translation, { field: 'survivor.fullName', code: 'nul_character' }),
    ).toBe('Họ và tên chứa ký tự không hợp lệ (ký tự NUL).');
    expect(translateFieldError(translation, { field: 'id', code: 'concurrent_update' })).toBe(
      'Người khác vừa thay đổi bản ghi này cùng lúc. Hãy thử lại.',
    );
    translation.use('en');
    expect(translateFieldError(translation, { field: 'body', code: 'too_deep' })).toBe(
      'The data sent is nested too deeply.',
    );
  });

  it('names an unknown (not whitelisted) field by its own name', () => {
    expect(
      translateFieldError(translation, { field: 'isAdmin', code: 'whitelistValidation' }),
    ).toBe('Trường không được chấp nhận: isAdmin.');
  });

  it('falls back to a generic message for a code it does not know', () => {
    expect(translateFieldError(translation, { field: 'email', code: 'brand_new_code' })).toBe(
      'Email không hợp lệ.',
    );
    expect(translateFieldError(translation, { field: 'mystery', code: 'brand_new_code' })).toBe(
      'Trường này không hợp lệ.',
    );
  });

  it('uses the same messages for client-side validators and server errors on a control', () => {
    expect(controlErrorMessage(translation, 'username', { required: true })).toBe(
      'Tên đăng nhập là bắt buộc.',
    );
    expect(controlErrorMessage(translation, 'newPassword', { password: 'too_common' })).toBe(
      'Mật khẩu mới quá phổ biến hoặc dễ đoán (mật khẩu hay gặp, tên người, địa danh kèm số...). Hãy chọn mật khẩu khác.',
    );
    expect(
      controlErrorMessage(translation, 'newPassword', {
        server: { field: 'newPassword', code: 'demo_password', message: 'demo' },
      }),
    ).toBe('Mật khẩu mới là mật khẩu demo đã công bố, không được dùng trên hệ thống thật.');
    expect(
      controlErrorMessage(translation, 'password', {
        server: { field: 'password', code: 'too_guessable', message: 'pattern' },
      }),
    ).toContain('theo một mẫu dễ đoán');
    expect(
      controlErrorMessage(translation, 'username', {
        server: { field: 'username', code: 'username_taken', message: 'taken' },
      }),
    ).toBe('Tên đăng nhập này đã được sử dụng.');
    expect(controlErrorMessage(translation, 'username', null)).toBeNull();
  });

  it('labels a nested API field by its deepest known segment', () => {
    expect(
      translateFieldError(translation, { field: 'incident.discoveredAt', code: 'in_future' }),
    ).toBe('Thời điểm phát hiện không được ở tương lai.');
    expect(
      translateFieldError(translation, {
        field: 'incident.classificationAnswers.penetration',
        code: 'classification_incomplete',
      }),
    ).toBe('Hãy trả lời các câu hỏi phân loại cho đến khi xác định được loại vụ việc.');
  });
});
