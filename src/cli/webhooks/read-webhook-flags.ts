import { readEventToggles, readWebhookSecret, readWebhookUrl } from '../../../mock-server/webhooks/read-endpoint-settings.ts'
import type { WebhookOptions } from '../../../mock-server/webhooks/webhook-types.ts'
import { UsageError } from '../usage-error.ts'

/** `mock-server`'s --webhook-url/--webhook-secret/--webhook-events as createMock's `webhooks` option. */
export function readWebhookFlags(url: string | undefined, secret: string | undefined, events: string | undefined): { webhooks?: WebhookOptions } {
  if (url === undefined && secret === undefined && events === undefined) return {}
  if (url === undefined) throw new UsageError('--webhook-secret and --webhook-events need --webhook-url (where to send the webhooks)')
  try {
    return {
      webhooks: {
        url: readWebhookUrl(url, '--webhook-url'),
        ...(secret !== undefined ? { secret: readWebhookSecret(secret, '--webhook-secret') } : {}),
        ...(events !== undefined ? { events: [...readEventToggles(events.split(',').map((e) => e.trim()).filter(Boolean), new Set(), '--webhook-events')] } : {}),
      },
    }
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
