import { Api } from '@oc/web-ui/api';

/** The client API (docs/architecture.md): a share is addressed by the link token only. */
const api = new Api();

/** `language` is the one the sender chose for this recipient: the page starts in it. */
export type ShareStatus = { state: 'AVAILABLE' | 'LOCKED' | 'EXPIRED' | 'REVOKED'; attemptsLeft?: number; language?: string };
export type SharedFile = { id: string; name: string; contentType: string; size: number };
export type SharedDocument = { providerName: string; title: string; message?: string | null; expiresAt?: string; files: SharedFile[] };

const base = (token: string) => `/api/shares/${encodeURIComponent(token)}`;

export const share = {
  status: (token: string) => api.get<ShareStatus>(base(token)),
  unlock: (token: string, code: string) => api.post<SharedDocument>(`${base(token)}/unlock`, { code }),
  document: (token: string) => api.get<SharedDocument>(`${base(token)}/document`),
  fileUrl: (token: string, fileId: string, inline = false) =>
    `${base(token)}/files/${encodeURIComponent(fileId)}${inline ? '?inline=true' : ''}`,
};
