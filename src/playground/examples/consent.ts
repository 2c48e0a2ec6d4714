import type { Example } from './example.ts'

export const consent: Example = {
  id: 'consent',
  title: 'Consent granted vs denied',
  about: 'Granted marketing consent sends subscribed: true; denied consent leaves subscribed out (never false).',
  script: `// Visitor 1 granted marketing consent: their contact is subscribed.
datafly.setConsent({ marketing: true, analytics: true })
datafly.identify('user_3001', { email: 'ada@example.com', first_name: 'Ada' })
datafly.track('Signed Up', { plan: 'pro' })

// Visitor 2 (a new user id on this device) denied it: subscribed is left out, never false, so a missing signal
// unsubscribes nobody. (Loops subscribes a new contact by default, so the mock shows Lin subscribed too.)
datafly.setConsent({ marketing: false, analytics: true })
datafly.identify('user_3002', { email: 'lin@example.com', first_name: 'Lin' })
datafly.track('Signed Up', { plan: 'starter' })
`,
}
