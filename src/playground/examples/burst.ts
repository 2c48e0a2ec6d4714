import type { Example } from './example.ts'

const lines = Array.from(
  { length: 40 },
  (_, i) => `datafly.track('Product Viewed', { product_id: 'SKU-${String(i + 1).padStart(2, '0')}', position: ${i + 1} })`,
)

export const burst: Example = {
  id: 'burst',
  title: 'Burst of 40 events',
  about: "40 events at once: the sender keeps to Loops' 10 requests per second, and retries any 429.",
  script: `datafly.identify('user_5001', { email: 'burst@example.com', first_name: 'Bo' })
${lines.join('\n')}
`,
}
