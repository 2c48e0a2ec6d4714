import type { WebhookDelivery } from '../state/webhook-inbox.ts'
import { timeOf } from './time-of.ts'

const contactOf = (d: WebhookDelivery): string => {
  const identity = d.payload.contactIdentity
  return identity?.email ?? (d.eventName === 'testing.testEvent' ? 'test event' : '—')
}

/** One delivery: a summary row that opens to the payload, headers, attempts and a Redeliver button. */
export function WebhookRow({ delivery, open, onToggle, onRedeliver }: { delivery: WebhookDelivery; open: boolean; onToggle: () => void; onRedeliver: () => void }) {
  const d = delivery
  const last = d.attempts.at(-1)
  return (
    <li class="hook-row" data-state={d.state} data-event={d.eventName}>
      <button type="button" aria-expanded={open} onClick={onToggle}>
        <span class="time">{timeOf(d.createdAt)}</span>
        <span class="hook-event">{d.eventName}</span>
        <span class="hook-contact">{contactOf(d)}</span>
        <span class={`chip ${d.verified ? 'delivered' : 'failed'}`} title={d.verified ? 'The signature verifies with the endpoint secret' : 'The signature does not verify'}>
          {d.verified ? '✓ verified' : '✗ unverified'}
        </span>
        <span class="hint" title="attempts">×{d.attempts.length}</span>
        <span class={`chip ${d.state}`}>{d.state}</span>
      </button>
      {open && (
        <div class="hook-detail">
          <p class="hint">
            {d.id} → {d.target}
            {last ? ` · last answer ${last.status ?? 'none'}${last.error ? ` (${last.error})` : ''}` : ''}
            {d.nextAttemptAt ? ` · next attempt ${timeOf(d.nextAttemptAt)}` : ''}
          </p>
          <h3>Payload</h3>
          <pre aria-label="Webhook payload">{JSON.stringify(d.payload, null, 2)}</pre>
          <h3>Headers</h3>
          <pre aria-label="Webhook headers">{Object.entries(d.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
          <h3>Attempts</h3>
          <ol class="hook-attempts" aria-label="Attempts">
            {d.attempts.map((a, i) => (
              <li key={i}>
                {timeOf(a.at)} · {a.status ?? 'no answer'} · {a.latencyMs} ms{a.error ? ` · ${a.error}` : ''}
              </li>
            ))}
          </ol>
          <button type="button" class="btn small" disabled={d.state === 'pending'} onClick={onRedeliver}>
            Redeliver
          </button>
        </div>
      )}
    </li>
  )
}
