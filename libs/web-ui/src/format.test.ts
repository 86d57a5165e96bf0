import { describe, expect, it } from 'vitest';
import { addDays, endOfDayIso, formatBytes, formatDateTime, toDateInput } from './format';

describe('formatting', () => {
  it('shows sizes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(25_000_000)).toBe('25 MB');
    expect(formatBytes(123_456_789)).toBe('123 MB');
    expect(formatBytes(-1)).toBe('');
  });

  it('turns a chosen day into the end of that day, in the user time zone', () => {
    const iso = endOfDayIso('2026-12-10')!;
    const back = new Date(iso);
    expect(toDateInput(back)).toBe('2026-12-10');
    expect(back.getHours()).toBe(23);
    expect(endOfDayIso('2026-02-30')).toBeUndefined();
    expect(endOfDayIso('tomorrow')).toBeUndefined();
  });

  it('adds days across month ends', () => {
    expect(toDateInput(addDays(new Date(2026, 0, 30), 3))).toBe('2026-02-02');
  });

  it('shows nothing for a missing or broken date', () => {
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
    expect(formatDateTime('2026-11-26T10:00:00Z')).toMatch(/2026/);
  });
});
