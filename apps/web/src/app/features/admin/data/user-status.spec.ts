import type { UserView } from '@caunoi/shared/contracts';
import { userStatusKeys } from './user-status';

const user = (patch: Partial<UserView> = {}): UserView => ({
  id: 'u1',
  username: 'nguyen.a',
  displayName: 'Nguyễn A',
  role: 'supervisor',
  agencyId: 'a1',
  agencyName: 'Trung tâm',
  disabled: false,
  mustChangePassword: false,
  locked: false,
  createdAt: '2025-11-28T00:00:00.000Z',
  passwordSet: true,
  oneTimeCodeExpiresAt: null,
  pendingChanges: [],
  email: null,
  language: 'vi',
  ...patch,
});

describe('userStatusKeys', () => {
  it('shows an account in use as active only', () => {
    expect(userStatusKeys(user())).toEqual(['status.active']);
  });

  it('shows a new account waiting for approval, without a password', () => {
    expect(
      userStatusKeys(
        user({ passwordSet: false, pendingChanges: [{ id: 'c1', kind: 'create_account' }] }),
      ),
    ).toEqual(['status.active', 'status.noPassword', 'status.pending.create_account']);
  });

  it('shows an approved account waiting for its holder to use the code', () => {
    expect(
      userStatusKeys(user({ passwordSet: false, oneTimeCodeExpiresAt: '2025-11-29T00:00:00Z' })),
    ).toEqual(['status.active', 'status.awaitingPassword']);
  });

  it('keeps a disabled account disabled while its enabling waits', () => {
    expect(
      userStatusKeys(
        user({ disabled: true, pendingChanges: [{ id: 'c2', kind: 'enable_account' }] }),
      ),
    ).toEqual(['status.disabled', 'status.pending.enable_account']);
  });
});
