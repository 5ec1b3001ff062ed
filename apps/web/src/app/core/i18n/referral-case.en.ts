import type { referralCaseVi } from './referral-case.vi';

export const referralCaseEn: Readonly<Record<keyof typeof referralCaseVi, string>> = {};
