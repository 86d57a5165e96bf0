import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Checks the apps' message catalogues (used by their tests): every language has the same keys, the
 * same arguments per key, every key is used in the code and every key the code asks for exists.
 */
export type Catalogs = Record<string, Record<string, string>>;

/** The argument names of an ICU message, plural and select arguments included (`{count, plural, ...}` → count). */
export function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

/** `de: foo` — a key that one language has and another lacks. */
export function missingKeys(catalogs: Catalogs): string[] {
  const all = new Set(Object.values(catalogs).flatMap((c) => Object.keys(c)));
  return Object.entries(catalogs).flatMap(([language, catalog]) =>
    [...all].filter((key) => !(key in catalog) || catalog[key].trim() === '').map((key) => `${language}: ${key}`),
  );
}

/** `fr: foo has {name}, en has {count}` — arguments that differ from the reference language's. */
export function argumentMismatches(catalogs: Catalogs, reference = 'en'): string[] {
  const problems: string[] = [];
  for (const [key, message] of Object.entries(catalogs[reference])) {
    const expected = argumentsOf(message).join(',');
    for (const [language, catalog] of Object.entries(catalogs)) {
      if (language === reference || !(key in catalog)) continue;
      let found: string;
      try {
        found = argumentsOf(catalog[key]).join(',');
      } catch (e) {
        problems.push(`${language}: ${key} does not parse (${(e as Error).message})`);
        continue;
      }
      if (found !== expected) problems.push(`${language}: ${key} has {${found}}, ${reference} has {${expected}}`);
    }
  }
  return problems;
}

/** Keys that no source file names as a string literal ('key' or "key"). */
export function unusedKeys(keys: string[], sources: string[]): string[] {
  const text = sources.join('\n');
  return keys.filter((key) => !new RegExp(`['"\`]${key}['"\`]`).test(text));
}

/** Keys passed to `t('…')` in the sources that the catalogue does not define. */
export function undefinedKeys(keys: string[], sources: string[]): string[] {
  const known = new Set(keys);
  const called = sources.flatMap((s) => [...s.matchAll(/\bt\(\s*['"`]([\w.-]+)['"`]/g)].map((m) => m[1]));
  return [...new Set(called)].filter((key) => !known.has(key));
}

/** The app's code as text: every .ts/.tsx file under `dir`, without tests and the catalogues themselves. */
export function sourcesUnder(dir: string, skip: (path: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !skip(f))
    .map((f) => readFileSync(f, 'utf8'));
}
