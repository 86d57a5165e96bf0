import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';

describe('routes', () => {
  it('matches parameters and decodes them', () => {
    expect(matchRoute('/s/:token', '/s/abc_-123')).toEqual({ token: 'abc_-123' });
    expect(matchRoute('/documents/:id/edit', '/documents/a%20b/edit')).toEqual({ id: 'a b' });
    expect(matchRoute('/documents', '/documents/')).toEqual({});
    expect(matchRoute('/documents/:id', '/documents/7?tab=shares')).toEqual({ id: '7' });
  });

  it('rejects other paths and broken encodings', () => {
    expect(matchRoute('/s/:token', '/s/')).toBeNull();
    expect(matchRoute('/s/:token', '/s/a/b')).toBeNull();
    expect(matchRoute('/documents/:id', '/clients/1')).toBeNull();
    expect(matchRoute('/s/:token', '/s/%E0%A4%A')).toBeNull();
  });
});
