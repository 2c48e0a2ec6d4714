import type { ListenedDelivery } from './start-webhook-listener.ts'

/** One line per delivery: time, verified mark, event, contact email, webhook-id, the answer (and the app's). */
export function formatListened(d: ListenedDelivery): string {
  const time = d.at.slice(11, 19)
  if (!d.verified) return `${time}  ✗ ${d.status} ${d.error?.code ?? ''}  ${d.eventName ?? '?'}  ${d.id ?? '(no webhook-id)'}  ${d.error?.message ?? ''}\n`
  const app = d.forward === undefined ? '' : d.forward.status === null ? `  → app: ${d.forward.error ?? 'no answer'}` : `  → app ${d.forward.status} (${d.forward.latencyMs} ms)`
  return `${time}  ✓ verified  ${d.eventName ?? '?'}  ${d.email ?? '-'}  ${d.id ?? ''}${app}\n`
}
