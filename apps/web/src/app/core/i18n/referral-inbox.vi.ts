/** Screen texts for the referral inbox screens. */
export const referralInboxVi = {};
