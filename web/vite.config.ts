import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/ but builds into the repository's dist/web, which the API server
// serves (with an SPA fallback). In development the API runs on :3000 and Vite proxies to it,
// so the session cookie stays first-party and same-origin.
const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  // The pure domain (CCCD/MST/phone validators, the authorization policy) is shared with the
  // server: one copy of each rule. It has no I/O and no Node imports. The HTTP contract (request
  // and response schemas, src/contract) too: the web app imports its inferred types.
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../src/domain', import.meta.url)),
      '@contract': fileURLToPath(new URL('../src/contract', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
});
