import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The fleet admin SPA, served by the gateway (gateway/src/http/admin-web.ts) under /admin/. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
