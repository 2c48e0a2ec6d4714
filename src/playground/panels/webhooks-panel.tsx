import { useState } from 'preact/hooks'
import { WEBHOOK_EVENT_NAMES } from '../../core/webhooks/index.ts'
import { target } from '../state/target.ts'
import { browserWebhooks, webhookDeliveries, webhookEndpoint } from '../state/webhook-inbox.ts'
import { Panel } from './panel.tsx'
import { WebhookRow } from './webhook-row.tsx'

/** Runs a webhooks action; its error (a WebhookControlError's message) goes to the panel's notice. */
function useAction(): [string | null, (action: () => void) => void] {
  const [error, setError] = useState<string | null>(null)
  return [
    error,
    (action) => {
      try {
        action()
        setError(null)
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e))
      }
    },
  ]
}

/** The in-browser mock's outgoing webhooks: deliveries live, payload and headers on click, toggles, test event. */
export function WebhooksPanel() {
  const webhooks = browserWebhooks.value
  const endpoint = webhookEndpoint.value
  const deliveries = webhookDeliveries.value
  const [openId, setOpenId] = useState<string | null>(null)
  const [url, setUrl] = useState('')
  const [error, run] = useAction()
  if (target.value !== 'browser-mock' || !webhooks || !endpoint) {
    return (
      <Panel label="Webhooks" area="hooks">
        <p class="empty">
          {target.value === 'browser-mock'
            ? 'Starting the in-browser mock…'
            : 'This panel shows the in-browser mock\'s webhooks. For a mock server, run `loops-playground webhooks listen` and start the mock with --webhook-url.'}
        </p>
      </Panel>
    )
  }
  const on = WEBHOOK_EVENT_NAMES.filter((name) => endpoint.events[name]).length
  return (
    <Panel
      label="Webhooks"
      area="hooks"
      hint={`${deliveries.length} deliveries → ${endpoint.url ?? 'this page'}`}
      actions={
        <button type="button" class="btn small" onClick={() => run(() => webhooks.sendTestEvent())}>
          Send test event
        </button>
      }
    >
      <details class="subbar hook-settings">
        <summary>
          Settings: {on} of {WEBHOOK_EVENT_NAMES.length} events on{endpoint.enabled ? '' : ' · disabled'}
        </summary>
        <p class="hint">
          Secret <code>{endpoint.secret}</code>
        </p>
        <form
          class="hook-url"
          onSubmit={(event) => {
            event.preventDefault()
            run(() => webhooks.configure({ url: url.trim() === '' ? null : url.trim() }))
          }}
        >
          <label>
            Also send to URL{' '}
            <input class="url" type="url" placeholder="http://127.0.0.1:8790/" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn small">
            {url.trim() === '' ? 'Use this page' : 'Save'}
          </button>
        </form>
        {!endpoint.enabled && (
          <button type="button" class="btn small" onClick={() => run(() => webhooks.configure({ enabled: true }))}>
            Re-enable ({endpoint.disabledReason})
          </button>
        )}
        <fieldset class="hook-toggles">
          <legend>Events</legend>
          {WEBHOOK_EVENT_NAMES.map((name) => (
            <label key={name}>
              <input type="checkbox" checked={endpoint.events[name]} onChange={(e) => run(() => webhooks.configure({ events: { [name]: e.currentTarget.checked } }))} /> {name}
            </label>
          ))}
        </fieldset>
      </details>
      {error && (
        <div class="notice error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div class="scroll">
        {deliveries.length === 0 ? (
          <p class="empty">No webhooks yet. Send the example: the mock posts contact.created and friends here, signed.</p>
        ) : (
          <ul class="rows" aria-label="Deliveries">
            {deliveries
              .toReversed()
              .map((d) => (
                <WebhookRow
                  key={d.id}
                  delivery={d}
                  open={openId === d.id}
                  onToggle={() => setOpenId(openId === d.id ? null : d.id)}
                  onRedeliver={() => run(() => webhooks.redeliver(d.id))}
                />
              ))}
          </ul>
        )}
      </div>
    </Panel>
  )
}
