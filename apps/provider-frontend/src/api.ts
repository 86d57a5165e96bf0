import { Api } from '@oc/web-ui/api';
import { i18n } from './i18n';
import { activityQuery, type ActivityFilter } from './activity';
import type { components } from './api-types';

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

/** The request and answer types, generated from docs/api/provider-public.json (`npm run api-types`). */
type Schemas = components['schemas'];
export type Account = Schemas['AccountView'];
/** The password step of a sign-in with two-factor sign-in on: the code comes next. */
export type SecondFactorRequired = Schemas['SecondFactorRequired'];
export type TwoFactorSetup = Schemas['Setup'];
export type SessionInfo = Schemas['SessionView'];
export type Client = Schemas['Client'];
export type ClientRequest = Schemas['ClientRequest'];
export type FileInfo = Schemas['StoredFile'];
export type Document = Schemas['Document'];
export type DocumentPage = Schemas['DocumentPage'];
export type ShareEvent = Schemas['Event'];
export type ShareStatus = Schemas['ShareStatus'];
/** `clientName` is not sent by the API: filled in from the address book for display. */
export type Share = Schemas['ShareView'] & { clientName?: string };
export type SendRequest = Schemas['SendRequest'];
export type AccessCode = Schemas['AccessCode'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];

const id = encodeURIComponent;

export const auth = {
  me: () => api.get<Account>('/api/auth/me'),
  signUp: (body: Schemas['SignupRequest']) => api.post<Schemas['Account']>('/api/auth/signup', body),
  signIn: (body: Schemas['LoginRequest']) =>
    api.post<Schemas['Account'] | SecondFactorRequired>('/api/auth/login', body),
  secondFactor: (code: string) => api.post<Account>('/api/auth/login/second-factor', { code }),
  signOut: () => api.post<void>('/api/auth/logout'),
  verifyEmail: (token: string) => api.post<{ email: string }>('/api/auth/verify-email', { token }),
  resendVerification: () => api.post<void>('/api/auth/verify-email/resend'),
  forgotPassword: (email: string) => api.post<unknown>('/api/auth/password-reset', { email }),
  resetPassword: (token: string, password: string) =>
    api.post<void>('/api/auth/password-reset/confirm', { token, password }),
};

/** The signed-in account's own settings (docs: provider-backend README, "Account"). */
export const account = {
  update: (body: Schemas['ProfileRequest']) => api.patch<Account>('/api/auth/account', body),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/auth/password', { currentPassword, newPassword }),
  changeEmail: (email: string, password: string) => api.post<void>('/api/auth/email', { email, password }),
  setupTwoFactor: (password: string) => api.post<TwoFactorSetup>('/api/auth/two-factor/setup', { password }),
  enableTwoFactor: (code: string) => api.post<Schemas['RecoveryCodes']>('/api/auth/two-factor/enable', { code }),
  newRecoveryCodes: (code: string) =>
    api.post<Schemas['RecoveryCodes']>('/api/auth/two-factor/recovery-codes', { code }),
  disableTwoFactor: (password: string, code: string) =>
    api.post<Account>('/api/auth/two-factor/disable', { password, code }),
  sessions: () => api.get<SessionInfo[]>('/api/auth/sessions'),
  endSession: (sessionId: string, password: string) => api.delete(`/api/auth/sessions/${id(sessionId)}`, { password }),
  endOtherSessions: (password: string) => api.post<Schemas['Ended']>('/api/auth/sessions/end-others', { password }),
  remove: (password: string, code?: string) =>
    api.delete('/api/auth/account', code ? { password, code } : { password }),
};

export const clients = {
  list: () => api.get<Client[]>('/api/clients'),
  create: (body: ClientRequest) => api.post<Client>('/api/clients', body),
  update: (clientId: string, body: ClientRequest) => api.put<Client>(`/api/clients/${id(clientId)}`, body),
  remove: (clientId: string) => api.delete(`/api/clients/${id(clientId)}`),
};

export const documents = {
  page: (cursor?: string | null, limit = 20) =>
    api.get<DocumentPage>(`/api/documents?limit=${limit}${cursor ? `&cursor=${id(cursor)}` : ''}`),
  get: (documentId: string) => api.get<Document>(`/api/documents/${id(documentId)}`),
  create: (body: Schemas['DocumentRequest']) => api.post<Document>('/api/documents', body),
  update: (documentId: string, body: Schemas['DocumentRequest']) =>
    api.put<Document>(`/api/documents/${id(documentId)}`, body),
  remove: (documentId: string) => api.delete(`/api/documents/${id(documentId)}`),
  upload: (documentId: string, file: File, onProgress: (fraction: number) => void) =>
    api.upload<FileInfo>(`/api/documents/${id(documentId)}/files`, 'file', file, file.name, onProgress),
  fileUrl: (documentId: string, fileId: string) => `/api/documents/${id(documentId)}/files/${id(fileId)}`,
  removeFile: (documentId: string, fileId: string) =>
    api.delete(`/api/documents/${id(documentId)}/files/${id(fileId)}`),
};

export const shares = {
  list: (documentId: string) => api.get<Share[]>(`/api/documents/${id(documentId)}/shares`),
  send: (documentId: string, body: SendRequest) => api.post<Share>(`/api/documents/${id(documentId)}/shares`, body),
  get: (shareId: string) => api.get<Share>(`/api/shares/${id(shareId)}`),
  revealCode: (shareId: string) => api.post<AccessCode>(`/api/shares/${id(shareId)}/reveal-code`),
  revoke: (shareId: string) => api.post<Share>(`/api/shares/${id(shareId)}/revoke`),
  retryDelivery: (shareId: string) => api.post<Share>(`/api/shares/${id(shareId)}/retry-delivery`),
  regenerateCode: (shareId: string) => api.post<AccessCode>(`/api/shares/${id(shareId)}/regenerate-code`),
  extend: (shareId: string, expiresAt: string) => api.patch<Share>(`/api/shares/${id(shareId)}`, { expiresAt }),
};

/** The account's audit log (read-only): a page, or the same selection as a CSV download. */
export const audit = {
  page: (filter: ActivityFilter, page: number) => api.get<AuditPage>(`/api/audit${activityQuery(filter, page)}`),
  csvUrl: (filter: ActivityFilter) => `/api/audit.csv${activityQuery(filter)}`,
};
