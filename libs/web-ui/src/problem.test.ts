import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, shownFieldErrors, slug } from './problem';

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
      errors: [
        { field: 'email', message: 'must be a well-formed email address' },
        { field: 'email', message: 'second' },
      ],
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
    expect(
      errorMessage(new ApiError(409, { title: 'Conflict', detail: 'Already exists.' }), 'fallback', 'offline'),
    ).toBe('Already exists.');
    expect(errorMessage(new ApiError(409, { title: 'Conflict' }), 'fallback', 'offline')).toBe('Conflict');
    expect(errorMessage(new ApiError(500, {}), 'fallback', 'offline')).toBe('fallback');
    expect(errorMessage(new ApiError(0, { type: 'network' }), 'fallback', 'offline')).toBe('offline');
    expect(errorMessage(new TypeError('boom'), 'fallback', 'offline')).toBe('fallback');
  });

  it("prefers the app's own words for a known problem type and hides English words in other languages", () => {
    const taken = new ApiError(409, {
      type: 'https://on-track.ch/problems/email-taken',
      detail: 'This e-mail is taken.',
    });
    const byType = (type: string) =>
      type === 'email-taken' ? 'Diese E-Mail-Adresse ist bereits registriert.' : undefined;
    expect(errorMessage(taken, 'fallback', 'offline', { byType, apiWords: false })).toBe(
      'Diese E-Mail-Adresse ist bereits registriert.',
    );
    const other = new ApiError(409, { type: 'https://on-track.ch/problems/other', detail: 'English words.' });
    expect(errorMessage(other, 'Etwas ist schiefgelaufen.', 'offline', { byType, apiWords: false })).toBe(
      'Etwas ist schiefgelaufen.',
    );
    expect(errorMessage(other, 'fallback', 'offline', { byType, apiWords: true })).toBe('English words.');
  });

  it("replaces the API's field messages by a generic one when they may not be shown", () => {
    const e = new ApiError(422, { errors: [{ field: 'email', message: 'must be a well-formed email address' }] });
    expect(shownFieldErrors(e, true, 'Ungültig.')).toEqual({ email: 'must be a well-formed email address' });
    expect(shownFieldErrors(e, false, 'Ungültig.')).toEqual({ email: 'Ungültig.' });
    expect(shownFieldErrors(new TypeError('x'), false, 'Ungültig.')).toEqual({});
  });
});
