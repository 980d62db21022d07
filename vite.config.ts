import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { roundsServiceWorker } from './client/rounds/vite-plugins.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The client lives in client/ and is built to client/dist, which the server serves.
// Two pages: the desktop app (index.html) and the field app for rounds (rounds/index.html, its own
// small bundle and service worker, see client/rounds/README.md).
export default defineConfig(({ command }) => ({
  root: 'client',
  publicDir: 'public',
  plugins: [roundsServiceWorker()],
  // A build is always the production build, also when started from the test runner (NODE_ENV=test
  // would otherwise pick the libraries' development exports, e.g. Lit's dev mode at twice the size).
  ...(command === 'build' ? { resolve: { conditions: ['module', 'browser', 'production'] } } : {}),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: { main: here('client/index.html'), rounds: here('client/rounds/index.html'), 'rounds-sw': here('client/rounds/sw.ts') },
      output: { entryFileNames: (chunk) => (chunk.name === 'rounds-sw' ? 'rounds/sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/media': 'http://localhost:3000', '/guide': 'http://localhost:3000', '/w': 'http://localhost:3000' } },
}));
