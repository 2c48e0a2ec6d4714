import type { LoopsRequest } from '../../core/index.ts'
import { toJsLiteral } from './to-js-literal.ts'

const EVENT_FIELDS = new Set(['email', 'userId', 'eventName', 'eventProperties', 'mailingLists', 'contactProperties'])
const CONTACT_FIELDS = new Set(['email', 'userId', 'mailingLists'])

type Body = Record<string, unknown>

/** `{ a, b }` fields of a call's argument, in the order given, leaving out the ones without a value. */
function argument(fields: [string, unknown][]): string {
  const present = fields.filter(([, value]) => value !== undefined)
  return `{\n${present.map(([name, value]) => `  ${name}: ${toJsLiteral(value, '  ')},`).join('\n')}\n}`
}

function sendEvent(body: Body, headers: Record<string, string>): string {
  // the SDK puts contact properties at the root of the body (Loops' documented shape): the preset's nested
  // `contactProperties` and any root-level ones travel together there
  const nested = body.contactProperties
  const root = Object.fromEntries(Object.entries(body).filter(([key]) => !EVENT_FIELDS.has(key)))
  const contactProperties = { ...(typeof nested === 'object' && nested !== null ? nested : {}), ...root }
  const key = headers['Idempotency-Key']
  return `await loops.sendEvent(${argument([
    ['email', body.email],
    ['userId', body.userId],
    ['eventName', body.eventName],
    ['contactProperties', Object.keys(contactProperties).length > 0 ? contactProperties : undefined],
    ['eventProperties', body.eventProperties],
    ['mailingLists', body.mailingLists],
    ['headers', key === undefined ? undefined : { 'Idempotency-Key': key }],
  ])})`
}

function updateContact(body: Body): string {
  const properties = Object.fromEntries(Object.entries(body).filter(([key]) => !CONTACT_FIELDS.has(key)))
  return `await loops.updateContact(${argument([
    ['email', body.email],
    ['userId', body.userId],
    ['properties', Object.keys(properties).length > 0 ? properties : undefined],
    ['mailingLists', body.mailingLists],
  ])})`
}

/** One request as the official `loops` SDK call that sends it (events/send → sendEvent, contacts/update → updateContact). */
export function toSdkCall(request: LoopsRequest): string {
  const body = request.body as Body
  if (request.path === '/api/v1/events/send') return sendEvent(body, request.headers)
  if (request.path === '/api/v1/contacts/update') return updateContact(body)
  return `// ${request.method} ${request.path}: the loops SDK has no call for this request; use "Copy as fetch"`
}

/**
 * The requests as a script using the official `loops` SDK (npm i loops), the key read from
 * `process.env.LOOPS_API_KEY`. The SDK builds each body itself: the same fields, in its own key order, with contact
 * properties at the root.
 */
export function toSdkCode(requests: readonly LoopsRequest[]): string {
  return [
    "import { LoopsClient } from 'loops'",
    '',
    'const apiKey = process.env.LOOPS_API_KEY',
    "if (!apiKey) throw new Error('Set LOOPS_API_KEY to your Loops API key')",
    'const loops = new LoopsClient(apiKey)',
    '',
    ...requests.map((request) => `${toSdkCall(request)}\n`),
  ].join('\n')
}
