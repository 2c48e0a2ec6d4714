import { effect, type ReadonlySignal } from '@preact/signals'
import { applyDeliveries, type DeliveryLike } from './clay-model.ts'
import { clayTable } from './clay-store.ts'
import { autoRun } from './run-http-column.ts'

/**
 * The Webhook source: each new `contact.created` delivery of the in-browser mock becomes a new row (its body in
 * the Webhook cell, mapped columns filled), and Auto-update columns run for it.
 */
export function connectWebhookSource(deliveries: ReadonlySignal<readonly DeliveryLike[]>): () => void {
  return effect(() => {
    const list = deliveries.value
    const { table, added } = applyDeliveries(clayTable.peek(), list)
    if (added.length === 0) return
    clayTable.value = table
    autoRun(added)
  })
}
