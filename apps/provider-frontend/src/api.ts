import { Api } from '@oc/web-ui/api';
import type { Language } from '@oc/web-ui/i18n';
import { i18n } from './i18n';
import { activityQuery, type ActivityFilter } from './activity';

let sessionEnded: () => void = () => {};

/** The app registers what to do when any call answers 401 (the session timed out). */
export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

/** The provider API (docs/architecture.md), typed; the calls are thin on purpose. */
export const api = new Api({
  csrfPath: '/api/auth/csrf',
  onError: (e) => e.status === 401 && sessionEnded(),
  language: () => i18n.language,
});

export type Account = {
  id: string;
  email: string;
  organisation: string;
  /** Until the link in the verification mail is opened, documents cannot be sent. */
  emailVerified?: boolean;
  twoFactorEnabled?: boolean;
  /** The organisation's setting: every sign-in needs a second factor. */
  requireTwoFactor?: boolean;
  /** Required but not set up yet: the app asks for enrolment before anything else. */
  twoFactorEnrolmentRequired?: boolean;
};
/** The password step of a sign-in with two-factor sign-in on: the code comes next. */
export type SecondFactorRequired = { secondFactorRequired: true };
export type TwoFactorSetup = { secret: string; otpauthUri: string; qrSize: number; qrPath: string };
export type SessionInfo = { id: string; device: string; address?: string | null; signedInAt: string; lastSeenAt: string; current: boolean };
export type Client = { id: string; name: string; email: string; language: Language };
export type ClientRequest = { name: string; email: string; language: Language };
export type FileInfo = { id: string; name: string; contentType: string; size: number };
export type DocumentSummary = { id: string; title: string; createdAt?: string; updatedAt?: string; fileCount?: number; files?: FileInfo[] };
export type Document = { id: string; title: string; message: string; createdAt?: string; updatedAt?: string; files: FileInfo[] };
export type Page<T> = { items: T[]; nextCursor?: string | null };
export type ShareEvent = { type: string; at: string; fileId?: string | null };
export type Share = {
  id: string;
  status: string;
  link?: string;
  accessCode?: string | null;
  documentId?: string;
  clientId?: string | null;
  /** Not sent by the API: filled in from the address book for display. */
  clientName?: string | null;
  recipientEmail?: string | null;
  email?: string | null;
  expiresAt?: string;
  createdAt?: string;
  deliveredAt?: string | null;
  revokedAt?: string | null;
  revoked?: boolean;
  locked?: boolean;
  failedAttempts?: number;
  /** Delivered in the background: the code waits, encrypted, to be revealed once. */
  codeWaiting?: boolean;
  /** Why the client service refused the delivery (status DELIVERY_FAILED); it is not retried on its own. */
  deliveryFailure?: string | null;
  deliveryAttempts?: number;
  events?: ShareEvent[];
};

const id = encodeURIComponent;

export const auth = {
  me: () => api.get<Account>('/api/auth/me'),
  signUp: (body: { email: string; password: string; organisation: string }) => api.post<Account>('/api/auth/signup', body),
  signIn: (body: { email: string; password: string }) => api.post<Account | SecondFactorRequired>('/api/auth/login', body),
  secondFactor: (code: string) => api.post<Account>('/api/auth/login/second-factor', { code }),
  signOut: () => api.post<void>('/api/auth/logout'),
  verifyEmail: (token: string) => api.post<{ email: string }>('/api/auth/verify-email', { token }),
  resendVerification: () => api.post<void>('/api/auth/verify-email/resend'),
  forgotPassword: (email: string) => api.post<unknown>('/api/auth/password-reset', { email }),
  resetPassword: (token: string, password: string) => api.post<void>('/api/auth/password-reset/confirm', { token, password }),
};

/** The signed-in account's own settings (docs: provider-backend README, "Account"). */
export const account = {
  update: (body: { organisation?: string; requireTwoFactor?: boolean }) => api.patch<Account>('/api/auth/account', body),
  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/api/auth/password', { currentPassword, newPassword }),
  changeEmail: (email: string, password: string) => api.post<void>('/api/auth/email', { email, password }),
  setupTwoFactor: () => api.post<TwoFactorSetup>('/api/auth/two-factor/setup'),
  enableTwoFactor: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/two-factor/enable', { code }),
  newRecoveryCodes: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/two-factor/recovery-codes', { code }),
  disableTwoFactor: (password: string, code: string) => api.post<Account>('/api/auth/two-factor/disable', { password, code }),
  sessions: () => api.get<SessionInfo[]>('/api/auth/sessions'),
  endSession: (sessionId: string) => api.delete(`/api/auth/sessions/${id(sessionId)}`),
  endOtherSessions: () => api.post<{ ended: number }>('/api/auth/sessions/end-others'),
  remove: (password: string, code?: string) => api.delete('/api/auth/account', code ? { password, code } : { password }),
};

export const clients = {
  list: () => api.get<Client[] | Page<Client>>('/api/clients').then(items),
  create: (body: ClientRequest) => api.post<Client>('/api/clients', body),
  update: (clientId: string, body: ClientRequest) => api.put<Client>(`/api/clients/${id(clientId)}`, body),
  remove: (clientId: string) => api.delete(`/api/clients/${id(clientId)}`),
};

export const documents = {
  page: (cursor?: string | null, limit = 20) =>
    api.get<Page<DocumentSummary>>(`/api/documents?limit=${limit}${cursor ? `&cursor=${id(cursor)}` : ''}`),
  get: (documentId: string) => api.get<Document>(`/api/documents/${id(documentId)}`),
  create: (body: { title: string; message: string }) => api.post<Document>('/api/documents', body),
  update: (documentId: string, body: { title: string; message: string }) => api.put<Document>(`/api/documents/${id(documentId)}`, body),
  remove: (documentId: string) => api.delete(`/api/documents/${id(documentId)}`),
  upload: (documentId: string, file: File, onProgress: (fraction: number) => void) =>
    api.upload<FileInfo>(`/api/documents/${id(documentId)}/files`, 'file', file, file.name, onProgress),
  fileUrl: (documentId: string, fileId: string) => `/api/documents/${id(documentId)}/files/${id(fileId)}`,
  removeFile: (documentId: string, fileId: string) => api.delete(`/api/documents/${id(documentId)}/files/${id(fileId)}`),
};

/** `language` is for a typed address; a client from the address book is written to in their own. */
export type SendRequest = { clientId?: string; email?: string; expiresAt: string; language?: Language };

export const shares = {
  list: (documentId: string) => api.get<Share[] | Page<Share>>(`/api/documents/${id(documentId)}/shares`).then(items),
  send: (documentId: string, body: SendRequest) => api.post<Share>(`/api/documents/${id(documentId)}/shares`, body),
  get: (shareId: string) => api.get<Share>(`/api/shares/${id(shareId)}`),
  revealCode: (shareId: string) => api.post<{ accessCode: string }>(`/api/shares/${id(shareId)}/reveal-code`),
  revoke: (shareId: string) => api.post<Share | undefined>(`/api/shares/${id(shareId)}/revoke`),
  retryDelivery: (shareId: string) => api.post<Share>(`/api/shares/${id(shareId)}/retry-delivery`),
  regenerateCode: (shareId: string) => api.post<{ accessCode: string }>(`/api/shares/${id(shareId)}/regenerate-code`),
  extend: (shareId: string, expiresAt: string) => api.patch<Share>(`/api/shares/${id(shareId)}`, { expiresAt }),
};

export type AuditEntry = { id: number; at: string; type: string; ip?: string | null; subjectId?: string | null; details?: string | null };
export type AuditPage = { items: AuditEntry[]; page: number; size: number; total: number };

/** The account's audit log (read-only): a page, or the same selection as a CSV download. */
export const audit = {
  page: (filter: ActivityFilter, page: number) => api.get<AuditPage>(`/api/audit${activityQuery(filter, page)}`),
  csvUrl: (filter: ActivityFilter) => `/api/audit.csv${activityQuery(filter)}`,
};

/** Lists come either as a bare array or as `{items}`; accept both so the UI does not care. */
export function items<T>(body: T[] | Page<T> | undefined): T[] {
  if (Array.isArray(body)) return body;
  return body?.items ?? [];
}
