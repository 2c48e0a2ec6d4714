import type { MockSeed, PropertyType } from './types.ts'

/** Loops' default contact properties, in the order `GET /api/v1/contacts/properties?list=all` returned them live. */
export const DEFAULT_PROPERTIES: { key: string; label: string; type: PropertyType; internal?: boolean }[] = [
  { key: 'firstName', label: 'First Name', type: 'string' },
  { key: 'lastName', label: 'Last Name', type: 'string' },
  { key: 'email', label: 'Email', type: 'string' },
  { key: 'notes', label: 'Notes', type: 'string' },
  { key: '__domain', label: '__domain', type: 'string', internal: true },
  { key: 'userId', label: 'User Id', type: 'string' },
  { key: 'subscribed', label: 'Subscribed', type: 'boolean' },
  { key: 'createdAt', label: 'Created At', type: 'date' },
  { key: '__marketing_audience', label: '__marketing_audience', type: 'boolean', internal: true },
  { key: 'userGroup', label: 'User Group', type: 'string' },
  { key: 'source', label: 'Source', type: 'string' },
  { key: '__critical_audience', label: '__critical_audience', type: 'boolean', internal: true },
]

/** The observed live dedicated sending IPs. */
export const DEDICATED_SENDING_IPS = ['216.221.169.107', '54.240.39.204', '76.223.139.17', '23.251.229.168', '24.110.89.109']

/** What every team starts with: two mailing lists, two custom properties and three transactional emails. */
export const DEFAULT_SEED: Required<Pick<MockSeed, 'lists' | 'properties' | 'transactionalEmails'>> = {
  lists: [
    { id: 'cm3n274xf027h0mi33t4qhrdg', name: 'Newsletter', description: null, isPublic: true },
    { id: 'cm6gb0ku002d00kiig98e153r', name: 'Product Updates', description: 'Release notes, monthly', isPublic: false },
  ],
  properties: [
    { key: 'planName', label: 'Plan Name', type: 'string' },
    { key: 'signupDate', label: 'Signup Date', type: 'date' },
  ],
  transactionalEmails: [
    {
      id: 'cm3n2vjux00cgeyeflew9ly2w',
      name: 'Welcome',
      dataVariables: ['firstName', { name: 'couponCode', required: false }],
      published: true,
    },
    { id: 'cm5f7cit100w7uh2o42368xg1', name: 'Password reset', dataVariables: ['resetUrl'], published: true },
    { id: 'cm7draft000000000000000001', name: 'Order shipped (draft)', dataVariables: ['trackingUrl'], published: false },
  ],
}

/** "planName" → "Plan Name": labels of API-created properties are the Title Case of the name. */
export const labelOf = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ (.)/g, (_, c: string) => ` ${c.toUpperCase()}`)
