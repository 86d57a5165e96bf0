import type { Share, ShareEvent } from './api';

/** Events newest first; delivery and revocation are recorded on the share itself, so they are added here. */
export function timeline(share: Share): ShareEvent[] {
  const all = [...share.events];
  if (share.deliveredAt) all.push({ type: 'DELIVERED', at: share.deliveredAt });
  if (share.revokedAt) all.push({ type: 'REVOKED', at: share.revokedAt });
  return all.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

export function recipient(share: Share): string {
  return share.clientName || share.recipientEmail;
}
