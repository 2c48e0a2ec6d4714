import type { Example } from './example.ts'

export const consent: Example = {
  id: 'consent',
  title: 'Consent granted vs denied',
  about: 'Marketing consent granted sets subscribed: true; denied consent omits subscribed (never false).',
  script: `// Visitor 1 granted marketing consent: their contact is subscribed.
datafly.setConsent({ marketing: true, analytics: true })
datafly.identify('user_3001', { email: 'ada@example.com', first_name: 'Ada' })
datafly.track('Signed Up', { plan: 'pro' })

// Visitor 2 (a new user id on this device) denied it: subscribed is left out, so nobody is unsubscribed.
datafly.setConsent({ marketing: false, analytics: true })
datafly.identify('user_3002', { email: 'lin@example.com', first_name: 'Lin' })
datafly.track('Signed Up', { plan: 'starter' })
`,
}
