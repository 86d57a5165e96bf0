import { ApiError } from '@oc/web-ui/problem';
import type { ShareStatus } from './api';
import type { MessageKey } from './messages';

/** What the landing page shows: one screen per state of the link. */
export type View =
  | { kind: 'loading' }
  | { kind: 'code'; attemptsLeft?: number }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'revoked' }
  | { kind: 'locked' }
  | { kind: 'failed'; error: unknown };

export function viewOfStatus(status: ShareStatus): View {
  switch (status.state) {
    case 'AVAILABLE':
      return { kind: 'code', attemptsLeft: status.attemptsLeft };
    case 'LOCKED':
      return { kind: 'locked' };
    case 'EXPIRED':
      return { kind: 'expired' };
    case 'REVOKED':
      return { kind: 'revoked' };
    default:
      return { kind: 'failed', error: undefined };
  }
}

/** A failed status or unlock call, turned into the screen that explains it. */
export function viewOfError(error: unknown): View {
  if (!(error instanceof ApiError)) return { kind: 'failed', error };
  if (error.status === 404) return { kind: 'unknown' };
  if (error.status === 423 || error.type === 'share-locked') return { kind: 'locked' };
  if (error.type === 'share-expired') return { kind: 'expired' };
  if (error.type === 'share-revoked') return { kind: 'revoked' };
  if (error.status === 410) return { kind: 'expired' };
  return { kind: 'failed', error };
}

/** A wrong code keeps the form, with the attempts left the API reported. */
export function wrongCodeAttempts(error: unknown): number | undefined {
  if (error instanceof ApiError && error.status === 403) return error.number('attemptsLeft') ?? 0;
  return undefined;
}

/** Files the browser can show safely inline; everything else is only downloaded. */
export function previewKind(contentType: string): 'pdf' | 'image' | undefined {
  const type = contentType.toLowerCase().split(';')[0].trim();
  if (type === 'application/pdf') return 'pdf';
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(type)) return 'image';
  return undefined;
}

/** A human name for a content type, e.g. "PDF document" or "Image (PNG)". */
export function typeLabel(contentType: string): { key: MessageKey; params?: Record<string, string> } {
  const type = contentType.toLowerCase().split(';')[0].trim();
  if (type === 'application/pdf') return { key: 'typePdf' };
  if (type.startsWith('image/'))
    return { key: 'typeImage', params: { subtype: type.slice(6).replace(/^x-/, '').toUpperCase() } };
  if (type.includes('wordprocessingml') || type === 'application/msword') return { key: 'typeWord' };
  if (type.includes('spreadsheetml') || type === 'application/vnd.ms-excel') return { key: 'typeExcel' };
  if (type.includes('presentationml') || type === 'application/vnd.ms-powerpoint') return { key: 'typePowerPoint' };
  if (type === 'text/csv') return { key: 'typeCsv' };
  if (type.startsWith('text/')) return { key: 'typeText' };
  if (type === 'application/zip') return { key: 'typeZip' };
  return { key: 'typeOther', params: { type: type || '?' } };
}
