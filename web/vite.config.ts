import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The gateway serves the build at /app/ on the API's origin; `npm run dev` proxies the API to a running gateway
// and presents the gateway's own origin, which the services' cross-site guard allows.
const gateway = process.env.LMS_GATEWAY ?? 'http://127.0.0.1:8080';
// `/health` is the gateway's own: the admin's platform health page reads it.
const api = ['/identity', '/institution', '/company', '/student', '/content', '/live', '/board', '/health'];

const proxy = Object.fromEntries(api.map((prefix) => [prefix, { target: gateway, ws: true, headers: { origin: gateway } }]));

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', 'junit'],
    outputFile: { junit: 'test-results/vitest.xml' },
  },
});
