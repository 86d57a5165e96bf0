import { Api } from '@oc/web-ui/api';
import type { components } from './api-types';

/** The client API (docs/architecture.md): a share is addressed by the link token only. */
const api = new Api();

/** The answer types, generated from docs/api/client-public.json (`npm run api-types`). */
type Schemas = components['schemas'];
/** `language` is the one the sender chose for this recipient: the page starts in it. */
export type ShareStatus = Schemas['ShareState'];
export type SharedFile = Schemas['FileView'];
export type SharedDocument = Schemas['DocumentView'];

const base = (token: string) => `/api/shares/${encodeURIComponent(token)}`;

export const share = {
  status: (token: string) => api.get<ShareStatus>(base(token)),
  unlock: (token: string, code: string) =>
    api.post<SharedDocument>(`${base(token)}/unlock`, { code } satisfies Schemas['UnlockRequest']),
  document: (token: string) => api.get<SharedDocument>(`${base(token)}/document`),
  fileUrl: (token: string, fileId: string, inline = false) =>
    `${base(token)}/files/${encodeURIComponent(fileId)}${inline ? '?inline=true' : ''}`,
};
