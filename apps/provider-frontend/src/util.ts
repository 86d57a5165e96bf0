import { ApiError, errorMessage, shownFieldErrors } from '@oc/web-ui/problem';
import { i18n, t } from './i18n';
import type { MessageKey } from './messages';

/** Our words for the problem types a person can meet here, by their stable slug (ADR 0271). */
const PROBLEMS: Record<string, MessageKey> = {
  'email-taken': 'problemEmailTaken',
  'invalid-credentials': 'problemInvalidCredentials',
  'too-many-attempts': 'problemTooManyAttempts',
  'signup-disabled': 'problemSignupDisabled',
  'too-large': 'problemTooLarge',
  'unsupported-file-type': 'problemUnsupportedFileType',
  'empty-file': 'problemEmptyFile',
  'unreadable-upload': 'problemUnreadableUpload',
  'not-found': 'problemNotFound',
  'code-not-available': 'problemCodeNotAvailable',
  'not-delivered': 'problemNotDelivered',
  'share-revoked': 'problemShareRevoked',
  'client-backend-unavailable': 'problemClientUnavailable',
  'too-many-files': 'problemTooManyFiles',
  'document-too-large': 'problemDocumentTooLarge',
  'service-unavailable': 'problemServiceUnavailable',
  'malformed-multipart': 'problemMalformedUpload',
  'delivery-not-failed': 'problemDeliveryNotFailed',
  'common-password': 'errPasswordCommon',
  'email-not-verified': 'problemEmailNotVerified',
  'invalid-link': 'problemInvalidLink',
  'too-many-requests': 'problemTooManyRequests',
  'wrong-password': 'problemWrongPassword',
  'wrong-code': 'problemWrongCode',
  'second-factor-expired': 'problemSecondFactorExpired',
  'two-factor-required': 'problemTwoFactorRequired',
  'two-factor-enrolment-required': 'problemTwoFactorEnrolmentRequired',
  'already-verified': 'problemAlreadyVerified',
  csrf: 'problemCsrf',
  validation: 'errFixFields',
};

/** The text for any failed call, in the language shown: our words for its type, else a generic sentence. */
export function describe(error: unknown): string {
  return errorMessage(error, t('genericError'), t('offline'), {
    byType: (type) => (PROBLEMS[type] ? t(PROBLEMS[type]) : undefined),
    apiWords: i18n.language === 'en',
  });
}

/** Field errors that are ours to word in every language, by problem type. */
const FIELD_PROBLEMS: Record<string, MessageKey> = {
  'common-password': 'errPasswordCommon',
};

/** The API's messages per field; on a page that is not in English, one message of ours per field. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const shown = shownFieldErrors(error, i18n.language === 'en', t('errInvalid'));
  const own = error instanceof ApiError ? FIELD_PROBLEMS[error.type] : undefined;
  return own ? Object.fromEntries(Object.keys(shown).map((field) => [field, t(own)])) : shown;
}
