import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The analyst SPA, served by the cloud's fastify plugin under /app/. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
