import { describe, expect, it } from 'vitest';
import { argumentMismatches, missingKeys, sourcesUnder, undefinedKeys, unusedKeys } from '@oc/web-ui/catalog-check';
import { createI18n } from '@oc/web-ui/i18n';
import { catalogs, type MessageKey } from './messages';

const keys = Object.keys(catalogs.en);
const sources = sourcesUnder(import.meta.dirname, (path) => path.includes('/messages/'));

describe('client messages', () => {
  it('has every key in every language', () => {
    expect(missingKeys(catalogs)).toEqual([]);
  });

  it('has the same placeholders and plural arguments in every language', () => {
    expect(argumentMismatches(catalogs)).toEqual([]);
  });

  it('defines every key the code asks for', () => {
    expect(undefinedKeys(keys, sources)).toEqual([]);
  });

  it('uses every key it defines', () => {
    expect(unusedKeys(keys, sources)).toEqual([]);
  });

  it('writes Swiss German: ss, never ß', () => {
    expect(Object.entries(catalogs.de).filter(([, text]) => text.includes('ß'))).toEqual([]);
  });

  it('renders plurals by each language\'s rules, numbers in its format', () => {
    const render = (language: 'de' | 'fr' | 'it' | 'en', key: MessageKey, count: number) => {
      const i18n = createI18n<MessageKey>(catalogs, { storageKey: 'x', storage: null, preferred: [language] });
      return i18n.t(key, { count });
    };
    expect(render('de', 'unlockAttemptsLeft', 1)).toBe('Sie haben noch 1 Versuch.');
    expect(render('de', 'unlockAttemptsLeft', 4)).toBe('Sie haben noch 4 Versuche.');
    expect(render('fr', 'unlockAttemptsLeft', 0)).toBe('Il vous reste 0 essai.');
    expect(render('it', 'unlockAttemptsLeft', 1)).toBe('Le resta 1 tentativo.');
    expect(render('en', 'unlockAttemptsLeft', 2)).toBe('You have 2 attempts left.');
  });
});
