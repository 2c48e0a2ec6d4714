import type { Example } from './example.ts'

export const workedExample: Example = {
  id: 'worked-example',
  title: 'Worked example (Order Completed)',
  about: "The Datafly document's example: one order, then identify. The event still reaches Sam's contact.",
  script: `// The Datafly Signal document's worked example.
// identify comes after the order, yet the order is sent for Sam: identity is resolved over the session.
datafly.track('Order Completed', {
  order_id: 'ORD-1042',
  revenue: 89.97,
  currency: 'GBP',
  tax: 14.99,
  shipping: 4.99,
  coupon: 'WELCOME10',
})
datafly.identify('user_8821', { email: 'sam@example.com', first_name: 'Sam' })
`,
}
