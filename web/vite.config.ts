/**
 * The single-page app: root web/, built to web/dist, served by the Fastify server at /
 * (src/server/app.ts, SPA fallback). `npm run build:web`.
 * In development, `vite --config web/vite.config.ts` proxies /api to the server on :3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The entry chunk must stay small (issue 6: initial JavaScript < 350 KB gzip); pages and
    // ECharts are loaded lazily, so a large chunk here means an eager import crept in.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries every page uses go into one long-cached vendor chunk.
        // ECharts stays out of these groups: it is only reached through a lazy import.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
