import { defineConfig } from 'vite';

// The client lives in client/ and is built to client/dist, which the server serves.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/media': 'http://localhost:3000', '/guide': 'http://localhost:3000', '/w': 'http://localhost:3000' } },
});
