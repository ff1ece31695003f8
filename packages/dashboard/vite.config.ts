import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm --filter @snag/dashboard dev` serves the SPA with hot reload and forwards API calls to a
// running Snag server (SNAG_URL, default the local one); sign in there as in production.
const SNAG_URL = process.env.SNAG_URL ?? 'http://127.0.0.1:4318';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be an inline script, which the dashboard's CSP forbids.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/share', '/sdk.js', '/sdk'].map((prefix) => [prefix, SNAG_URL])),
  },
});
