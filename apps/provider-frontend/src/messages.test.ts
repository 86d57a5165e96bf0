import { describe, expect, it } from 'vitest';
import { argumentMismatches, missingKeys, sourcesUnder, undefinedKeys, unusedKeys } from '@oc/web-ui/catalog-check';
import { createI18n } from '@oc/web-ui/i18n';
import { catalogs, type MessageKey } from './messages';

const keys = Object.keys(catalogs.en);
const sources = sourcesUnder(import.meta.dirname, (path) => path.includes('/messages/'));

describe('provider messages', () => {
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

  it('formats numbers inside messages in the language\'s format', () => {
    const i18n = createI18n<MessageKey>(catalogs, { storageKey: 'x', storage: null, preferred: ['de-CH'] });
    expect(i18n.t('errTooLong', { max: 10000 })).toMatch(/^Das ist zu lang \(höchstens 10.000 Zeichen\)\.$/);
    expect(i18n.t('documentFileCount', { count: 1 })).toBe('1 Datei');
    i18n.choose('fr');
    expect(i18n.t('documentFileCount', { count: 0 })).toBe('0 fichier');
  });
});

describe('the key checks themselves', () => {
  it('notice a missing key, a changed placeholder, an unknown and an unused key', () => {
    const broken = { en: { a: 'Hi {name}', b: 'x' }, de: { a: 'Hallo {nom}' } };
    expect(missingKeys(broken)).toEqual(['de: b']);
    expect(argumentMismatches(broken)).toEqual(['de: a has {nom}, en has {name}']);
    expect(undefinedKeys(['a'], ["t('a'); t('zzz')"])).toEqual(['zzz']);
    expect(unusedKeys(['a', 'b'], ["t('a')"])).toEqual(['b']);
  });

  it('compare plural arguments, not only simple placeholders', () => {
    const broken = { en: { a: '{count, plural, one {# file} other {# files}}' }, fr: { a: '{n, plural, one {# fichier} other {# fichiers}}' } };
    expect(argumentMismatches(broken)).toEqual(['fr: a has {n}, en has {count}']);
  });
});
