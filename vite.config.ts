import preact from '@preact/preset-vite'
import { msw } from 'msw/vite'
import { defineConfig } from 'vitest/config'
import { loopsProxyPlugin } from './src/proxy/vite-proxy-plugin.ts'

export default defineConfig({
  plugins: [preact(), msw({ mode: 'worker-only' }), loopsProxyPlugin()],
  // dist/ is the npm package (tsconfig.build.json); the playground's static build goes beside it
  build: { target: 'es2023', chunkSizeWarningLimit: 4096, outDir: 'playground-dist' },
  worker: { format: 'es' },
  test: {
    projects: [
      { extends: false, test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] } },
      { extends: false, test: { name: 'contract', environment: 'node', include: ['test/contract/**/*.test.ts'], testTimeout: 30_000 } },
    ],
  },
})
