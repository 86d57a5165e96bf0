import { describe, expect, it } from 'vitest';
import { ApiError } from '@oc/web-ui/problem';
import { previewKind, typeLabel, viewOfError, viewOfStatus, wrongCodeAttempts } from './access';

const problem = (status: number, type: string, extra: Record<string, unknown> = {}) =>
  new ApiError(status, { type: `https://on-track.ch/problems/${type}`, title: type, status, ...extra });

describe('the landing page of a link', () => {
  it('asks for the code while the link is available', () => {
    expect(viewOfStatus({ state: 'AVAILABLE', attemptsLeft: 5, language: 'de' })).toEqual({
      kind: 'code',
      attemptsLeft: 5,
    });
    expect(viewOfStatus({ state: 'LOCKED', attemptsLeft: 0, language: 'de' })).toEqual({ kind: 'locked' });
    expect(viewOfStatus({ state: 'EXPIRED', language: 'de' })).toEqual({ kind: 'expired' });
    expect(viewOfStatus({ state: 'REVOKED', language: 'de' })).toEqual({ kind: 'revoked' });
  });

  it('explains each error answer of the API', () => {
    expect(viewOfError(problem(404, 'not-found'))).toEqual({ kind: 'unknown' });
    expect(viewOfError(problem(423, 'share-locked', { attemptsLeft: 0 }))).toEqual({ kind: 'locked' });
    expect(viewOfError(problem(410, 'share-expired'))).toEqual({ kind: 'expired' });
    expect(viewOfError(problem(410, 'share-revoked'))).toEqual({ kind: 'revoked' });
    expect(viewOfError(problem(429, 'too-many-attempts')).kind).toBe('failed');
    expect(viewOfError(new ApiError(0, { type: 'network' })).kind).toBe('failed');
  });

  it('reads the attempts left from a wrong code answer', () => {
    expect(wrongCodeAttempts(problem(403, 'wrong-access-code', { attemptsLeft: 3 }))).toBe(3);
    expect(wrongCodeAttempts(problem(403, 'wrong-access-code'))).toBe(0);
    expect(wrongCodeAttempts(problem(423, 'share-locked'))).toBeUndefined();
  });
});

describe('files', () => {
  it('previews only PDF and common images inline', () => {
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('IMAGE/JPEG; charset=binary')).toBe('image');
    expect(previewKind('image/svg+xml')).toBeUndefined();
    expect(previewKind('text/html')).toBeUndefined();
  });

  it('names file types in plain words', () => {
    expect(typeLabel('application/pdf')).toEqual({ key: 'typePdf' });
    expect(typeLabel('image/png')).toEqual({ key: 'typeImage', params: { subtype: 'PNG' } });
    expect(typeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document').key).toBe('typeWord');
    expect(typeLabel('application/x-unknown')).toEqual({ key: 'typeOther', params: { type: 'application/x-unknown' } });
  });
});
