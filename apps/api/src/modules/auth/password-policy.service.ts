import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { DEMO_PASSWORD } from '@caunoi/shared/contracts';
import type { PasswordProblem } from '@caunoi/shared/domain';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@caunoi/shared/domain';
import { fieldError } from '../../common/api-errors';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { VIETNAMESE_PASSWORD_WORDS } from './vietnamese-password-words';

/**
 * What can be wrong with a new password: the domain's rules (length, username, repetition), then
 * - `too_common`: built from a common password, word or name (zxcvbn, with the ~49,000 common
 *   passwords of @zxcvbn-ts/language-common, English words and names, and Vietnamese words);
 * - `too_guessable`: a keyboard walk, sequence, repetition or date that zxcvbn guesses quickly;
 * - `demo_password`: the password published in the README, in production (elsewhere it is allowed,
 *   so a demo account can be given it back).
 */
export type NewPasswordProblem = PasswordProblem | 'too_guessable' | 'demo_password';

/** Who the password is for: their names are guessed first. */
export interface PasswordOwner {
  username?: string;
  displayName?: string;
}

/**
 * zxcvbn's score 3 means about 10^8 guesses or more: beyond any online attack (sign-in is rate
 * limited and delayed) and slow against a stolen argon2id hash. Score 2 passwords were the ones the
 * audit cracked ("Trang@12345678", "Anhyeuem@2024").
 */
export const MIN_ZXCVBN_SCORE = 3;

/** Words that belong to this system and its demo, guessed first for every account. */
const SYSTEM_WORDS = ['caunoi', 'cầu nối', 'cau noi', 'danang', 'đà nẵng', 'gbv', 'demo'];

const DICTIONARY_NAMES_FROM_PEOPLE = new Set(['userInputs']);

/**
 * The letters of a password may be covered by this many Vietnamese words or names at most before
 * the password counts as "a name plus digits and symbols" ("nguyenvanan1990", "Hanoi@12345678"):
 * zxcvbn prices the digits and symbols as if random, crackers try exactly these decorations first.
 */
const MAX_VIETNAMESE_WORDS = 3;

interface Dictionaries {
  matcher: ZxcvbnFactory;
  /** Every dictionary word of letters only, lower case: a password whose letters are one of them is weak. */
  anyWord: Set<string>;
  vietnamese: Set<string>;
}

// Building these takes ~0.5 s and some tens of MB: once per process, on first use.
let shared: Dictionaries | null = null;
function dictionaries(): Dictionaries {
  if (shared) return shared;
  const vietnamese = [...VIETNAMESE_PASSWORD_WORDS, ...SYSTEM_WORDS.map(lettersOf)];
  const all = { ...commonDictionary, ...englishDictionary, vietnamese };
  shared = {
    matcher: new ZxcvbnFactory({
      graphs: adjacencyGraphs,
      dictionary: all,
      // l33t substitutions past a handful make checking slow and add nothing for 12+ characters.
      l33tMaxSubstitutions: 10,
      maxLength: PASSWORD_MAX_LENGTH,
    }),
    anyWord: new Set(
      Object.values(all)
        .flat()
        .map((w) => String(w).toLowerCase())
        .filter((w) => /^[a-z]{3,}$/.test(w)),
    ),
    vietnamese: new Set(vietnamese.filter((w) => /^[a-z]+$/.test(w))),
  };
  return shared;
}

/**
 * The one check for every password that is set or changed (users, password change, a password set
 * with a one-time code): `assertAcceptable` throws a 400 naming the field and the reason.
 */
@Injectable()
export class PasswordPolicy {
  private readonly refuseDemoPassword: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.refuseDemoPassword = config.nodeEnv === 'production';
  }

  /** The first problem with a proposed password, or null when it may be used. */
  problem(password: string, owner: PasswordOwner = {}): NewPasswordProblem | null {
    const basic = checkPassword(password, owner.username);
    if (basic) return basic;
    // Outside production the published password stays usable, so a demo account can be put back.
    if (password.trim().toLowerCase() === DEMO_PASSWORD.toLowerCase()) {
      return this.refuseDemoPassword ? 'demo_password' : null;
    }
    const { matcher, anyWord, vietnamese } = dictionaries();
    const inputs = [...SYSTEM_WORDS, ...ownerWords(owner)];
    const letters = lettersOf(password);
    if (anyWord.has(letters)) return 'too_common';
    const names = new Set([...vietnamese, ...inputs.map(lettersOf)]);
    if (letters && fewestWordsCovering(letters, names) <= MAX_VIETNAMESE_WORDS) return 'too_common';
    // Diacritics rarely reach a password as typed; judge the plain-letter form too.
    const forms = [...new Set([password, withoutDiacritics(password)])];
    let weakest: ZxcvbnResult | null = null;
    for (const form of forms) {
      const result = matcher.check(form, inputs);
      if (!weakest || result.guessesLog10 < weakest.guessesLog10) weakest = result;
    }
    if (!weakest || weakest.score >= MIN_ZXCVBN_SCORE) return null;
    const fromWords = weakest.sequence.some(
      (m) =>
        m.pattern === 'dictionary' &&
        !DICTIONARY_NAMES_FROM_PEOPLE.has(String(m['dictionaryName'])),
    );
    return fromWords ? 'too_common' : 'too_guessable';
  }

  assertAcceptable(password: string, owner: PasswordOwner, field: string): void {
    const problem = this.problem(password, owner);
    if (problem) {
      throw fieldError(HttpStatus.BAD_REQUEST, field, problem, PASSWORD_MESSAGES[problem](field));
    }
  }
}

function ownerWords(owner: PasswordOwner): string[] {
  const words = [owner.username, owner.displayName]
    .filter((w): w is string => Boolean(w))
    .flatMap((w) => [w, ...w.split(/[\s._-]+/)]);
  return [
    ...new Set([...words, ...words.map(withoutDiacritics)].map((w) => w.toLowerCase())),
  ].filter((w) => w.length >= 2);
}

/** The letters of a password, lower case, without diacritics: "Hà Nội@1990!" → "hanoi". */
export function lettersOf(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The fewest words of `words` that, put together, spell `text` exactly (Infinity if none do). */
export function fewestWordsCovering(text: string, words: ReadonlySet<string>): number {
  const fewest: number[] = [0, ...Array<number>(text.length).fill(Infinity)];
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 24); start < end; start++) {
      const before = fewest[start] ?? Infinity;
      if (before + 1 < (fewest[end] ?? Infinity) && words.has(text.slice(start, end))) {
        fewest[end] = before + 1;
      }
    }
  }
  return fewest[text.length] ?? Infinity;
}

/** "Mật khẩu Đà Nẵng" → "Mat khau Da Nang". */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

const PASSWORD_MESSAGES: Record<NewPasswordProblem, (field: string) => string> = {
  too_short: (f) => `${f} must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: (f) => `${f} must be at most ${PASSWORD_MAX_LENGTH} characters`,
  too_common: (f) => `${f} is built from a common password, word or name`,
  too_guessable: (f) => `${f} follows a pattern that is easy to guess`,
  contains_username: (f) => `${f} must not contain the username`,
  demo_password: (f) => `${f} is the published demo password`,
};
