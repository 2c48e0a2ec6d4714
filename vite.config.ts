import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      { extends: false, test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] } },
      { extends: false, test: { name: 'contract', environment: 'node', include: ['test/contract/**/*.test.ts'], testTimeout: 30_000 } },
    ],
  },
})
