import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import { en } from './en';
import type { Dictionary, TranslationKey } from './vi';
import { vi } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type TranslationParams = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { vi, en };
export const LANGUAGE_STORAGE_KEY = 'cn.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Run-time language switch: every text in the UI reads `language()`, so a switch needs no reload. */
@Injectable({ providedIn: 'root' })
export class TranslationService {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.readStoredLanguage());

  readonly language = this.current.asReadonly();
  private readonly dictionary = computed(() => DICTIONARIES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  use(language: Language): void {
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private mode or blocked storage: the switch still works for this page.
    }
  }

  /** Reads the language signal, so templates and computeds that call it re-render on a switch. */
  t(key: TranslationKey, params?: TranslationParams): string {
    const text = this.dictionary()[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  }

  /** For keys built at run time from API values (role, agency type...). */
  hasKey(key: string): key is TranslationKey {
    return key in vi;
  }

  private readStoredLanguage(): Language {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(stored) ? stored : 'vi';
    } catch {
      return 'vi';
    }
  }
}
