import { describe, expect, it } from 'vitest';
import {
  argumentMismatches,
  type Catalogs,
  missingKeys,
  sourcesUnder,
  undefinedKeys,
  unusedKeys,
} from './catalog-check';

/**
 * The checks every app runs on its message catalogues (its own tests add what is particular to it):
 * same keys and arguments in every language, every key used and defined, Swiss German spelling.
 */
export function describeCatalogs(name: string, catalogs: Catalogs & { en: Record<string, string> }, sourceDir: string) {
  const keys = Object.keys(catalogs.en);
  const sources = sourcesUnder(sourceDir, (path) => path.includes('/messages/'));

  describe(`${name} messages`, () => {
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
      expect(Object.entries(catalogs.de ?? {}).filter(([, text]) => text.includes('ß'))).toEqual([]);
    });
  });
}
