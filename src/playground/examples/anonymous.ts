import type { Example } from './example.ts'

export const anonymous: Example = {
  id: 'anonymous',
  title: 'Anonymous-only event',
  about: 'No identify, no email: Loops cannot take the event, so it is skipped with the reason.',
  script: `// Nobody has identified yet: no user id, no email trait.
datafly.page('Home', { path: '/' })
datafly.track('Product Viewed', { product_id: 'SKU-12' })
`,
}
