// Builds the renderer alone to out/renderer/ for web mode (`koppel serve`); electron.vite.config.ts reuses it.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin, UserConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
export const rendererOutDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The dev server injects React Refresh as an inline script, which the strict CSP in index.html forbids.
 * Only while serving, allow inline scripts; built files keep the strict policy.
 */
export function devCspPlugin(): Plugin {
  return {
    name: 'koppel-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

/** Shared by the web build and the Electron renderer build. */
export function rendererConfig(): UserConfig {
  return {
    root,
    base: './',
    plugins: [react(), devCspPlugin()],
    worker: { format: 'es' },
    build: {
      outDir: rendererOutDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: fileURLToPath(new URL('./renderer/index.html', import.meta.url)) },
    },
  };
}

export default defineConfig(rendererConfig());
