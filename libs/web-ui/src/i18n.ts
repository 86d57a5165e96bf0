import { IntlMessageFormat } from 'intl-messageformat';

/** The languages of the platform, in the order the language switch offers them. */
export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so a reader finds theirs whatever the page shows now. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  en: 'English',
};

/** A catalogue of UI strings in ICU MessageFormat: one per language, all with the same keys. */
export type Catalog = Record<string, string>;
export type Params = Record<string, string | number | Date>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the user's preferred languages that the platform speaks, else English (a browser
 * asking for none of the four is most likely read by someone who reads English).
 * `locale` keeps the browser's region (de-DE, en-GB) for dates and numbers; without one, Swiss.
 */
export function pickLanguage(preferred: readonly string[]): { language: Language; locale: string } {
  for (const wanted of preferred) {
    const base = wanted.toLowerCase().split('-')[0];
    if (isLanguage(base)) return { language: base, locale: wanted.includes('-') ? wanted : `${base}-CH` };
  }
  return { language: 'en', locale: 'en-CH' };
}

/** Formats one ICU message; a broken message or a missing argument shows the raw text instead of failing. */
export function format(template: string, params: Params = {}, locale = 'en'): string {
  try {
    return String(new IntlMessageFormat(template, locale, undefined, { ignoreTag: true }).format(params));
  } catch {
    return template;
  }
}

export type I18n<K extends string> = {
  /** The language shown now. */
  readonly language: Language;
  /** The BCP 47 tag for Intl formatting (de-CH, fr-CH, ...). */
  readonly locale: string;
  t: Translate<K>;
  /** The user's own choice: shown at once and remembered on this device. */
  choose(language: Language): void;
  /** A default from elsewhere (e.g. the client's language of a link): used only if the user has not chosen. */
  suggest(language: string | undefined | null): void;
  /** Called after every change of language; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
};

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export type I18nOptions = {
  /** localStorage key for the remembered choice. */
  storageKey: string;
  preferred?: readonly string[];
  storage?: Storage | null;
  /** Receives the language after every change (the apps set `<html lang>`). */
  onChange?: (language: Language) => void;
};

export function createI18n<K extends string>(
  catalogs: Record<Language, Record<K, string>>,
  options: I18nOptions,
): I18n<K> {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const browser = pickLanguage(options.preferred ?? (typeof navigator === 'undefined' ? [] : navigator.languages));
  const stored = read(storage, options.storageKey);
  const listeners = new Set<() => void>();
  let language: Language = stored ?? browser.language;
  let locale = localeOf(language, browser);

  const set = (next: Language) => {
    if (next === language) return;
    language = next;
    locale = localeOf(next, browser);
    options.onChange?.(next);
    listeners.forEach((l) => l());
  };

  const t = (key: K, params: Params = {}) => format(catalogs[language][key] ?? catalogs.en[key] ?? key, params, locale);

  options.onChange?.(language);
  return {
    get language() {
      return language;
    },
    get locale() {
      return locale;
    },
    t,
    choose(next) {
      write(storage, options.storageKey, next);
      set(next);
    },
    suggest(next) {
      if (isLanguage(next) && !read(storage, options.storageKey)) set(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The browser's region is kept when it belongs to the language shown; else the Swiss variant. */
function localeOf(language: Language, browser: { language: Language; locale: string }): string {
  return browser.language === language ? browser.locale : `${language}-CH`;
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(storage: Storage | null, key: string): Language | undefined {
  try {
    const value = storage?.getItem(key);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage | null, key: string, language: Language): void {
  try {
    storage?.setItem(key, language);
  } catch {
    // Private mode or storage full: the choice still holds for this page.
  }
}
