import { isWebhookEventName, WEBHOOK_EVENT_NAMES, webhookSecretProblem, type WebhookEventName } from '../../src/core/webhooks/index.ts'
import { WebhookControlError } from './webhook-control-error.ts'

const bad = (message: string): WebhookControlError => new WebhookControlError(400, message)

/** A webhook URL: absolute http(s), no credentials in it; else a 400 saying what is wrong. */
export function readWebhookUrl(value: unknown, where = '`url`'): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad(`${where} must be an http(s) URL such as "http://127.0.0.1:8790/webhooks", got ${JSON.stringify(value)}`)
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw bad(`${where} "${value}" is not a URL; write it whole, with the scheme: "http://127.0.0.1:8790/webhooks"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(`${where} "${value}" must use http or https, not ${url.protocol.replace(':', '')}`)
  return url.href
}

export function readWebhookSecret(value: unknown, where = '`secret`'): string {
  const problem = webhookSecretProblem(value)
  if (problem !== undefined) throw bad(`${where}: ${problem}`)
  return value as string
}

/**
 * Event toggles: a list turns exactly those events on; an object `{name: boolean}` changes only the events it
 * names (on top of `current`). Unknown names are a 400 that lists the known ones.
 */
export function readEventToggles(value: unknown, current: ReadonlySet<WebhookEventName>, where = '`events`'): Set<WebhookEventName> {
  const unknown = (name: string): WebhookControlError =>
    bad(`${where}: "${name}" is not a Loops webhook event; the events are ${WEBHOOK_EVENT_NAMES.join(', ')}`)
  if (Array.isArray(value)) {
    const on = new Set<WebhookEventName>()
    for (const name of value as unknown[]) {
      if (!isWebhookEventName(name)) throw unknown(String(name))
      on.add(name)
    }
    return on
  }
  if (typeof value !== 'object' || value === null) throw bad(`${where} must be a list of event names or an object {"contact.created": true, …}`)
  const next = new Set(current)
  for (const [name, on] of Object.entries(value)) {
    if (!isWebhookEventName(name)) throw unknown(name)
    if (typeof on !== 'boolean') throw bad(`${where}: "${name}" must be true or false, got ${JSON.stringify(on)}`)
    if (on) next.add(name)
    else next.delete(name)
  }
  return next
}
