/** Screen texts for the referral case screens. */
export const referralCaseVi = {};
