import { parseCalendarDate } from './calendar-date';

/**
 * Canonical forms fed to the HMAC blind index: the same person typed differently must give the
 * same key, or duplicate survivors go unnoticed.
 */

const PHONE_SEPARATORS = /[\s.\-()]/g;
// The national number after +84 never starts with 0; a "(0)" written after the country code is dropped.
const COUNTRY_PREFIXED = /^(?:\+84|84)0?([1-9]\d{8,9})$/;
const SHORT_CODE = /^1\d{2}$/; // 111, 113, 115…: Vietnamese short service numbers all start with 1
const SERVICE_NUMBER = /^(?:1800|1900)\d{4}$/; // toll-free / premium lines such as 1800 1581
const SUBSCRIBER_NUMBER = /^0\d{9,10}$/; // mobile (10 digits) or landline (11 digits)

/** Vietnamese numbers in national form (`0…`), short codes and 1800/1900 lines; else null. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(PHONE_SEPARATORS, '');
  const countryMatch = COUNTRY_PREFIXED.exec(compact);
  const national = countryMatch ? `0${countryMatch[1]}` : compact;
  if (
    SHORT_CODE.test(national) ||
    SERVICE_NUMBER.test(national) ||
    SUBSCRIBER_NUMBER.test(national)
  ) {
    return national;
  }
  return null;
}

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lower case without diacritics, single-spaced. Workers type names with and without accents and
 * with different keyboards (precomposed or combining marks), so all of them must meet here.
 */
export function normaliseName(raw: string): string | null {
  const name = raw
    .normalize('NFC')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    // đ is a letter of its own, not d plus a mark, so NFD leaves it alone.
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return name === '' ? null : name;
}

/** Name plus birth date, the weaker match used when there is no phone number. */
export function nameAndBirthDateKey(name: string, birthDate: string): string | null {
  const normalisedName = normaliseName(name);
  if (normalisedName === null || parseCalendarDate(birthDate) === null) return null;
  return `${normalisedName}|${birthDate}`;
}
