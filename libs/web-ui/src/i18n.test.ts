import { describe, expect, it } from 'vitest';
import { createI18n, format, pickLocale } from './i18n';

describe('i18n', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Hello {name}, {missing}', { name: 'Ana' })).toBe('Hello Ana, {missing}');
  });

  it('chooses plural forms by the language rules', () => {
    const text = 'You have {count, plural, one {# attempt} other {# attempts}} left.';
    expect(format(text, { count: 1 })).toBe('You have 1 attempt left.');
    expect(format(text, { count: 0 })).toBe('You have 0 attempts left.');
    expect(format(text, { count: 4 })).toBe('You have 4 attempts left.');
    expect(format('{count, plural, =0 {none} one {# file} other {# files}}', { count: 0 })).toBe('none');
    // French treats 0 as singular.
    expect(format('{count, plural, one {# essai} other {# essais}}', { count: 0 }, 'fr')).toBe('0 essai');
  });

  it('picks the first preferred language that has a catalogue', () => {
    expect(pickLocale(['en', 'de', 'fr'], ['it-CH', 'fr-CH', 'de'])).toEqual({ catalog: 'fr', tag: 'fr-CH' });
    expect(pickLocale(['en', 'de'], ['ja'])).toEqual({ catalog: 'en', tag: 'en' });
  });

  it('falls back to English for keys a translation lacks', () => {
    const en = { hello: 'Hello {name}', bye: 'Bye' };
    const { t, locale } = createI18n({ en, de: { hello: 'Hallo {name}' } }, ['de-CH']);
    expect(locale).toBe('de-CH');
    expect(t('hello', { name: 'Ana' })).toBe('Hallo Ana');
    expect(t('bye')).toBe('Bye');
  });
});
