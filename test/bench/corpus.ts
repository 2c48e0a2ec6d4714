/** A deterministic corpus of realistic Datafly envelopes for benchmarks (no randomness, no I/O). */
export function makeCorpus(size: number): Record<string, unknown>[] {
  const events = ['Order Completed', 'Product Viewed', 'Product Added', 'Checkout Started', 'Signed Up', 'Plan Upgraded']
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < size; i++) {
    const visitor = `anon-${Math.floor(i / 10) % 5000}`
    const common = {
      anonymousId: visitor,
      messageId: `msg-${i.toString(36)}-${(i * 2654435761) >>> 0}`,
      timestamp: new Date(Date.UTC(2026, 10, 1) + i * 250).toISOString(),
      context: {
        page: { url: `https://shop.example/p/${i % 300}`, path: `/p/${i % 300}`, title: 'Product', referrer: '' },
        consent: { canonical: { analytics: true, marketing: i % 3 === 0 } },
      },
    }
    const kind = i % 10
    if (kind === 0) {
      out.push({ type: 'identify', userId: `user_${Math.floor(i / 10) % 5000}`, traits: { email: `user${Math.floor(i / 10) % 5000}@example.com`, first_name: 'Sam', plan: 'pro' }, ...common })
    } else if (kind < 3) {
      out.push({ type: 'page', name: 'Product', properties: {}, ...common })
    } else {
      out.push({
        type: 'track',
        event: events[i % events.length],
        properties: {
          order_id: `ORD-${i}`,
          revenue: (i % 1000) / 10,
          currency: 'GBP',
          coupon: i % 7 === 0 ? 'WELCOME10' : null,
          items: i % 4 === 0 ? [{ sku: `SKU-${i % 50}`, qty: 1 }] : undefined,
          in_stock: i % 2 === 0,
        },
        ...common,
      })
    }
  }
  return out
}
