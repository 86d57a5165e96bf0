import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { ACTIVITY_TYPES, activityQuery, NO_FILTER, pageCount, validRange } from './activity';

describe('activity screen', () => {
  it('asks only for the filters that are set', () => {
    expect(activityQuery(NO_FILTER, 0)).toBe('?page=0&size=50');
    expect(activityQuery({ type: 'SIGN_IN_FAILED', from: '2026-01-01', to: '' }, 2)).toBe(
      '?page=2&size=50&type=SIGN_IN_FAILED&from=2026-01-01',
    );
  });

  it('downloads the same filters as CSV without paging', () => {
    expect(activityQuery(NO_FILTER)).toBe('');
    expect(activityQuery({ type: 'DOCUMENT_SENT', from: '', to: '2026-02-28' })).toBe(
      '?type=DOCUMENT_SENT&to=2026-02-28',
    );
  });

  it('counts pages and refuses a range that ends before it starts', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(51)).toBe(2);
    expect(validRange({ type: '', from: '2026-03-01', to: '2026-02-01' })).toBe(false);
    expect(validRange({ type: '', from: '2026-03-01', to: '2026-03-01' })).toBe(true);
  });

  it('has words for every kind of entry', () => {
    for (const key of Object.values(ACTIVITY_TYPES)) expect(en[key]).toBeTruthy();
  });
});
