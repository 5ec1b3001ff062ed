/** Screen texts for the directory screens. */
export const directoryVi = {};
