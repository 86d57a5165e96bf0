import { errorMessage } from '@oc/web-ui/problem';
import { createI18n } from '@oc/web-ui/i18n';
import { catalogs, type MessageKey } from './messages';

/** The client app's language: the user's choice, else the link's language, else the browser's. */
export const i18n = createI18n<MessageKey>(catalogs, {
  storageKey: 'oc.client.language',
  onChange: (language) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  },
});
export const t = i18n.t;
/** The tag for dates, numbers and sizes, e.g. de-CH. */
export const locale = () => i18n.locale;

/** A failed call in the language shown; the API's English words only on an English page (ADR 0271). */
export function describe(error: unknown): string {
  return errorMessage(error, t('genericError'), t('offline'), { apiWords: i18n.language === 'en' });
}
