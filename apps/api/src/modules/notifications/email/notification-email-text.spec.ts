import { EMAIL_TOPICS } from '@caunoi/shared/domain';
import {
  notificationEmail,
  notificationReference,
  oneTimeCodeEmail,
} from './notification-email-text';

const ID = '6b0c5a3e-0d7f-4c1e-9a51-2f1d0c000001';
const CASE_ID = '0f0e0d0c-0b0a-4090-8070-605040302010';

describe('notification email text', () => {
  it('names a referral by its code and anything else by a code of the notification', () => {
    expect(notificationReference(ID, { referralCode: 'CG-2026-000123', survivorCode: 'S-1' })).toBe(
      'CG-2026-000123',
    );
    expect(notificationReference(ID, { survivorCode: 'DN-2026-0042' })).toBe('TB-6B0C5A3E');
    // A value that is not a plain code is not copied into an email.
    expect(notificationReference(ID, { referralCode: 'Nguyễn Thị A' })).toBe('TB-6B0C5A3E');
  });

  it.each(['vi', 'en'] as const)(
    'in %s: every topic reads as a sentence, a code and a link that needs sign-in, nothing else',
    (language) => {
      for (const topic of EMAIL_TOPICS) {
        const email = notificationEmail({
          notificationId: ID,
          topic,
          params: { survivorCode: 'DN-2026-0042', caseId: CASE_ID, dueAt: '2026-12-05T10:00:00Z' },
          language,
          linkOrigin: 'https://caunoi.example.vn',
        });
        const all = `${email.subject}\n${email.text}`;
        expect(all).not.toContain('DN-2026-0042');
        expect(all).not.toContain(CASE_ID);
        expect(email.text).toContain(`https://caunoi.example.vn/notifications/${ID}`);
        expect(email.subject).toContain('TB-6B0C5A3E');
      }
    },
  );

  it('writes Vietnamese or English by the recipient', () => {
    const base = { notificationId: ID, topic: 'emergency_referral' as const, params: {} };
    const vi = notificationEmail({ ...base, language: 'vi', linkOrigin: 'http://x' });
    const en = notificationEmail({ ...base, language: 'en', linkOrigin: 'http://x' });
    expect(vi.text).toContain('Đăng nhập Cầu Nối để xem');
    expect(en.text).toContain('Sign in to Cầu Nối');
    expect(vi.subject).toMatch(/KHẨN CẤP/);
    expect(en.subject).toMatch(/EMERGENCY/);
  });

  it('writes a one-time code with its username, expiry in Vietnam time and the set-password page', () => {
    const email = oneTimeCodeEmail({
      username: 'lien.police',
      code: 'ABCD-EFGH-JKLM-NPQR',
      expiresAt: new Date('2026-12-05T17:30:00Z'),
      language: 'vi',
      linkOrigin: 'https://caunoi.example.vn',
    });
    expect(email.text).toContain('"lien.police"');
    expect(email.text).toContain('Mã: ABCD-EFGH-JKLM-NPQR');
    expect(email.text).toContain('00:30');
    expect(email.text).toContain('06/12/2026');
    expect(email.text).toContain('https://caunoi.example.vn/set-password');
    expect(
      oneTimeCodeEmail({
        ...{ username: 'a', code: 'X', expiresAt: new Date(), linkOrigin: 'x' },
        language: 'en',
      }).subject,
    ).toMatch(/One-time code/);
  });
});
