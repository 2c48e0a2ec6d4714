import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

// The `webhooks:` block of Loops' OpenAPI document (vendored in ./reference): a request-body schema per event.
const OPENAPI_PATH = new URL('./reference/loops-openapi-1.21.6.yaml', import.meta.url)
const DOC_ID = 'https://loops.so/openapi-1.21.6-webhooks.json'

interface OpenApiDoc {
  webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown; example?: unknown }> } } }>
}

const doc = parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDoc
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema({ ...doc, $id: DOC_ID })

/** 'contact.mailingList.subscribed' → 'contactMailingListSubscribed' (the key in the `webhooks:` block) */
export const webhookKey = (eventName: string): string =>
  eventName.split('.').map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1))).join('')

/** Every event the OpenAPI document defines, as `eventName` values. */
export const documentedWebhookKeys = (): string[] => Object.keys(doc.webhooks)

/** The example Loops' document gives for an event. */
export function webhookExample(eventName: string): unknown {
  return doc.webhooks[webhookKey(eventName)]?.post.requestBody.content['application/json']?.example
}

/** Validates a webhook payload against the schema of its `eventName`; the list of errors (empty = valid). */
export function webhookPayloadErrors(payload: unknown): string[] {
  const eventName = (payload as { eventName?: unknown } | null)?.eventName
  if (typeof eventName !== 'string') return ['(root) has no string eventName']
  const key = webhookKey(eventName)
  if (!doc.webhooks[key]) return [`the OpenAPI document has no webhook "${key}" for eventName "${eventName}"`]
  const validate = ajv.getSchema(`${DOC_ID}#/webhooks/${key}/post/requestBody/content/application~1json/schema`)
  if (!validate) throw new Error(`cannot compile the webhook schema for ${eventName}`)
  return validate(payload) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`)
}
