import { describe, expect, it } from 'vitest';
import { describeCatalogs } from '@oc/web-ui/catalog-tests';
import { createI18n } from '@oc/web-ui/i18n';
import { catalogs, type MessageKey } from './messages';

describeCatalogs('provider', catalogs, import.meta.dirname);

describe('provider messages in use', () => {
  it("formats numbers inside messages in the language's format", () => {
    const i18n = createI18n<MessageKey>(catalogs, { storageKey: 'x', storage: null, preferred: ['de-CH'] });
    expect(i18n.t('errTooLong', { max: 10000 })).toMatch(/^Das ist zu lang \(höchstens 10.000 Zeichen\)\.$/);
    expect(i18n.t('documentFileCount', { count: 1 })).toBe('1 Datei');
    i18n.choose('fr');
    expect(i18n.t('documentFileCount', { count: 0 })).toBe('0 fichier');
  });
});
