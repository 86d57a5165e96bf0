import { defineConfig } from 'vitest/config';

/**
 * The build both apps share: hashed files under /assets/, no inline scripts or styles (so pages
 * run under `default-src 'self'`), and one test run that covers everything the app ships: its own
 * code, this shared library and the nginx configuration that serves it.
 */
export function appConfig(devPort: number, devApi: string) {
  return defineConfig({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      assetsDir: 'assets',
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      target: 'es2022',
    },
    server: { port: devPort, proxy: { '/api': devApi } },
    test: {
      include: ['src/**/*.test.{ts,tsx}', '../../libs/web-ui/src/**/*.test.{ts,tsx}', '../frontend-nginx/*.test.ts'],
      environment: 'node',
    },
  });
}
