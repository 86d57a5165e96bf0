import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const conf = readFileSync(join(here, 'default.conf'), 'utf8');
const javaHeaders = readFileSync(join(here, '../../libs/web-support/src/main/java/ch/ontrack/web/SecurityHeaders.java'), 'utf8');
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/** The security headers as the Java services send them (SecurityHeaders.COMMON). */
function expectedHeaders(): Record<string, string> {
  const csp = /CONTENT_SECURITY_POLICY =\s*"([^"]+)"/.exec(javaHeaders)![1];
  const headers: Record<string, string> = {};
  for (const m of javaHeaders.matchAll(/h\.put\("([^"]+)",\s*(?:"([^"]*)"|CONTENT_SECURITY_POLICY)\)/g)) {
    headers[m[1]] = m[2] ?? csp;
  }
  return headers;
}

function configuredHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const m of conf.matchAll(/add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/g)) headers[m[1]] = m[2];
  return headers;
}

describe('nginx configuration of the web apps', () => {
  it('sends exactly the security headers of the services', () => {
    const expected = expectedHeaders();
    expect(Object.keys(expected)).toContain('Content-Security-Policy');
    expect(configuredHeaders()).toEqual(expected);
  });

  describe.skipIf(!nginx)('served by a real nginx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-nginx-'));
    let port = 0;
    let server: ChildProcess;
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;

    beforeAll(async () => {
      port = await freePort();
      const html = join(dir, 'html');
      mkdirSync(join(html, 'assets'), { recursive: true });
      writeFileSync(join(html, 'index.html'), '<!doctype html><title>app</title>');
      writeFileSync(join(html, 'assets', 'index-AbC123.js'), 'console.log(1)');
      // Workers may run as another user when the tests run as root: everything must be readable.
      chmodSync(dir, 0o755);
      const serverConf = conf.replace('listen 8080 default_server;', `listen 127.0.0.1:${port} default_server;`)
        .replace('root /usr/share/nginx/html;', `root ${html};`)
        .replace('access_log /dev/stdout oc_json;', `access_log ${join(dir, 'access.log')} oc_json;`);
      writeFileSync(join(dir, 'default.conf'), serverConf);
      const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
      writeFileSync(join(dir, 'nginx.conf'), [
        `pid ${join(dir, 'nginx.pid')};`, 'error_log stderr;', 'events {}', 'http {',
        '  include /etc/nginx/mime.types;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
        `  include ${join(dir, 'default.conf')};`, '}',
      ].join('\n'));
      execFileSync(nginx!, ['-e', 'stderr', '-p', dir, '-c', join(dir, 'nginx.conf'), '-t'], { stdio: 'pipe' });
      server = spawn(nginx!, ['-e', 'stderr', '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
      await waitForHealth(url('/healthz'));
    });

    afterAll(() => {
      server?.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers app routes with index.html that is never cached', async () => {
      for (const path of ['/', '/documents/42/edit', '/s/abcdefghijklmnopqrstuv']) {
        const res = await fetch(url(path));
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('<title>app</title>');
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      }
    });

    it('caches hashed assets for a year and never answers a missing one with HTML', async () => {
      const res = await fetch(url('/assets/index-AbC123.js'));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(url('/assets/missing-123.js'))).status).toBe(404);
    });

    it('sends the security headers on pages, assets and errors', async () => {
      for (const path of ['/', '/assets/index-AbC123.js', '/assets/missing.js', '/api/anything']) {
        const res = await fetch(url(path));
        for (const [name, value] of Object.entries(expectedHeaders())) expect(res.headers.get(name), `${name} on ${path}`).toBe(value);
      }
    });

    it('never writes a link token to the access log', async () => {
      for (const path of ['/s/SECRETtoken1', '//S/SECRETtoken2', '/api/shares/SECRETtoken3/unlock', '/API//Shares/SECRETtoken4',
        '/%73/SECRETtoken5', '/api/%73hares/SECRETtoken6']) {
        await fetch(url(path));
      }
      await fetch(url('/documents/42?cursor=abc'));
      const log = await waitForLog(join(dir, 'access.log'), '/documents/42');
      expect(log).toContain('"path":"/s/[redacted]"');
      expect(log).toContain('"path":"/api/shares/[redacted]"');
      expect(log).toContain('"path":"[redacted]"');
      expect(log).toContain('"path":"/documents/42"');
      expect(log).not.toContain('SECRETtoken');
      expect(log).not.toContain('cursor=abc');
    });

    it('has a health endpoint and does not pretend to be the API', async () => {
      const health = await fetch(url('/healthz'));
      expect(health.status).toBe(200);
      expect(await health.text()).toBe('ok\n');
      expect((await fetch(url('/api/shares/x'))).status).toBe(404);
      expect((await fetch(url('/.env'))).status).toBe(404);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** nginx writes its access log after the answer: wait until the line we look for is there. */
async function waitForLog(file: string, text: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const log = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (log.includes(text)) return log;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${text} never appeared in ${file}`);
}

async function waitForHealth(address: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start at ${address}`);
}
