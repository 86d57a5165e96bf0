import { describe, expect, it } from 'vitest';
import { describeCatalogs } from '@oc/web-ui/catalog-tests';
import { createI18n } from '@oc/web-ui/i18n';
import { catalogs, type MessageKey } from './messages';

describeCatalogs('client', catalogs, import.meta.dirname);

describe('client messages in use', () => {
  it("renders plurals by each language's rules, numbers in its format", () => {
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
