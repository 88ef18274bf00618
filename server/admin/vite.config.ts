import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The NestJS server serves `dist/` at /admin (index.html fallback for client routes).
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one big vendor chunk however it is split; warn only well above it.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Vendor chunks change less often than the app: better browser caching across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/].*[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 20 },
            // antd's rc-component internals (and dayjs for the date pickers) apart: keeps each vendor chunk below the limit.
            { name: 'antd-rc', test: /[\\/]node_modules[\\/].*[\\/]node_modules[\\/](@rc-component|dayjs)[\\/]/, priority: 15 },
            // the product form's description editor and drag-and-drop gallery: loaded with that page only
            { name: 'editor', test: /[\\/]node_modules[\\/].*[\\/]node_modules[\\/](@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs|@dnd-kit)[\\/]/, priority: 18 },
            { name: 'antd', test: /[\\/]node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  // @mc/shared is a linked CommonJS package: the dev server pre-bundles it into ESM (the build converts it itself).
  optimizeDeps: { include: ['@mc/shared'] },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    testTimeout: 20000,
  },
});
