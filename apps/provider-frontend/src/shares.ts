import type { Share, ShareEvent } from './api';

/** The share states the provider sees, in the order a share goes through them. */
export type ShareState = 'pending' | 'failed' | 'delivered' | 'viewed' | 'downloaded' | 'locked' | 'expired' | 'revoked';

const KNOWN: Record<string, ShareState> = {
  PENDING: 'pending',
  PENDING_DELIVERY: 'pending',
  DELIVERY_FAILED: 'failed',
  DELIVERED: 'delivered',
  VIEWED: 'viewed',
  DOWNLOADED: 'downloaded',
  LOCKED: 'locked',
  EXPIRED: 'expired',
  REVOKED: 'revoked',
};

/** The status to show: revoked and expired win over what happened before; a lockout needs attention. */
export function shareState(share: Share, now: Date = new Date()): ShareState {
  const status = KNOWN[(share.status ?? '').toUpperCase().replace(/[\s-]/g, '_')] ?? 'pending';
  if (share.revoked || share.revokedAt || status === 'revoked') return 'revoked';
  if (status === 'expired' || (share.expiresAt && new Date(share.expiresAt) <= now)) return 'expired';
  if (share.locked || status === 'locked') return 'locked';
  if (status === 'failed') return 'failed';
  if (status !== 'pending') {
    const events = share.events ?? [];
    if (events.some((e) => upper(e) === 'DOWNLOADED')) return 'downloaded';
    if (events.some((e) => upper(e) === 'VIEWED')) return 'viewed';
  }
  return status;
}

/** Whether the provider can still act on the share (revoke, new code, longer expiry). */
export function isActive(state: ShareState): boolean {
  return state !== 'revoked' && state !== 'expired';
}

/** Events newest first; delivery and revocation are recorded on the share itself, so they are added here. */
export function timeline(share: Share): ShareEvent[] {
  const all = [...(share.events ?? [])];
  if (share.deliveredAt) all.push({ type: 'DELIVERED', at: share.deliveredAt });
  if (share.revokedAt) all.push({ type: 'REVOKED', at: share.revokedAt });
  return all.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

export function recipient(share: Share): string {
  return share.clientName || share.recipientEmail || share.email || '';
}

function upper(e: ShareEvent): string {
  return (e.type ?? '').toUpperCase();
}
