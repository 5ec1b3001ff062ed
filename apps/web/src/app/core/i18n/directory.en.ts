import type { directoryVi } from './directory.vi';

export const directoryEn: Readonly<Record<keyof typeof directoryVi, string>> = {};
