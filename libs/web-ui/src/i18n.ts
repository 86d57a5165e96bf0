/** A catalogue of UI strings: one per language, all with the same keys as the English one. */
export type Catalog = Record<string, string>;
export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/**
 * Replaces `{name}` placeholders. A key with a `count` parameter may have plural forms written as
 * `{count, plural, one {# file} other {# files}}` (the ICU subset that English, German and French need).
 */
export function format(template: string, params: Params = {}, locale = 'en'): string {
  const plural = /\{(\w+), plural, ((?:=?\w+ \{[^{}]*\}\s*)+)\}/g;
  const withPlurals = template.replace(plural, (_, name: string, forms: string) => {
    const count = Number(params[name]);
    const options = new Map<string, string>();
    for (const m of forms.matchAll(/(=?\w+) \{([^{}]*)\}/g)) options.set(m[1], m[2]);
    const category = new Intl.PluralRules(locale).select(count);
    const chosen = options.get(`=${count}`) ?? options.get(category) ?? options.get('other') ?? '';
    return chosen.replace(/#/g, String(count));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The first of the user's preferred languages that has a catalogue, else the first catalogue.
 * `tag` keeps the region (de-CH, en-GB) so that dates and numbers look the way the user expects.
 */
export function pickLocale(available: string[], preferred: readonly string[]): { catalog: string; tag: string } {
  for (const wanted of preferred) {
    const base = wanted.toLowerCase().split('-')[0];
    if (available.includes(base)) return { catalog: base, tag: wanted };
  }
  return { catalog: available[0], tag: available[0] };
}

export type I18n<K extends string> = { locale: string; t: Translate<K> };

export function createI18n<C extends Catalog>(
  catalogs: { en: C } & Record<string, Partial<C>>,
  preferred: readonly string[],
): I18n<Extract<keyof C, string>> {
  const { catalog, tag: locale } = pickLocale(Object.keys(catalogs), preferred);
  const chosen = catalogs[catalog] as Partial<C>;
  const t = (key: Extract<keyof C, string>, params?: Params) =>
    format((chosen[key] ?? catalogs.en[key]) as string, params, locale);
  return { locale, t };
}
