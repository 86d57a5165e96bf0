import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, csrfToken } from './api';
import { ApiError } from './problem';

// A real HTTP server that answers like the backends do, and remembers what it received.
let server: Server;
let base = '';
const received: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/api/csrf') {
        res.writeHead(204, { 'Set-Cookie': 'XSRF-TOKEN=fresh; Path=/' }).end();
      } else if (req.url === '/api/ok') {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ id: '1', echo: body ? JSON.parse(body) : null }));
      } else if (req.url === '/api/empty') {
        res.writeHead(204).end();
      } else if (req.url === '/api/wrong-code') {
        res.writeHead(403, { 'Content-Type': 'application/problem+json' }).end(
          JSON.stringify({
            type: 'https://on-track.ch/problems/wrong-access-code',
            title: 'Wrong access code',
            status: 403,
            detail: 'The access code is not correct. 4 attempts left.',
            attemptsLeft: 4,
          }),
        );
      } else if (req.url === '/api/me') {
        res
          .writeHead(401, { 'Content-Type': 'application/problem+json' })
          .end(
            JSON.stringify({ type: 'https://on-track.ch/problems/unauthorized', title: 'Unauthorized', status: 401 }),
          );
      } else {
        res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const last = () => received[received.length - 1];
const failure = (call: Promise<unknown>) =>
  call.then(
    () => expect.unreachable('the call should fail'),
    (e: ApiError) => e,
  );

describe('Api', () => {
  it('sends the CSRF token from the cookie on unsafe requests only', async () => {
    const api = new Api({ base, cookies: () => 'theme=dark; XSRF-TOKEN=a%2Bb%3D; other=1' });
    await api.get('/api/ok');
    expect(last().headers['x-xsrf-token']).toBeUndefined();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      await api.request(method, '/api/ok', { name: 'x' });
      expect(last().method).toBe(method);
      expect(last().headers['x-xsrf-token']).toBe('a+b=');
      expect(last().headers['content-type']).toBe('application/json');
    }
  });

  it('fetches a CSRF cookie first when there is none yet', async () => {
    let cookies = '';
    const api = new Api({ base, csrfPath: '/api/csrf', cookies: () => cookies });
    await api.get('/api/ok');
    expect(last().url).toBe('/api/ok');
    const before = received.length;
    cookies = '';
    // The test server's Set-Cookie does not reach this fake cookie jar, so emulate the browser storing it.
    const fetched = api.post('/api/ok', {});
    cookies = 'XSRF-TOKEN=fresh';
    await fetched;
    expect(received.slice(before).map((r) => r.url)).toEqual(['/api/csrf', '/api/ok']);
    expect(last().headers['x-xsrf-token']).toBe('fresh');
  });

  it('sends JSON bodies and returns parsed JSON', async () => {
    const api = new Api({ base, cookies: () => '' });
    const result = await api.post<{ id: string; echo: unknown }>('/api/ok', { email: 'a@b.ch' });
    expect(result).toEqual({ id: '1', echo: { email: 'a@b.ch' } });
    expect(last().headers['x-xsrf-token']).toBeUndefined();
  });

  it('sends the language shown as Accept-Language when the app gives one', async () => {
    let language = 'fr';
    const api = new Api({ base, cookies: () => '', language: () => language });
    await api.get('/api/ok');
    expect(last().headers['accept-language']).toBe('fr');
    language = 'it';
    await api.get('/api/ok');
    expect(last().headers['accept-language']).toBe('it');
  });

  it('returns nothing for 204', async () => {
    await expect(new Api({ base }).delete('/api/empty')).resolves.toBeUndefined();
  });

  it('maps problem+json to an ApiError with its extension members', async () => {
    const error = await failure(new Api({ base }).post('/api/wrong-code', { code: 'X' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(403);
    expect(error.type).toBe('wrong-access-code');
    expect(error.number('attemptsLeft')).toBe(4);
    expect(error.detail).toBe('The access code is not correct. 4 attempts left.');
  });

  it('maps an error that is not problem+json to its status alone', async () => {
    const error = await failure(new Api({ base }).get('/api/nowhere'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.detail).toBe('');
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await failure(new Api({ base: 'http://127.0.0.1:1' }).get('/api/ok'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.network).toBe(true);
  });

  it('tells the app about every error before throwing it', async () => {
    const seen: number[] = [];
    const api = new Api({ base, onError: (e) => seen.push(e.status) });
    await api.get('/api/me').catch(() => undefined);
    await api.get('/api/ok');
    expect(seen).toEqual([401]);
  });
});

describe('csrfToken', () => {
  it('finds the named cookie and decodes it', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=abc%3D%3D')).toBe('abc==');
    expect(csrfToken('XSRF-TOKEN=plain')).toBe('plain');
    expect(csrfToken('NOT-XSRF-TOKEN=x; a=b')).toBeUndefined();
    expect(csrfToken('')).toBeUndefined();
    expect(csrfToken('XSRF-TOKEN=%E0%A4%A')).toBe('%E0%A4%A');
  });
});
