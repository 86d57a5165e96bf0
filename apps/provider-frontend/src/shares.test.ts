import { describe, expect, it } from 'vitest';
import type { Share } from './api';
import { isActive, recipient, shareState, timeline } from './shares';

const now = new Date('2026-11-26T12:00:00Z');
const share = (over: Partial<Share> = {}): Share => ({ id: 's1', status: 'DELIVERED', expiresAt: '2026-12-10T22:59:59Z', events: [], ...over });

describe('share status', () => {
  it('follows the client: delivered, then viewed, then downloaded', () => {
    expect(shareState(share({ status: 'PENDING_DELIVERY' }), now)).toBe('pending');
    expect(shareState(share(), now)).toBe('delivered');
    expect(shareState(share({ events: [{ type: 'VIEWED', at: '2026-11-26T10:00:00Z' }] }), now)).toBe('viewed');
    expect(shareState(share({
      events: [{ type: 'VIEWED', at: '2026-11-26T10:00:00Z' }, { type: 'DOWNLOADED', at: '2026-11-26T10:01:00Z', fileId: 'f1' }],
    }), now)).toBe('downloaded');
    expect(shareState(share({ status: 'viewed' }), now)).toBe('viewed');
  });

  it('lets revoked and expired win over what happened before', () => {
    const downloaded = { events: [{ type: 'DOWNLOADED', at: '2026-11-26T10:01:00Z' }] };
    expect(shareState(share({ ...downloaded, status: 'REVOKED' }), now)).toBe('revoked');
    expect(shareState(share({ ...downloaded, revoked: true }), now)).toBe('revoked');
    expect(shareState(share({ ...downloaded, expiresAt: '2026-11-26T11:59:59Z' }), now)).toBe('expired');
    expect(isActive('revoked')).toBe(false);
    expect(isActive('expired')).toBe(false);
    expect(isActive('locked')).toBe(true);
  });

  it('shows a delivery the client service refused, until it is retried or revoked', () => {
    const failed = share({ status: 'DELIVERY_FAILED', deliveryFailure: 'Too many files.', deliveryAttempts: 1 });
    expect(shareState(failed, now)).toBe('failed');
    expect(isActive('failed')).toBe(true);
    expect(shareState({ ...failed, revokedAt: '2026-11-26T11:00:00Z' }, now)).toBe('revoked');
  });

  it('shows a lockout so the provider can hand out a new code', () => {
    expect(shareState(share({ locked: true }), now)).toBe('locked');
    expect(shareState(share({ status: 'LOCKED' }), now)).toBe('locked');
  });

  it('lists events newest first, delivery included', () => {
    const s = share({ events: [
      { type: 'DOWNLOADED', at: '2026-11-26T10:05:00Z' }, { type: 'VIEWED', at: '2026-11-26T10:00:00Z' },
      { type: 'DOWNLOADED', at: '2026-11-26T10:01:00Z' },
    ] });
    expect(timeline(s).map((e) => e.at)).toEqual(['2026-11-26T10:05:00Z', '2026-11-26T10:01:00Z', '2026-11-26T10:00:00Z']);
    const delivered = timeline({ ...s, deliveredAt: '2026-11-26T09:00:00Z' });
    expect(delivered[delivered.length - 1]).toEqual({ type: 'DELIVERED', at: '2026-11-26T09:00:00Z' });
  });

  it('names the recipient by client name, else by e-mail', () => {
    expect(recipient(share({ clientName: 'Anna Meier', recipientEmail: 'anna@example.ch' }))).toBe('Anna Meier');
    expect(recipient(share({ recipientEmail: 'anna@example.ch' }))).toBe('anna@example.ch');
  });
});
