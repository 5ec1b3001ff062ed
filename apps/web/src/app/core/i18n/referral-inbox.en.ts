import type { referralInboxVi } from './referral-inbox.vi';

export const referralInboxEn: Readonly<Record<keyof typeof referralInboxVi, string>> = {};
