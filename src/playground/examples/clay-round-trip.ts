import type { Example } from './example.ts'

const UPDATE_BODY = `{
  "email": "{{Email}}",
  "company": "{{Company}}",
  "companySize": {{Size}}
}
`

const EVENT_BODY = `{
  "email": "{{Email}}",
  "eventName": "clay_enriched",
  "company": "{{Company}}",
  "eventProperties": {
    "companySize": {{Size}}
  }
}
`

export const clayRoundTrip: Example = {
  id: 'clay-round-trip',
  title: 'Clay round trip',
  about:
    'Send: each identify creates a contact, Loops posts contact.created to the Clay table, the lookup adds company and size, and two HTTP API columns write them back (PUT contacts/update) and send clay_enriched only for rows with a company.',
  script: `// Clay round trip: Datafly → Loops → Clay (webhook) → enrichment → Loops.
// Send, then watch the Clay table: a row per new contact, 200 in the HTTP API cells, and the enriched
// properties on the contacts in Mock state. lin@gmail.com has no company, so "Send event" skips it.
datafly.identify('user_301', { email: 'ada@acme.dev', first_name: 'Ada' })
datafly.track('Signed Up', { plan: 'team' })
datafly.identify('user_302', { email: 'lin@gmail.com', first_name: 'Lin' })
datafly.track('Signed Up', { plan: 'free' })
`,
  preset: { name: 'Clay round trip', identify: 'contacts/update' },
  clay: {
    columns: [
      { name: 'Webhook', kind: 'webhook' },
      { name: 'Email', kind: 'mapped', path: ['contact', 'email'] },
      { name: 'First name', kind: 'mapped', path: ['contact', 'firstName'] },
      { name: 'Company', kind: 'enrichment', field: 'company', from: 'Email' },
      { name: 'Size', kind: 'enrichment', field: 'size', from: 'Email' },
    ],
    rows: [],
    http: [
      {
        id: 'h1',
        name: 'Write back to Loops',
        method: 'PUT',
        endpoint: 'https://app.loops.so/api/v1/contacts/update',
        body: UPDATE_BODY,
        onlyIf: '',
        removeEmpty: true,
        autoUpdate: true,
      },
      {
        id: 'h2',
        name: 'Send event',
        method: 'POST',
        endpoint: 'https://app.loops.so/api/v1/events/send',
        body: EVENT_BODY,
        onlyIf: 'Company',
        removeEmpty: true,
        autoUpdate: true,
      },
    ],
    seen: [],
    nextId: 3,
  },
}
