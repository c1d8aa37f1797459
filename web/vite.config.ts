import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// `npm run dev`: the app with hot reload, /graphql (HTTP and WebSocket) and the dev token endpoint
// proxied to a gateway: PARLEY_GATEWAY_URL, default the one `bin/parley up` starts.
const gateway = process.env.PARLEY_GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [preact()],
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: true },
      '/dev/token': { target: gateway, changeOrigin: true },
      '/export': { target: gateway, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // scripts/budget.mjs checks the sizes that matter (initial JavaScript, gzipped).
    chunkSizeWarningLimit: 1024,
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
  },
});
