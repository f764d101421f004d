import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The production server applies a strict CSP (no inline scripts or styles), so the build
// must emit only external files: no module-preload polyfill, no inlined assets.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
