import { createI18n } from '@oc/web-ui/i18n';
import { catalogs } from './messages';

export const { t, locale } = createI18n(catalogs, typeof navigator === 'undefined' ? ['en'] : navigator.languages);
