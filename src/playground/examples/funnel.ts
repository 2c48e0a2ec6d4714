import type { Example } from './example.ts'

export const funnel: Example = {
  id: 'funnel',
  title: 'Standard funnel',
  about: 'page → signed up → logged in → product viewed → added → checkout started → order completed.',
  script: `datafly.page('Pricing', { url: 'https://shop.example.com/pricing', path: '/pricing', title: 'Pricing' })
datafly.identify('user_2001', { email: 'maya@example.com', first_name: 'Maya', last_name: 'Okafor' })
datafly.track('Signed Up', { plan: 'starter', method: 'email' })
datafly.track('Logged In', { method: 'password' })
datafly.track('Product Viewed', { product_id: 'SKU-77', name: 'Trail Runner', price: 120 })
datafly.track('Product Added', { product_id: 'SKU-77', quantity: 1, price: 120 })
datafly.track('Checkout Started', { value: 120, currency: 'EUR' })
datafly.track('Order Completed', { order_id: 'ORD-5001', revenue: 120, currency: 'EUR' })
`,
}
