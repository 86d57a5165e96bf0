import { describe, expect, it } from 'vitest';
import type { Share } from './api';
import { recipient, timeline } from './shares';

const share = (over: Partial<Share> = {}): Share => ({
  id: 's1',
  documentId: 'd1',
  recipientEmail: 'anna@example.ch',
  status: 'DELIVERED',
  active: true,
  expiresAt: '2026-12-10T22:59:59Z',
  createdAt: '2026-11-26T09:00:00Z',
  locked: false,
  failedAttempts: 0,
  events: [],
  eventsStale: false,
  codeWaiting: false,
  deliveryAttempts: 1,
  ...over,
});

describe('share display', () => {
  it('lists events newest first, delivery included', () => {
    const s = share({
      events: [
        { type: 'DOWNLOADED', at: '2026-11-26T10:05:00Z' },
        { type: 'VIEWED', at: '2026-11-26T10:00:00Z' },
        { type: 'DOWNLOADED', at: '2026-11-26T10:01:00Z' },
      ],
    });
    expect(timeline(s).map((e) => e.at)).toEqual([
      '2026-11-26T10:05:00Z',
      '2026-11-26T10:01:00Z',
      '2026-11-26T10:00:00Z',
    ]);
    const delivered = timeline({ ...s, deliveredAt: '2026-11-26T09:00:00Z' });
    expect(delivered[delivered.length - 1]).toEqual({ type: 'DELIVERED', at: '2026-11-26T09:00:00Z' });
  });

  it('names the recipient by client name, else by e-mail', () => {
    expect(recipient(share({ clientName: 'Anna Meier' }))).toBe('Anna Meier');
    expect(recipient(share())).toBe('anna@example.ch');
  });
});
