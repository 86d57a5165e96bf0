import { errorMessage } from '@oc/web-ui/problem';
import { t } from './i18n';

/** The text for any failed call: the API's problem detail, or our own words when it said nothing. */
export function describe(error: unknown): string {
  return errorMessage(error, t('genericError'), t('offline'));
}
