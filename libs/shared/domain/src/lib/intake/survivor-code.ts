/**
 * Survivor codes stand in for names everywhere outside the identity record (GBVIMS information
 * sharing). They are built only from the province, the year and a sequence, so they carry no
 * personal data by construction.
 */

/**
 * Short prefixes for provinces that have chosen one, keyed by the official two-digit province
 * code. This is configuration data, not logic: add a province here when it goes live.
 */
export const SURVIVOR_CODE_PREFIX_BY_PROVINCE: Readonly<Record<string, string>> = {
  '48': 'DN', // Đà Nẵng
};

const PREFIX_PATTERN = /^[A-Z0-9]{2,4}$/;
const PROVINCE_CODE_PATTERN = /^\d{2}$/;
const CODE_PATTERN = /^([A-Z0-9]{2,4})-(\d{4})-(\d{6,})$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const SEQUENCE_DIGITS = 6;

/** The configured prefix, else `P` + the province code so every province has a distinct one. */
export function survivorCodePrefix(provinceCode: string): string {
  if (!PROVINCE_CODE_PATTERN.test(provinceCode)) {
    throw new RangeError('A province code has two digits.');
  }
  // hasOwn, not `in`: an inherited key such as "constructor" must not count as a prefix.
  return Object.hasOwn(SURVIVOR_CODE_PREFIX_BY_PROVINCE, provinceCode)
    ? SURVIVOR_CODE_PREFIX_BY_PROVINCE[provinceCode]
    : `P${provinceCode}`;
}

/** e.g. `DN-2026-000123`; sequences past 999999 grow rather than wrap, so codes stay unique. */
export function formatSurvivorCode(prefix: string, year: number, sequence: number): string {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new RangeError('A survivor code prefix is 2 to 4 capital letters or digits.');
  }
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`A survivor code year is between ${MIN_YEAR} and ${MAX_YEAR}.`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError('A survivor code sequence is a whole number from 1.');
  }
  return `${prefix}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * Reads a code exactly as the system writes it (after trimming). Lower case and non-canonical
 * zero padding are refused so each case has one spelling, which lookups and audits rely on.
 */
export function parseSurvivorCode(
  code: string,
): { prefix: string; year: number; sequence: number } | null {
  const trimmed = code.trim();
  const match = CODE_PATTERN.exec(trimmed);
  if (!match) return null;
  const [, prefix, yearText, sequenceText] = match;
  const year = Number(yearText);
  const sequence = Number(sequenceText);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isSafeInteger(sequence) || sequence < 1) return null;
  if (formatSurvivorCode(prefix, year, sequence) !== trimmed) return null;
  return { prefix, year, sequence };
}

export function isSurvivorCode(code: string): boolean {
  return parseSurvivorCode(code) !== null;
}
