import type { MessageKey } from './messages';

/** The kinds of audit entries the API records (provider-backend audit.AuditType), with our words for each. */
export const ACTIVITY_TYPES: Record<string, MessageKey> = {
  SIGN_IN: 'auditSignIn',
  SIGN_IN_FAILED: 'auditSignInFailed',
  SIGNED_OUT_EVERYWHERE: 'auditSignedOutEverywhere',
  PASSWORD_CHANGED: 'auditPasswordChanged',
  PASSWORD_RESET: 'auditPasswordReset',
  EMAIL_CHANGED: 'auditEmailChanged',
  EMAIL_VERIFIED: 'auditEmailVerified',
  TWO_FACTOR_ENABLED: 'auditTwoFactorEnabled',
  TWO_FACTOR_DISABLED: 'auditTwoFactorDisabled',
  RECOVERY_CODE_USED: 'auditRecoveryCodeUsed',
  CLIENT_CREATED: 'auditClientCreated',
  CLIENT_DELETED: 'auditClientDeleted',
  DOCUMENT_SENT: 'auditDocumentSent',
  CODE_REGENERATED: 'auditCodeRegenerated',
  SHARE_REVOKED: 'auditShareRevoked',
  EXPIRY_CHANGED: 'auditExpiryChanged',
  CLIENT_VIEWED: 'auditClientViewed',
  CLIENT_DOWNLOADED: 'auditClientDownloaded',
  CLIENT_CODE_FAILED: 'auditClientCodeFailed',
  CLIENT_LOCKED: 'auditClientLocked',
};

export type ActivityFilter = { type: string; from: string; to: string };
export const NO_FILTER: ActivityFilter = { type: '', from: '', to: '' };
export const ACTIVITY_PAGE_SIZE = 50;

/** The query of GET /api/audit and /api/audit.csv: only the filters that are set, days as yyyy-mm-dd. */
export function activityQuery(filter: ActivityFilter, page?: number, size = ACTIVITY_PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (page !== undefined) {
    params.set('page', String(page));
    params.set('size', String(size));
  }
  if (filter.type) params.set('type', filter.type);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** How many pages `total` entries fill; at least one, so "page 1 of 1" reads right for none. */
export function pageCount(total: number, size = ACTIVITY_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A day range where "to" comes before "from" shows nothing: say so instead of asking. */
export function validRange(filter: ActivityFilter): boolean {
  return !filter.from || !filter.to || filter.from <= filter.to;
}
