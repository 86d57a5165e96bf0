import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, slug } from './problem';

describe('problem+json errors', () => {
  it('keeps the stable slug of the problem type', () => {
    expect(slug('https://on-track.ch/problems/wrong-access-code')).toBe('wrong-access-code');
    expect(slug('about:blank')).toBe('');
    expect(slug('')).toBe('');
  });

  it('reads title, detail, field errors and extension members', () => {
    const e = new ApiError(403, {
      type: 'https://on-track.ch/problems/wrong-access-code',
      title: 'Wrong access code',
      detail: 'The access code is not correct. 3 attempts left.',
      attemptsLeft: 3,
      errors: [{ field: 'email', message: 'must be a well-formed email address' }, { field: 'email', message: 'second' }],
    });
    expect(e.status).toBe(403);
    expect(e.type).toBe('wrong-access-code');
    expect(e.message).toBe('The access code is not correct. 3 attempts left.');
    expect(e.number('attemptsLeft')).toBe(3);
    expect(e.number('missing')).toBeUndefined();
    expect(e.fieldErrors).toEqual({ email: 'must be a well-formed email address' });
  });

  it('survives bodies that are not problems at all', () => {
    const e = new ApiError(502, { errors: 'nope', attemptsLeft: '3' });
    expect(e.type).toBe('');
    expect(e.fieldErrors).toEqual({});
    expect(e.number('attemptsLeft')).toBeUndefined();
    expect(e.message).toBe('HTTP 502');
  });

  it('shows the API detail first, then the title, then our fallback', () => {
    expect(errorMessage(new ApiError(409, { title: 'Conflict', detail: 'Already exists.' }), 'fallback', 'offline')).toBe('Already exists.');
    expect(errorMessage(new ApiError(409, { title: 'Conflict' }), 'fallback', 'offline')).toBe('Conflict');
    expect(errorMessage(new ApiError(500, {}), 'fallback', 'offline')).toBe('fallback');
    expect(errorMessage(new ApiError(0, { type: 'network' }), 'fallback', 'offline')).toBe('offline');
    expect(errorMessage(new TypeError('boom'), 'fallback', 'offline')).toBe('fallback');
  });
});
