import { describe, expect, it } from 'vitest';
import { argumentMismatches, missingKeys, undefinedKeys, unusedKeys } from './catalog-check';

describe('the key checks themselves', () => {
  it('notice a missing key, a changed placeholder, an unknown and an unused key', () => {
    const broken = { en: { a: 'Hi {name}', b: 'x' }, de: { a: 'Hallo {nom}' } };
    expect(missingKeys(broken)).toEqual(['de: b']);
    expect(argumentMismatches(broken)).toEqual(['de: a has {nom}, en has {name}']);
    expect(undefinedKeys(['a'], ["t('a'); t('zzz')"])).toEqual(['zzz']);
    expect(unusedKeys(['a', 'b'], ["t('a')"])).toEqual(['b']);
  });

  it('compare plural arguments, not only simple placeholders', () => {
    const broken = {
      en: { a: '{count, plural, one {# file} other {# files}}' },
      fr: { a: '{n, plural, one {# fichier} other {# fichiers}}' },
    };
    expect(argumentMismatches(broken)).toEqual(['fr: a has {n}, en has {count}']);
  });
});
