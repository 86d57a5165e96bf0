import { describe, expect, it } from 'vitest';
import { email, futureDay, hasErrors, maxLength, minLength, required, validate } from './validation';

describe('form validation', () => {
  it('reports the first broken rule of each field', () => {
    const errors = validate(
      { email: '', password: 'short', name: 'ok' },
      {
        email: [required('required'), email('email')],
        password: [required('required'), minLength(12, 'min 12')],
        name: [required('required')],
      },
    );
    expect(errors).toEqual({ email: 'required', password: 'min 12' });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors({})).toBe(false);
  });

  it('accepts ordinary addresses and rejects typos', () => {
    const rule = email('bad');
    expect(rule('anna.meier@example.ch')).toBeUndefined();
    expect(rule(' anna@example.ch ')).toBeUndefined();
    expect(rule('anna@example')).toBe('bad');
    expect(rule('anna example.ch')).toBe('bad');
    expect(rule('')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(minLength(12, 'short')('🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒')).toBeUndefined();
    expect(maxLength(3, 'long')('äöü')).toBeUndefined();
    expect(maxLength(3, 'long')('äöüx')).toBe('long');
    expect(required('required')('   ')).toBe('required');
  });

  it('accepts only days after today and not beyond the latest', () => {
    const rule = futureDay('2026-11-26', '2027-02-24', 'bad day');
    expect(rule('2026-11-27')).toBeUndefined();
    expect(rule('2027-02-24')).toBeUndefined();
    expect(rule('2026-11-26')).toBe('bad day');
    expect(rule('2027-02-25')).toBe('bad day');
    expect(rule('27.11.2026')).toBe('bad day');
  });
});
