import { createI18n } from '@oc/web-ui/i18n';
import { catalogs, type MessageKey } from './messages';

/** The provider app's language: the user's choice, else the browser's. */
export const i18n = createI18n<MessageKey>(catalogs, {
  storageKey: 'oc.provider.language',
  onChange: (language) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  },
});
export const t = i18n.t;
/** The tag for dates, numbers and sizes, e.g. de-CH. */
export const locale = () => i18n.locale;
