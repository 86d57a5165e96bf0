import { describe, expect, it } from 'vitest';
import { createI18n, format, pickLanguage } from './i18n';

const catalogs = {
  en: {
    hello: 'Hello {name}',
    files: '{count, plural, one {# file} other {# files}}',
    max: 'At most {max} characters.',
  },
  de: {
    hello: 'Hallo {name}',
    files: '{count, plural, one {# Datei} other {# Dateien}}',
    max: 'Höchstens {max} Zeichen.',
  },
  fr: {
    hello: 'Bonjour {name}',
    files: '{count, plural, one {# fichier} other {# fichiers}}',
    max: '{max} caractères au plus.',
  },
  it: {
    hello: 'Buongiorno {name}',
    files: '{count, plural, one {# file} other {# file}}',
    max: 'Al massimo {max} caratteri.',
  },
};

function memory(initial?: string) {
  const values = new Map<string, string>(initial ? [['lang', initial]] : []);
  return {
    getItem: (k: string) => values.get(k) ?? null,
    setItem: (k: string, v: string) => void values.set(k, v),
    values,
  };
}

describe('i18n', () => {
  it('formats ICU messages: arguments, plurals by the language rules, numbers in the locale format', () => {
    const text = 'You have {count, plural, one {# attempt} other {# attempts}} left.';
    expect(format(text, { count: 1 })).toBe('You have 1 attempt left.');
    expect(format(text, { count: 0 })).toBe('You have 0 attempts left.');
    expect(format('{count, plural, =0 {none} one {# file} other {# files}}', { count: 0 })).toBe('none');
    // French treats 0 as singular.
    expect(format('{count, plural, one {# essai} other {# essais}}', { count: 0 }, 'fr-CH')).toBe('0 essai');
    expect(format('Höchstens {max, number} Zeichen.', { max: 10000 }, 'de-CH')).toMatch(/^Höchstens 10.000 Zeichen\.$/);
  });

  it('shows the raw text instead of failing on a missing argument', () => {
    expect(format('Hello {name}', {})).toBe('Hello {name}');
  });

  it('takes the first preferred language the platform speaks, keeping the browser region', () => {
    expect(pickLanguage(['es-ES', 'it-CH', 'fr-CH', 'de'])).toEqual({ language: 'it', locale: 'it-CH' });
    expect(pickLanguage(['de'])).toEqual({ language: 'de', locale: 'de-CH' });
    expect(pickLanguage(['de-DE'])).toEqual({ language: 'de', locale: 'de-DE' });
    expect(pickLanguage(['ja'])).toEqual({ language: 'en', locale: 'en-CH' });
  });

  it('starts in the browser language and remembers a choice', () => {
    const storage = memory();
    const changes: string[] = [];
    const i18n = createI18n(catalogs, {
      storageKey: 'lang',
      storage,
      preferred: ['fr-CH'],
      onChange: (l) => changes.push(l),
    });
    expect(i18n.t('hello', { name: 'Ana' })).toBe('Bonjour Ana');
    i18n.choose('de');
    expect(i18n.language).toBe('de');
    expect(i18n.locale).toBe('de-CH');
    expect(i18n.t('files', { count: 1 })).toBe('1 Datei');
    expect(storage.values.get('lang')).toBe('de');
    expect(changes).toEqual(['fr', 'de']);

    const again = createI18n(catalogs, { storageKey: 'lang', storage, preferred: ['fr-CH'] });
    expect(again.language).toBe('de');
  });

  it('follows a suggested language only while the user has not chosen one', () => {
    const fresh = createI18n(catalogs, { storageKey: 'lang', storage: memory(), preferred: ['en-GB'] });
    fresh.suggest('it');
    expect(fresh.t('hello', { name: 'Ana' })).toBe('Buongiorno Ana');
    fresh.suggest('xx');
    expect(fresh.language).toBe('it');

    const chosen = createI18n(catalogs, { storageKey: 'lang', storage: memory('fr'), preferred: ['en-GB'] });
    chosen.suggest('it');
    expect(chosen.language).toBe('fr');
  });

  it('tells subscribers about a change', () => {
    const i18n = createI18n(catalogs, { storageKey: 'lang', storage: null, preferred: ['en'] });
    let calls = 0;
    const stop = i18n.subscribe(() => calls++);
    i18n.choose('it');
    i18n.choose('it');
    stop();
    i18n.choose('de');
    expect(calls).toBe(1);
  });
});
