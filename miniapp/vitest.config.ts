import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// Component tests in jsdom with Taro replaced by small DOM stand-ins (shared/research/taro-miniapp.md §6a).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: [
      { find: /^@tarojs\/taro$/, replacement: here('./test/mocks/taro.ts') },
      { find: /^@tarojs\/components$/, replacement: here('./test/mocks/components.tsx') },
      { find: /^@\//, replacement: here('./src/') },
    ],
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    // Read at run time (not inlined), so a test can vi.stubEnv('TARO_ENV', 'weapp').
    env: { TARO_ENV: 'h5', TARO_APP_API: 'http://127.0.0.1:3000' },
    css: false,
  },
})
