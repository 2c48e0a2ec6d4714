import type { Example } from './example.ts'

export const invalidProperty: Example = {
  id: 'invalid-property',
  title: 'Invalid property',
  about: 'A value that is not a literal makes the call invalid; an array is dropped with a warning.',
  script: `datafly.identify('user_4001', { email: 'noor@example.com' })
// price is an expression: the script is read, never run, so the call is invalid.
datafly.track('Product Added', { product_id: 'SKU-9', price: cart.total })
// items is an array: Loops takes only scalars, so it is dropped with a warning.
datafly.track('Checkout Started', { value: 42, items: [{ sku: 'SKU-9' }] })
`,
}
