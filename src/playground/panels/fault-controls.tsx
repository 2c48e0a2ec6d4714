import { browserMockKey, browserMockLimit, setBrowserMockLimit } from '../mock/start-in-browser-mock.ts'
import type { FaultRule } from '../../../mock-server/types.ts'
import { describeFaults } from '../state/describe-faults.ts'
import { controlMock, faultNotes, keyInMock, mockSnapshot, refreshMock, restoreKey } from '../state/mock-state.ts'
import { setApiKey, target } from '../state/target.ts'

const EVENTS = '/api/v1/events/send'

const FAULTS: { label: string; rule: FaultRule }[] = [
  { label: 'Force 429 ×3', rule: { path: EVENTS, status: 429, count: 3 } },
  { label: 'Force 500 ×2', rule: { path: EVENTS, status: 500, count: 2 } },
  { label: 'Latency 1.5 s ×5', rule: { path: EVENTS, latencyMs: 1500, count: 5 } },
]

/** The key to restore: the one in the field, or (in-browser mock, field emptied) the demo key it started with. */
function keyToRestore(apiKey: string): string {
  if (target.value === 'browser-mock' && apiKey === '') return browserMockKey() ?? ''
  return apiKey
}

/**
 * Fault injection for the mock targets, so a user can watch the sender cope. What it says is read back from the
 * mock (`GET /_mock/faults`, `GET /_mock/keys`) on every refresh, so it cannot outlive the faults it describes.
 */
export function FaultControls({ apiKey }: { apiKey: string }) {
  const snapshot = mockSnapshot.value
  const revoked = keyInMock(apiKey)?.revoked === true
  const demoKey = target.value === 'browser-mock' ? browserMockKey() : undefined
  const lostDemoKey = demoKey !== undefined && apiKey !== demoKey
  const restore = async (): Promise<void> => {
    const key = keyToRestore(apiKey)
    if (lostDemoKey) setApiKey(demoKey, 'browser-mock')
    await restoreKey(key)
  }
  return (
    <div class="faults" role="group" aria-label="Fault controls">
      <span class="label">Faults:</span>
      {FAULTS.map((fault) => (
        <button key={fault.label} type="button" class="btn small" onClick={() => void controlMock((api) => api.post('faults', fault.rule))}>
          {fault.label}
        </button>
      ))}
      {revoked || lostDemoKey ? (
        <button
          type="button"
          class="btn small"
          title={lostDemoKey ? 'Put the demo key of the in-browser mock back in the API key field' : 'Make the revoked key work again'}
          onClick={() => void restore()}
        >
          Restore key
        </button>
      ) : (
        <button
          type="button"
          class="btn small"
          disabled={!apiKey}
          onClick={() => void controlMock((api) => api.post('keys/revoke', { key: apiKey }))}
        >
          Revoke key
        </button>
      )}
      <button type="button" class="btn small" onClick={() => void controlMock((api) => api.delete('faults'), 'Faults cleared.')}>
        Clear faults
      </button>
      {target.value === 'browser-mock' && (
        <span class="field">
          <label for="mock-limit">Limit</label>
          <select
            id="mock-limit"
            value={String(browserMockLimit.value)}
            title="The in-browser mock's rate limit; changing it starts a fresh mock"
            onChange={(e) => {
              const limit = Number(e.currentTarget.value)
              void setBrowserMockLimit(limit).then(() => {
                faultNotes.value = [...faultNotes.value.slice(-4), `A fresh mock at ${limit} requests per second.`]
                return refreshMock()
              })
            }}
          >
            {[10, 5, 2].map((n) => (
              <option key={n} value={String(n)}>
                {n}/s{n === 10 ? ' (Loops)' : ''}
              </option>
            ))}
            {![10, 5, 2].includes(browserMockLimit.value) && <option value={String(browserMockLimit.value)}>{browserMockLimit.value}/s</option>}
          </select>
        </span>
      )}
      <span class="hint fault-status" role="status">
        {faultNotes.value.at(-1) ?? ''} {snapshot ? describeFaults(snapshot.faults) : ''}
        {revoked && ' The API key in use is revoked: the mock answers 401 until you press Restore key (or Reset mock).'}
        {!revoked && lostDemoKey && ' The API key field no longer holds the demo key: Restore key puts it back.'}
      </span>
    </div>
  )
}
